using System.Runtime.CompilerServices;
using Wann.Engine.Lanes;
using Wann.Kernels.Tasks;

namespace Wann.Kernels.Cpu;

/// <summary>
/// One lane of a vector of lanes' task state, read and written in place: slot s is element
/// <paramref name="lane"/> of vector <paramref name="first"/> + s. Lets <see cref="LaneByLane"/> step a task
/// with a large state (biped: thousands of slots) without copying every slot out and back each step.
/// </summary>
internal readonly struct VectorLaneState(PinnedLanes slots, int first, int lane) : ILaneState<FloatLane>
{
    public FloatLane this[int slot]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => new(Element(slot));
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        set => Element(slot) = value.Value;
    }

    public FloatLane Gather(FloatLane slot) => this[(int)slot.Value];

    public void Scatter(FloatLane slot, FloatLane value, FloatLane mask)
    {
        if (FloatLane.Any(mask)) this[(int)slot.Value] = value;
    }

    // The vector is bounds-checked; the lane is below VectorLane.Count by construction.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ref float Element(int slot) => ref Unsafe.Add(ref Unsafe.As<VectorLane, float>(ref slots[first + slot]), lane);
}
