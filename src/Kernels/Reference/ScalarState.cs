using Wann.Engine.Lanes;
using Wann.Kernels.Tasks;

namespace Wann.Kernels.Reference;

/// <summary>One lane's task state as floats in an array, from <paramref name="first"/> on (the reference path's storage).</summary>
public readonly struct ScalarState(float[] slots, int first = 0) : ILaneState<FloatLane>
{
    public FloatLane this[int slot]
    {
        get => new(slots[first + slot]);
        set => slots[first + slot] = value.Value;
    }
}
