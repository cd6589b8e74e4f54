using ILGPU;
using Wann.Engine.Lanes;
using Wann.Kernels.Tasks;

namespace Wann.Kernels.Gpu;

/// <summary>A large task state in a device buffer: slot s of a thread at [s x stride + offset] (coalesced per slot).</summary>
public struct BufferState : ILaneState<FloatLane>
{
    public ArrayView<float> Slots;
    public int Stride;
    public int Offset;

    public FloatLane this[int slot]
    {
        readonly get => new(Slots[slot * Stride + Offset]);
        set => Slots[slot * Stride + Offset] = value.Value;
    }
}
