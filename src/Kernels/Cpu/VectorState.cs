using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Wann.Kernels.Tasks;

namespace Wann.Kernels.Cpu;

/// <summary>The task state of one vector of lanes: its slots are consecutive vectors of a scratch array.</summary>
public readonly struct VectorState(VectorLane[] slots, int first) : ILaneState<VectorLane>
{
    // Lane i of slot s is float (first + s) x width + i of the array.
    private static readonly Vector<int> LaneIndex = Vector<int>.Indices;

    public VectorLane this[int slot]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => slots[first + slot];
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        set => slots[first + slot] = value;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public VectorLane Gather(VectorLane slot) => LaneGather.Load(Floats, ElementIndex(slot));

    public void Scatter(VectorLane slot, VectorLane value, VectorLane mask)
    {
        if (VectorLane.Any(mask)) LaneGather.Store(Floats, ElementIndex(slot), value, mask);
    }

    private Span<float> Floats => MemoryMarshal.Cast<VectorLane, float>(slots.AsSpan());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Vector<int> ElementIndex(VectorLane slot) =>
        (Vector.ConvertToInt32(slot.Value) + new Vector<int>(first)) * new Vector<int>(Vector<int>.Count) + LaneIndex;
}
