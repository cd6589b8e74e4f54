using ILGPU;
using Wann.Engine.Lanes;
using Wann.Kernels.Tasks;

namespace Wann.Kernels.Gpu;

/// <summary>
/// Device code: one thread's network values, laid out [slot x stride + offset] (shared or global memory). Slot 0 is
/// the bias, inputs follow; outputs are wherever the program put them.
/// </summary>
public readonly struct DeviceNetworkValues(ArrayView<float> values, int stride, int offset, ArrayView<int> outputSlot, int outputBase)
    : INetworkValues<FloatLane>
{
    public void SetInput(int index, FloatLane value) => values[(1 + index) * stride + offset] = value.Value;

    public FloatLane Output(int index) => new(values[outputSlot[outputBase + index] * stride + offset]);
}
