namespace Wann.Engine.Lanes;

/// <summary>One lane as a plain float: the reference interpreter's and the GPU kernels' lane type.</summary>
public readonly struct FloatLane : ILane<FloatLane>
{
    public readonly float Value;

    public FloatLane(float value) => Value = value;

    public static FloatLane From(float value) => new(value);
    public static FloatLane operator +(FloatLane a, FloatLane b) => new(a.Value + b.Value);
    public static FloatLane operator -(FloatLane a, FloatLane b) => new(a.Value - b.Value);
    public static FloatLane operator *(FloatLane a, FloatLane b) => new(a.Value * b.Value);
    public static FloatLane operator /(FloatLane a, FloatLane b) => new(a.Value / b.Value);
    public static FloatLane operator -(FloatLane a) => new(-a.Value);
    public static FloatLane Abs(FloatLane a) => new(MathF.Abs(a.Value));
    public static FloatLane Floor(FloatLane a) => new(MathF.Floor(a.Value));
    public static FloatLane Pow2(FloatLane n) => new(BitConverter.Int32BitsToSingle(((int)n.Value + 127) << 23));
    public static FloatLane IfPositive(FloatLane condition, FloatLane whenPositive, FloatLane otherwise) =>
        condition.Value > 0f ? whenPositive : otherwise;

    /// <summary>
    /// a &gt; b as a - b &gt; 0, which is the same for every float pair (NaN and equal infinities give NaN,
    /// hence false; a difference of unequal floats is never zero, subnormals being kept). The plain form
    /// meets an ILGPU bug: with a constant on the left (lo &gt; x) it swaps the operands into an unordered
    /// x &lt; lo, true for NaN, so a clamp of NaN gave a bound on CUDA and NaN on the CPU.
    /// </summary>
    public static FloatLane IfGreater(FloatLane a, FloatLane b, FloatLane whenGreater, FloatLane otherwise) =>
        a.Value - b.Value > 0f ? whenGreater : otherwise;
}
