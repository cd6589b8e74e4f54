using System.Runtime.CompilerServices;
using Wann.Kernels.Tasks;

namespace Wann.Kernels.Cpu;

/// <summary>The task state of one vector of lanes: its slots are consecutive vectors of a scratch array.</summary>
public readonly struct VectorState(VectorLane[] slots, int first) : ILaneState<VectorLane>
{
    public VectorLane this[int slot]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => slots[first + slot];
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        set => slots[first + slot] = value;
    }
}
