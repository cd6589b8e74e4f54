using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Wann.Kernels.Cpu;

/// <summary>
/// Per-lane loads and stores at computed float indices, for vector states and episode data read at each lane's
/// own slot (the walker's contacts, edges and bodies): one AVX2 gather per 8 lanes where the CPU has it, a lane
/// loop elsewhere. Indices are checked against the array's length first, as an array access would be.
/// </summary>
internal static class LaneGather
{
    /// <summary>Element <paramref name="index"/>[i] of <paramref name="values"/> in lane i.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe VectorLane Load(ReadOnlySpan<float> values, Vector<int> index)
    {
        CheckRange(index, values.Length);
        fixed (float* first = values)
        {
            if (Avx2.IsSupported && Vector<int>.Count == Vector256<int>.Count)
                return new VectorLane(Avx2.GatherVector256(first, index.AsVector256(), 4).AsVector());
            if (Avx2.IsSupported && Vector<int>.Count == Vector512<int>.Count)
            {
                Vector512<int> wide = index.AsVector512();
                Vector256<float> lower = Avx2.GatherVector256(first, wide.GetLower(), 4);
                Vector256<float> upper = Avx2.GatherVector256(first, wide.GetUpper(), 4);
                return new VectorLane(Vector512.Create(lower, upper).AsVector());
            }
            Span<float> gathered = stackalloc float[Vector<float>.Count];
            for (int i = 0; i < gathered.Length; i++) gathered[i] = first[index[i]];
            return VectorLane.Load(gathered);
        }
    }

    /// <summary>Stores lane i's value at element <paramref name="index"/>[i] where the mask is set.</summary>
    public static void Store(Span<float> values, Vector<int> index, VectorLane value, VectorLane mask)
    {
        CheckRange(index, values.Length);
        int width = Vector<float>.Count;
        Span<int> at = stackalloc int[width];
        Span<float> lanes = stackalloc float[width];
        index.CopyTo(at);
        value.Store(lanes);
        ulong set = MaskBits(mask);
        while (set != 0)
        {
            int i = BitOperations.TrailingZeroCount(set);
            values[at[i]] = lanes[i];
            set &= set - 1;
        }
    }

    // Bit i set where lane i of the mask is (its sign bit, as a comparison's all-ones lane has).
    private static ulong MaskBits(VectorLane mask)
    {
        if (Vector<float>.Count == Vector256<float>.Count) return mask.Value.AsVector256().ExtractMostSignificantBits();
        if (Vector<float>.Count == Vector512<float>.Count) return mask.Value.AsVector512().ExtractMostSignificantBits();
        ulong bits = 0;
        for (int i = 0; i < Vector<float>.Count; i++)
            if (BitConverter.SingleToInt32Bits(mask[i]) != 0) bits |= 1UL << i;
        return bits;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void CheckRange(Vector<int> index, int length)
    {
        if (Vector.LessThanAny(index, Vector<int>.Zero) || Vector.GreaterThanOrEqualAny(index, new Vector<int>(length)))
            throw new IndexOutOfRangeException("a lane's gather index is outside its array");
    }
}
