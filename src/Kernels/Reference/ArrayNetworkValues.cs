using System.Runtime.CompilerServices;
using Wann.Engine.Lanes;
using Wann.Kernels.Tasks;

namespace Wann.Kernels.Reference;

/// <summary>One lane's network inputs and outputs as the reference interpreter takes them: plain arrays.</summary>
internal readonly struct ArrayNetworkValues(float[] inputs, float[] outputs) : INetworkValues<FloatLane>
{
    public float[] Inputs => inputs;
    public float[] Outputs => outputs;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void SetInput(int index, FloatLane value) => inputs[index] = value.Value;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public FloatLane Output(int index) => new(outputs[index]);
}
