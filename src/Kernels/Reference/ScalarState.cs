using Wann.Engine.Lanes;
using Wann.Kernels.Tasks;

namespace Wann.Kernels.Reference;

/// <summary>One lane's task state as floats in an array (the reference path's storage).</summary>
public readonly struct ScalarState(float[] slots) : ILaneState<FloatLane>
{
    public FloatLane this[int slot]
    {
        get => new(slots[slot]);
        set => slots[slot] = value.Value;
    }

    public FloatLane Gather(FloatLane slot) => new(slots[(int)slot.Value]);

    public void Scatter(FloatLane slot, FloatLane value, FloatLane mask)
    {
        if (FloatLane.Any(mask)) slots[(int)slot.Value] = value.Value;
    }
}
