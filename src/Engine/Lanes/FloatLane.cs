using System.Runtime.CompilerServices;

namespace Wann.Engine.Lanes;

/// <summary>One lane as a plain float: the reference interpreter's and the GPU kernels' lane type.</summary>
public readonly struct FloatLane : ILane<FloatLane>
{
    public readonly float Value;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public FloatLane(float value) => Value = value;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static FloatLane From(float value) => new(value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static FloatLane operator +(FloatLane a, FloatLane b) => new(a.Value + b.Value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static FloatLane operator -(FloatLane a, FloatLane b) => new(a.Value - b.Value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static FloatLane operator *(FloatLane a, FloatLane b) => new(a.Value * b.Value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static FloatLane operator /(FloatLane a, FloatLane b) => new(a.Value / b.Value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static FloatLane operator -(FloatLane a) => new(-a.Value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static FloatLane Abs(FloatLane a) => new(MathF.Abs(a.Value));
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static FloatLane Floor(FloatLane a) => new(MathF.Floor(a.Value));
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static FloatLane Pow2(FloatLane n) => new(BitConverter.Int32BitsToSingle(((int)n.Value + 127) << 23));
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static FloatLane IfPositive(FloatLane condition, FloatLane whenPositive, FloatLane otherwise) =>
        condition.Value > 0f ? whenPositive : otherwise;

    /// <summary>
    /// a &gt; b as a - b &gt; 0, which is the same for every float pair (NaN and equal infinities give NaN,
    /// hence false; a difference of unequal floats is never zero, subnormals being kept). The plain form
    /// meets an ILGPU bug: with a constant on the left (lo &gt; x) it swaps the operands into an unordered
    /// x &lt; lo, true for NaN, so a clamp of NaN gave a bound on CUDA and NaN on the CPU.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static FloatLane IfGreater(FloatLane a, FloatLane b, FloatLane whenGreater, FloatLane otherwise) =>
        a.Value - b.Value > 0f ? whenGreater : otherwise;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static FloatLane Sqrt(FloatLane a) => new(MathF.Sqrt(a.Value));

    // Masks are 1 (true) or 0 (false). The comparisons are written as IfGreater is, as differences against
    // zero, so ILGPU never meets a constant on the left of a comparison.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static FloatLane Greater(FloatLane a, FloatLane b) => new(a.Value - b.Value > 0f ? 1f : 0f);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static FloatLane Less(FloatLane a, FloatLane b) => new(b.Value - a.Value > 0f ? 1f : 0f);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static FloatLane Equal(FloatLane a, FloatLane b) => new(a.Value == b.Value ? 1f : 0f);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static FloatLane SameBits(FloatLane a, FloatLane b) =>
        new(BitConverter.SingleToInt32Bits(a.Value) == BitConverter.SingleToInt32Bits(b.Value) ? 1f : 0f);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static FloatLane And(FloatLane a, FloatLane b) => new(a.Value * b.Value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static FloatLane Or(FloatLane a, FloatLane b) => new(a.Value + b.Value > 0f ? 1f : 0f);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static FloatLane AndNot(FloatLane a, FloatLane b) => new(a.Value - b.Value > 0f ? 1f : 0f);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static FloatLane Not(FloatLane mask) => new(1f - mask.Value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static FloatLane Select(FloatLane mask, FloatLane whenTrue, FloatLane otherwise) => mask.Value > 0f ? whenTrue : otherwise;
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Any(FloatLane mask) => mask.Value > 0f;
    public static FloatLane True => new(1f);
    public static FloatLane False => new(0f);
}
