namespace Wann.Engine.Lanes;

/// <summary>
/// Arithmetic on one lane or a vector of lanes. Activations, their transcendental functions
/// (<see cref="LaneMath"/>) and task physics are written once against this interface; a scalar float
/// (reference interpreter, GPU kernels) and SIMD vectors (CPU backend) implement it with the same IEEE
/// operations, so the backends compute bit-identical results wherever the hardware rounds alike.
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
    static abstract T Floor(T a);
    /// <summary>2^n for integer-valued n in [-126, 127], built from the exponent bits.</summary>
    static abstract T Pow2(T n);
    /// <summary>Per lane: <paramref name="condition"/> &gt; 0 ? <paramref name="whenPositive"/> : <paramref name="otherwise"/> (NaN is not positive).</summary>
    static abstract T IfPositive(T condition, T whenPositive, T otherwise);
    /// <summary>Per lane: <paramref name="a"/> &gt; <paramref name="b"/> ? <paramref name="whenGreater"/> : <paramref name="otherwise"/> (false where either is NaN).</summary>
    static abstract T IfGreater(T a, T b, T whenGreater, T otherwise);
}
