using System.Runtime.CompilerServices;

namespace Wann.Engine.Lanes;

/// <summary>
/// Transcendental functions from basic lane operations only (Cody-Waite range reduction and short
/// polynomials), so every backend evaluates exactly the same sequence of IEEE operations. Accurate to a
/// few float ulps for the arguments networks and physics produce; NaN in gives NaN out.
/// </summary>
public static class LaneMath
{
    // pi/2 split so that q * part is exact for |q| < 2^15 (Cephes' DP1..DP3 doubled).
    private const float HalfPi1 = 1.5703125f;
    private const float HalfPi2 = 4.837512969970703125e-4f;
    private const float HalfPi3 = 7.549789954891882e-8f;
    private const float TwoOverPi = 0.636619772367581343f;

    private const float Ln2High = 0.693359375f;
    private const float Ln2Low = -2.12194440e-4f;
    private const float Log2E = 1.44269504088896341f;

    /// <summary>sin and cos of x.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void SinCos<T>(T x, out T sin, out T cos) where T : struct, ILane<T>
    {
        T q = T.Floor(x * T.From(TwoOverPi) + T.From(0.5f));
        T r = ((x - q * T.From(HalfPi1)) - q * T.From(HalfPi2)) - q * T.From(HalfPi3);
        Quadrant(q, r, out sin, out cos);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Sin<T>(T x) where T : struct, ILane<T>
    {
        SinCos(x, out T s, out _);
        return s;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Cos<T>(T x) where T : struct, ILane<T>
    {
        SinCos(x, out _, out T c);
        return c;
    }

    /// <summary>
    /// sin(pi x) = (-1)^n sin(pi r), with x = n + r, n the nearest integer, so no rounding of pi x is ever
    /// amplified. x - floor(x) is exact but for x in (-1, 0), where 1 + x rounds by up to 2^-25 (measured: 4 ulps
    /// near sin = 0.5, 1,500 ulps of a result near 0; ActivationTests bounds both).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T SinPi<T>(T x) where T : struct, ILane<T>
    {
        T n = T.Floor(x);
        T fraction = x - n;                       // in [0, 1); exact unless x is in (-1, 0)
        T half = T.From(0.5f);
        T r = T.IfGreater(fraction, half, fraction - T.From(1f), fraction);
        n = T.IfGreater(fraction, half, n + T.From(1f), n);
        return NegateIfOdd(n, SinPiSmall(r));
    }

    /// <summary>cos(pi x) = (-1)^(n+1) sin(pi r), with n = floor x and r = x - n - 1/2 in [-1/2, 1/2) (exact but for x in (-1, 0), as in <see cref="SinPi{T}"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T CosPi<T>(T x) where T : struct, ILane<T>
    {
        T n = T.Floor(x);
        T r = (x - n) - T.From(0.5f);
        return NegateIfOdd(n + T.From(1f), SinPiSmall(r));
    }

    /// <summary>sin(pi r) for |r| &lt;= 1/2: Taylor series to r^11, truncation below 6e-8 at the ends.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T SinPiSmall<T>(T r) where T : struct, ILane<T>
    {
        T z = r * r;
        T p = T.From(-7.37043094571435e-3f);        // -pi^11 / 11!
        p = p * z + T.From(8.21458866111282e-2f);   //  pi^9 / 9!
        p = p * z + T.From(-5.99264529320792e-1f);  // -pi^7 / 7!
        p = p * z + T.From(2.55016403987734f);      //  pi^5 / 5!
        p = p * z + T.From(-5.16771278004997f);     // -pi^3 / 3!
        p = p * z + T.From(3.14159265358979f);      //  pi
        return p * r;
    }

    /// <summary>-v where the integer n is odd, v where it is even (n exact, |n| &lt; 2^24).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T NegateIfOdd<T>(T n, T v) where T : struct, ILane<T>
    {
        T odd = n - T.From(2f) * T.Floor(n * T.From(0.5f));   // 0 or 1
        return T.IfGreater(odd, T.From(0.5f), -v, v);
    }

    /// <summary>Given x = q pi/2 + r with |r| &lt;= pi/4, sin x and cos x from the quadrant q mod 4.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Quadrant<T>(T q, T r, out T sin, out T cos) where T : struct, ILane<T>
    {
        T z = r * r;
        // Taylor series to r^9 and r^10: truncation below 2e-9 on |r| <= pi/4.
        T s = r + r * z * (T.From(-1f / 6f) + z * (T.From(1f / 120f) + z * (T.From(-1f / 5040f) + z * T.From(1f / 362880f))));
        T c = T.From(1f) + z * (T.From(-0.5f) + z * (T.From(1f / 24f) + z * (T.From(-1f / 720f) + z * (T.From(1f / 40320f) + z * T.From(-1f / 3628800f)))));
        T m = q - T.From(4f) * T.Floor(q * T.From(0.25f));          // q mod 4, in 0..3
        T odd = m - T.From(2f) * T.Floor(m * T.From(0.5f));        // 0 or 1
        T sinAbs = T.IfPositive(odd, c, s);
        T cosAbs = T.IfPositive(odd, s, c);
        sin = T.IfGreater(m, T.From(1.5f), -sinAbs, sinAbs);                                  // quadrants 2, 3
        cos = T.IfPositive((m - T.From(0.5f)) * (T.From(2.5f) - m), -cosAbs, cosAbs);           // quadrants 1, 2
    }

    /// <summary>e^x; 0 below -86.5 (the float denormal range is dropped), infinity above 88.72.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Exp<T>(T x) where T : struct, ILane<T>
    {
        T result = ExpInRange(Clamp(x, -86.5f, 88.72f));
        result = T.IfGreater(x, T.From(88.72f), T.From(float.PositiveInfinity), result);
        return T.IfGreater(T.From(-86.5f), x, T.From(0f), result);
    }

    /// <summary>e^x for x &lt;= 0; 0 below -86.5. The Gaussian's case: half the range checks of <see cref="Exp{T}"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T ExpOfNonPositive<T>(T x) where T : struct, ILane<T>
    {
        T lower = T.From(-86.5f);
        T result = ExpInRange(T.IfGreater(lower, x, lower, x));
        return T.IfGreater(lower, x, T.From(0f), result);
    }

    /// <summary>e^x for x in [-86.5, 88.72] (NaN passes through): Cody-Waite reduction by ln 2 and Cephes' expf polynomial.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T ExpInRange<T>(T x) where T : struct, ILane<T>
    {
        T k = T.Floor(x * T.From(Log2E) + T.From(0.5f));
        T r = (x - k * T.From(Ln2High)) - k * T.From(Ln2Low);
        T r2 = r * r;
        // Cephes expf minimax polynomial on |r| <= ln2 / 2.
        T p = T.From(1.9875691500e-4f);
        p = p * r + T.From(1.3981999507e-3f);
        p = p * r + T.From(8.3334519073e-3f);
        p = p * r + T.From(4.1665795894e-2f);
        p = p * r + T.From(1.6666665459e-1f);
        p = p * r + T.From(5.0000001201e-1f);
        p = p * r2 + r + T.From(1f);
        // 2^k as 2^(k-1) * 2 keeps k = 128 (x near 88.7) inside the exponent range.
        return p * T.Pow2(k - T.From(1f)) * T.From(2f);
    }

    /// <summary>
    /// ln x for positive normal x (below 2^-126 and at 0 the result is not meaningful; NaN gives NaN). x is
    /// brought into [1, 2) by exact power-of-two scalings chosen by comparisons (no bit access, so every lane
    /// type runs the same operations), then Cephes' logf polynomial, accurate to about an ulp.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Log<T>(T x) where T : struct, ILane<T>
    {
        // Every scaling is exact and every exponent step an integer below 2^24: nothing here rounds, in any order.
        T e = T.From(0f);
        x = ScaleDown(x, ref e, 64f, 18446744073709551616f, 1f / 18446744073709551616f);
        x = ScaleDown(x, ref e, 32f, 4294967296f, 1f / 4294967296f);
        x = ScaleDown(x, ref e, 16f, 65536f, 1f / 65536f);
        x = ScaleDown(x, ref e, 8f, 256f, 1f / 256f);
        x = ScaleDown(x, ref e, 4f, 16f, 1f / 16f);
        x = ScaleDown(x, ref e, 2f, 4f, 1f / 4f);
        x = ScaleDown(x, ref e, 1f, 2f, 1f / 2f);
        x = ScaleUp(x, ref e, 64f, 1f / 9223372036854775808f, 18446744073709551616f);
        x = ScaleUp(x, ref e, 32f, 1f / 2147483648f, 4294967296f);
        x = ScaleUp(x, ref e, 16f, 1f / 32768f, 65536f);
        x = ScaleUp(x, ref e, 8f, 1f / 128f, 256f);
        x = ScaleUp(x, ref e, 4f, 1f / 8f, 16f);
        x = ScaleUp(x, ref e, 2f, 1f / 2f, 4f);
        x = ScaleUp(x, ref e, 1f, 1f, 2f);
        // x in [1, 2); Cephes centres the polynomial on [sqrt(1/2), sqrt(2)).
        T high = T.Greater(x, T.From(1.41421356237f));
        x = T.Select(high, x * T.From(0.5f), x);
        e = T.Select(high, e + T.From(1f), e);
        T f = x - T.From(1f);                      // exact (Sterbenz)
        T z = f * f;
        T p = T.From(7.0376836292e-2f);
        p = p * f + T.From(-1.1514610310e-1f);
        p = p * f + T.From(1.1676998740e-1f);
        p = p * f + T.From(-1.2420140846e-1f);
        p = p * f + T.From(1.4249322787e-1f);
        p = p * f + T.From(-1.6668057665e-1f);
        p = p * f + T.From(2.0000714765e-1f);
        p = p * f + T.From(-2.4999993993e-1f);
        p = p * f + T.From(3.3333331174e-1f);
        T y = p * f * z;
        y = y + e * T.From(Ln2Low);
        y = y - T.From(0.5f) * z;
        T result = f + y;
        return result + e * T.From(Ln2High);        // e * Ln2High is exact (Ln2High has 9 significant bits)
    }

    /// <summary>x * 2^-s and e + s where x &gt;= 2^s (keeps x below 2^s given x below 2^2s); the powers are passed in as constants.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T ScaleDown<T>(T x, ref T e, float s, float twoToS, float twoToMinusS) where T : struct, ILane<T>
    {
        T atLeast = T.Not(T.Greater(T.From(twoToS), x));
        e = T.Select(atLeast, e + T.From(s), e);
        return T.Select(atLeast, x * T.From(twoToMinusS), x);
    }

    /// <summary>x * 2^s and e - s where x &lt; 2^(1-s) (keeps x at least 2^(1-s) given x at least 2^(1-2s)).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T ScaleUp<T>(T x, ref T e, float s, float twoToOneMinusS, float twoToS) where T : struct, ILane<T>
    {
        T below = T.Greater(T.From(twoToOneMinusS), x);
        e = T.Select(below, e - T.From(s), e);
        return T.Select(below, x * T.From(twoToS), x);
    }

    /// <summary>
    /// tanh x: Cephes' minimax polynomial below |x| = 0.625, where 1 - 2 / (e^{2|x|} + 1) would cancel,
    /// that form above it; odd by construction. Beyond |x| = 20, e^{2|x|} is capped: tanh is 1 in float there.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Tanh<T>(T x) where T : struct, ILane<T>
    {
        T ax = T.Abs(x);
        T one = T.From(1f);
        T twice = ax + ax;
        T large = one - T.From(2f) / (ExpInRange(T.IfGreater(twice, T.From(40f), T.From(40f), twice)) + one);
        T z = ax * ax;
        T p = T.From(-5.70498872745e-3f);
        p = p * z + T.From(2.06390887954e-2f);
        p = p * z + T.From(-5.37397155531e-2f);
        p = p * z + T.From(1.33314422036e-1f);
        p = p * z + T.From(-3.33332819422e-1f);
        T small = p * z * ax + ax;
        T magnitude = T.IfGreater(ax, T.From(0.625f), large, small);
        return T.IfGreater(T.From(0f), x, -magnitude, magnitude);
    }

    /// <summary>The logistic function 1 / (1 + e^-x): one exponential and one division, accurate to a few ulps everywhere.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Logistic<T>(T x) where T : struct, ILane<T>
    {
        // e^-x is capped at e^87 (the result, 1.6e-38, is the float minimum's neighbour) and floored at
        // e^-87, where 1 + e^-x is 1 in float anyway.
        T one = T.From(1f);
        return one / (one + ExpInRange(Clamp(-x, -87f, 87f)));
    }

    /// <summary>Clamps to [lo, hi]; NaN stays NaN (an unstable network then scores as the worst, on every backend alike).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Clamp<T>(T x, float lo, float hi) where T : struct, ILane<T>
    {
        var low = T.From(lo);
        var high = T.From(hi);
        x = T.IfGreater(x, high, high, x);
        return T.IfGreater(low, x, low, x);
    }

    /// <summary>1 where |x| &gt; limit, else 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Beyond<T>(T x, float limit) where T : struct, ILane<T> =>
        T.IfGreater(T.Abs(x), T.From(limit), T.From(1f), T.From(0f));
}
