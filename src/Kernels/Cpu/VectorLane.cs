using System.Runtime.CompilerServices;
using System.Numerics;

namespace Wann.Kernels.Cpu;

/// <summary>Vector&lt;float&gt;.Count float lanes (8 with AVX2; 16 with AVX-512 when DOTNET_PreferredVectorBitWidth=512) as one SIMD vector (see <see cref="IVectorLane{T}"/>).</summary>
public readonly struct VectorLane : IVectorLane<VectorLane>
{
    public readonly Vector<float> Value;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public VectorLane(Vector<float> value) => Value = value;

    public static int Count => Vector<float>.Count;
    public static bool IsHardwareAccelerated => Vector.IsHardwareAccelerated;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorLane Load(ReadOnlySpan<float> source) => new(new Vector<float>(source));
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Store(Span<float> destination) => Value.CopyTo(destination);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool AnyNonZero() => !Vector.EqualsAll(Value, Vector<float>.Zero);

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
    // Selects rather than Min/Max instructions, so NaN handling matches the scalar lane exactly.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorLane Min(VectorLane a, VectorLane b) => new(Vector.ConditionalSelect(Vector.LessThan(a.Value, b.Value), a.Value, b.Value));
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorLane Max(VectorLane a, VectorLane b) => new(Vector.ConditionalSelect(Vector.GreaterThan(a.Value, b.Value), a.Value, b.Value));
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorLane MultiplyAdd(VectorLane a, VectorLane b, VectorLane c) => new(Vector.FusedMultiplyAdd(a.Value, b.Value, c.Value));
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorLane Sin(VectorLane a) => new(Vector.Sin(a.Value));
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorLane Cos(VectorLane a) => new(Vector.Cos(a.Value));
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorLane Exp(VectorLane a) => new(Vector.Exp(a.Value));

    /// <summary>
    /// tanh from exp: sign(x) (1 - 2 / (exp(2|x|) + 1)), with a short series near 0 where that form
    /// cancels. Within a few float ulps of MathF.Tanh; NaN stays NaN.
    /// </summary>
    public static VectorLane Tanh(VectorLane a)
    {
        var x = a.Value;
        var ax = Vector.Abs(x);
        var one = new Vector<float>(1f);
        var large = one - new Vector<float>(2f) / (Vector.Exp(ax + ax) + one);
        var x2 = ax * ax;
        // x - x^3/3 + 2x^5/15 - 17x^7/315: error below 1e-9 relative for |x| < 0.0625.
        var small = ax * (one + x2 * (new Vector<float>(-1f / 3f) + x2 * (new Vector<float>(2f / 15f) + x2 * new Vector<float>(-17f / 315f))));
        var magnitude = Vector.ConditionalSelect(Vector.LessThan(ax, new Vector<float>(0.0625f)), small, large);
        return new(Vector.ConditionalSelect(Vector.LessThan(x, Vector<float>.Zero), -magnitude, magnitude));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorLane IfPositive(VectorLane condition, VectorLane whenPositive, VectorLane otherwise) =>
        new(Vector.ConditionalSelect(Vector.GreaterThan(condition.Value, Vector<float>.Zero), whenPositive.Value, otherwise.Value));
}
