using System.Diagnostics;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Wann.Kernels.Tasks;

namespace Wann.Kernels.Cpu;

/// <summary>The task state of one vector of lanes: its slots are consecutive vectors of a scratch array.</summary>
public readonly struct VectorState : ILaneState<VectorLane>
{
    // Lane i of slot s is float (first + s) x width + i of the array.
    private static readonly Vector<int> LaneIndex = Vector<int>.Indices;
    private readonly VectorLane[] slots;
    private readonly int first;

    /// <summary>The state of <paramref name="stateSize"/> slots from vector <paramref name="first"/> of <paramref name="slots"/>.</summary>
    public VectorState(VectorLane[] slots, int first, int stateSize)
    {
        // Checked once here, so that the slot accessors below need no check of their own (tasks index their
        // slots with constants below their state size; the walker reads thousands a step).
        if (first < 0 || stateSize < 0 || (long)first + stateSize > slots.Length)
            throw new ArgumentOutOfRangeException(nameof(first), $"slots [{first}, {first + stateSize}) do not fit in {slots.Length}");
        this.slots = slots;
        this.first = first;
        StateSize = stateSize;
    }

    /// <summary>Slots the task owns.</summary>
    public int StateSize { get; }

    public VectorLane this[int slot]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Slot(slot);
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        set => Slot(slot) = value;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ref VectorLane Slot(int slot)
    {
        Debug.Assert((uint)slot < (uint)StateSize);
        return ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(slots), first + slot);
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
