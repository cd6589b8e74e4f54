using System.Runtime.CompilerServices;
using System.Numerics;
using System.Runtime.Intrinsics;

namespace Wann.Kernels.Cpu;

/// <summary>Vector&lt;float&gt;.Count float lanes (8 with AVX2; 16 with AVX-512 when DOTNET_PreferredVectorBitWidth=512) as one SIMD vector (see <see cref="IVectorLane{T}"/>).</summary>
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
}
