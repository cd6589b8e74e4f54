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

    /// <summary>Correctly rounded square root (IEEE, as every backend's sqrt instruction rounds).</summary>
    static abstract T Sqrt(T a);

    // Masks: one truth value per lane, made by a comparison and consumed only by the mask operations below
    // (their representation is the lane type's own: 1 or 0 on a float lane, all bits or none in a vector).
    // They let code with branches on lane values (contacts, collision, iterations until converged) run once
    // over every lane: both sides computed, each lane keeping its own.

    /// <summary>Per lane a &gt; b (false where either is NaN).</summary>
    static abstract T Greater(T a, T b);
    /// <summary>Per lane a &lt; b (false where either is NaN).</summary>
    static abstract T Less(T a, T b);
    /// <summary>Per lane a == b (false where either is NaN).</summary>
    static abstract T Equal(T a, T b);
    /// <summary>
    /// Per lane: a and b have the same bits (unlike <see cref="Equal"/>, -0 differs from +0 and a NaN equals
    /// itself). What an exact fixed-point test needs: a value that keeps its bits keeps every later result's.
    /// </summary>
    static abstract T SameBits(T a, T b);
    /// <summary>Both masks true.</summary>
    static abstract T And(T a, T b);
    /// <summary>Either mask true.</summary>
    static abstract T Or(T a, T b);
    /// <summary><paramref name="a"/> true and <paramref name="b"/> false.</summary>
    static abstract T AndNot(T a, T b);
    /// <summary>The mask negated.</summary>
    static abstract T Not(T mask);
    /// <summary>Per lane: mask ? <paramref name="whenTrue"/> : <paramref name="otherwise"/>.</summary>
    static abstract T Select(T mask, T whenTrue, T otherwise);
    /// <summary>Whether any lane's mask is true.</summary>
    static abstract bool Any(T mask);
    /// <summary>The mask true in every lane.</summary>
    static abstract T True { get; }
    /// <summary>The mask false in every lane.</summary>
    static abstract T False { get; }
}
