using System.Diagnostics;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Wann.Kernels.Tasks;

namespace Wann.Kernels.Cpu;

/// <summary>
/// The task state of one vector of lanes: <see cref="StateSize"/> consecutive vectors of a pinned array
/// (<see cref="PinnedLanes"/>), addressed through a pointer so that a slot named by a constant is one load.
/// </summary>
public readonly unsafe struct VectorState : ILaneState<VectorLane>
{
    // Lane i of slot s is float s x width + i from the first slot.
    private static readonly Vector<int> LaneIndex = Vector<int>.Indices;
    private readonly VectorLane* _first;

    /// <summary>The state of <paramref name="stateSize"/> slots from vector <paramref name="first"/> of <paramref name="lanes"/>.</summary>
    public VectorState(PinnedLanes lanes, int first, int stateSize)
    {
        // Checked once here, so that the slot accessors below need no check of their own (tasks index their
        // slots with constants below their state size; the walker reads thousands a step).
        if (first < 0 || stateSize < 0 || (long)first + stateSize > lanes.Length)
            throw new ArgumentOutOfRangeException(nameof(first), $"slots [{first}, {first + stateSize}) do not fit in {lanes.Length}");
        _first = lanes.Pointer + first;
        StateSize = stateSize;
    }

    /// <summary>Slots the task owns.</summary>
    public int StateSize { get; }

    public VectorLane this[int slot]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            Debug.Assert((uint)slot < (uint)StateSize);
            return _first[slot];
        }
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        set
        {
            Debug.Assert((uint)slot < (uint)StateSize);
            _first[slot] = value;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public VectorLane Gather(VectorLane slot) => LaneGather.Load(Floats, ElementIndex(slot));

    public void Scatter(VectorLane slot, VectorLane value, VectorLane mask)
    {
        if (VectorLane.Any(mask)) LaneGather.Store(Floats, ElementIndex(slot), value, mask);
    }

    private Span<float> Floats => new(_first, StateSize * Vector<float>.Count);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<int> ElementIndex(VectorLane slot) =>
        Vector.ConvertToInt32(slot.Value) * new Vector<int>(Vector<int>.Count) + LaneIndex;
}

/// <summary>An array of lane vectors that the GC never moves, so <see cref="VectorState"/> can point into it.</summary>
public sealed unsafe class PinnedLanes
{
    private readonly VectorLane[] _lanes;

    /// <summary><paramref name="length"/> zeroed vectors.</summary>
    public PinnedLanes(int length)
    {
        _lanes = GC.AllocateArray<VectorLane>(length, pinned: true);
        Pointer = (VectorLane*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(_lanes));
    }

    /// <summary>Number of vectors.</summary>
    public int Length => _lanes.Length;

    /// <summary>The first vector (valid as long as this object lives).</summary>
    public VectorLane* Pointer { get; }

    /// <summary>The vectors.</summary>
    public Span<VectorLane> Span => _lanes;

    /// <summary>Vector <paramref name="index"/>.</summary>
    public ref VectorLane this[int index] => ref _lanes[index];
}
