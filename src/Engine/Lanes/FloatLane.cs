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
    public static FloatLane Min(FloatLane a, FloatLane b) => new(a.Value < b.Value ? a.Value : b.Value);
    public static FloatLane Max(FloatLane a, FloatLane b) => new(a.Value > b.Value ? a.Value : b.Value);
    public static FloatLane MultiplyAdd(FloatLane a, FloatLane b, FloatLane c) => new(a.Value * b.Value + c.Value);
    public static FloatLane Sin(FloatLane a) => new(MathF.Sin(a.Value));
    public static FloatLane Cos(FloatLane a) => new(MathF.Cos(a.Value));
    public static FloatLane Exp(FloatLane a) => new(MathF.Exp(a.Value));
    public static FloatLane Tanh(FloatLane a) => new(MathF.Tanh(a.Value));
    public static FloatLane IfPositive(FloatLane condition, FloatLane whenPositive, FloatLane otherwise) =>
        condition.Value > 0f ? whenPositive : otherwise;
}
