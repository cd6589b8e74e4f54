using ILGPU;
using Wann.Engine.Lanes;

namespace Wann.Kernels.Gpu;

/// <summary>A large task state in a device buffer: slot s of a thread at [s x stride + offset] (coalesced per slot).</summary>
public struct BufferState : IDeviceLaneState
{
    public ArrayView<float> Slots;
    public int Stride;
    public int Offset;

    /// <summary>Zeroes slots [0, count): the buffer holds the last launch's, or the last episode's, state.</summary>
    public void Clear(int count)
    {
        for (int s = 0; s < count; s++) Slots[s * Stride + Offset] = 0f;
    }

    public FloatLane this[int slot]
    {
        readonly get => new(Slots[slot * Stride + Offset]);
        set => Slots[slot * Stride + Offset] = value.Value;
    }

    public readonly FloatLane Gather(FloatLane slot) => this[(int)slot.Value];

    public void Scatter(FloatLane slot, FloatLane value, FloatLane mask)
    {
        if (FloatLane.Any(mask)) this[(int)slot.Value] = value;
    }
}
