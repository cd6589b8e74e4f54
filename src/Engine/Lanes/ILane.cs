namespace Wann.Engine.Lanes;

/// <summary>
/// Arithmetic on one lane or a vector of lanes. Activations and task physics are written once against
/// this interface; a scalar float (reference interpreter, GPU kernels) and SIMD vectors (CPU backend)
/// implement it, so every backend runs the same formulas.
/// </summary>
public interface ILane<T> where T : struct, ILane<T>
{
    static abstract T From(float value);
    static abstract T operator +(T a, T b);
    static abstract T operator -(T a, T b);
    static abstract T operator *(T a, T b);
    static abstract T operator /(T a, T b);
    static abstract T operator -(T a);
    static abstract T Abs(T a);
    static abstract T Min(T a, T b);
    static abstract T Max(T a, T b);
    /// <summary>a * b + c (rounded once where the hardware allows, else twice).</summary>
    static abstract T MultiplyAdd(T a, T b, T c);
    static abstract T Sin(T a);
    static abstract T Cos(T a);
    static abstract T Exp(T a);
    static abstract T Tanh(T a);
    /// <summary>Per lane: <paramref name="condition"/> &gt; 0 ? <paramref name="whenPositive"/> : <paramref name="otherwise"/> (NaN is not positive).</summary>
    static abstract T IfPositive(T condition, T whenPositive, T otherwise);
}
