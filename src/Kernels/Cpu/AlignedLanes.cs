namespace Wann.Kernels.Cpu;

/// <summary>
/// An array of lane vectors whose first element starts on a 64-byte cache-line boundary. The GC aligns
/// arrays to 8 or 16 bytes only, and a 32-byte vector that straddles two lines costs a split load or
/// store and defeats store-to-load forwarding, the interpreter's most frequent access pattern.
/// </summary>
public sealed class AlignedLanes
{
    private const int LineBytes = 64;
    private readonly VectorLane[] _storage;
    private readonly int _offset;

    public AlignedLanes(int count)
    {
        int elementBytes = System.Runtime.CompilerServices.Unsafe.SizeOf<VectorLane>();
        int slack = (LineBytes + elementBytes - 1) / elementBytes;
        // Pinned, so the alignment found below holds for the array's whole life.
        _storage = GC.AllocateArray<VectorLane>(count + slack, pinned: true);
        _offset = OffsetToLine(_storage, elementBytes);
        Length = count;
    }

    public int Length { get; }

    public Span<VectorLane> Span => _storage.AsSpan(_offset, Length);

    private static unsafe int OffsetToLine(VectorLane[] array, int elementBytes)
    {
        fixed (VectorLane* first = array)
        {
            long misalignment = (long)first % LineBytes;
            if (misalignment == 0) return 0;
            long gap = LineBytes - misalignment;
            // Vectors are a multiple of 16 bytes and arrays 16-byte aligned, so the gap is whole elements
            // whenever a line holds whole vectors; otherwise the best available is element alignment.
            return gap % elementBytes == 0 ? (int)(gap / elementBytes) : 0;
        }
    }
}
