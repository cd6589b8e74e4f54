using System.Runtime.CompilerServices;
using System.Numerics;
using System.Runtime.Intrinsics;

namespace Wann.Kernels.Cpu;

/// <summary>Vector&lt;float&gt;.Count float lanes as one SIMD vector (see <see cref="IVectorLane{T}"/>): 8 with AVX2, and also with AVX-512 unless DOTNET_MaxVectorTBitWidth=512 (on .NET 10 DOTNET_PreferredVectorBitWidth alone leaves it at 8).</summary>
public readonly struct VectorLane : IVectorLane<VectorLane>
{
    public readonly Vector<float> Value;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public VectorLane(Vector<float> value) => Value = value;

    public static int Count => Vector<float>.Count;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorLane Load(ReadOnlySpan<float> source) => new(new Vector<float>(source));
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Store(Span<float> destination) => Value.CopyTo(destination);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int CountNonZero()
    {
        // The JIT folds the width test: AVX2-width vectors count through a movemask.
        if (Vector<float>.Count == Vector256<float>.Count)
            return Count - BitOperations.PopCount(Vector256.ExtractMostSignificantBits(Vector256.Equals(Value.AsVector256(), Vector256<float>.Zero)));
        return Count + Vector.Sum(Vector.Equals(Value, Vector<float>.Zero)); // a zero lane compares as -1
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorLane From(float value) => new(new Vector<float>(value));
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorLane operator +(VectorLane a, VectorLane b) => new(a.Value + b.Value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorLane operator -(VectorLane a, VectorLane b) => new(a.Value - b.Value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorLane operator *(VectorLane a, VectorLane b) => new(a.Value * b.Value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorLane operator /(VectorLane a, VectorLane b) => new(a.Value / b.Value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorLane operator -(VectorLane a) => new(-a.Value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorLane Abs(VectorLane a) => new(Vector.Abs(a.Value));
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorLane Floor(VectorLane a) => new(Vector.Floor(a.Value));
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorLane Pow2(VectorLane n) =>
        new(Vector.AsVectorSingle(Vector.ShiftLeft(Vector.ConvertToInt32Native(n.Value) + new Vector<int>(127), 23)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorLane IfPositive(VectorLane condition, VectorLane whenPositive, VectorLane otherwise) =>
        new(Vector.ConditionalSelect(Vector.GreaterThan(condition.Value, Vector<float>.Zero), whenPositive.Value, otherwise.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorLane IfGreater(VectorLane a, VectorLane b, VectorLane whenGreater, VectorLane otherwise) =>
        new(Vector.ConditionalSelect(Vector.GreaterThan(a.Value, b.Value), whenGreater.Value, otherwise.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorLane Sqrt(VectorLane a) => new(Vector.SquareRoot(a.Value));

    // Masks are comparison results: all bits set (true) or none, reinterpreted as floats.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorLane Greater(VectorLane a, VectorLane b) => new(Vector.AsVectorSingle(Vector.GreaterThan(a.Value, b.Value)));
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorLane Less(VectorLane a, VectorLane b) => new(Vector.AsVectorSingle(Vector.LessThan(a.Value, b.Value)));
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorLane Equal(VectorLane a, VectorLane b) => new(Vector.AsVectorSingle(Vector.Equals(a.Value, b.Value)));
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorLane SameBits(VectorLane a, VectorLane b) =>
        new(Vector.AsVectorSingle(Vector.Equals(Vector.AsVectorInt32(a.Value), Vector.AsVectorInt32(b.Value))));
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorLane And(VectorLane a, VectorLane b) => new(Vector.BitwiseAnd(a.Value, b.Value));
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorLane Or(VectorLane a, VectorLane b) => new(Vector.BitwiseOr(a.Value, b.Value));
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorLane AndNot(VectorLane a, VectorLane b) => new(Vector.AndNot(a.Value, b.Value));
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorLane Not(VectorLane mask) => new(Vector.OnesComplement(mask.Value));
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorLane Select(VectorLane mask, VectorLane whenTrue, VectorLane otherwise) =>
        new(Vector.ConditionalSelect(Vector.AsVectorInt32(mask.Value), whenTrue.Value, otherwise.Value));
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Any(VectorLane mask) => !Vector.EqualsAll(Vector.AsVectorInt32(mask.Value), Vector<int>.Zero);
    public static VectorLane True
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => new(Vector.AsVectorSingle(Vector<int>.AllBitsSet));
    }
    public static VectorLane False
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => new(Vector<float>.Zero);
    }

    /// <summary>Lane <paramref name="i"/>'s value.</summary>
    public float this[int i]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Value[i];
    }
}
