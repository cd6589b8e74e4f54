using Wann.Engine.Lanes;

namespace Wann.Kernels.Tasks;

/// <summary>Small helpers over <see cref="ILane{T}"/> with one NaN behaviour on every backend.</summary>
public static class LaneMath
{
    /// <summary>Clamps to [lo, hi]; NaN stays NaN (so an unstable network scores as the worst, everywhere alike).</summary>
    public static T Clamp<T>(T x, float lo, float hi) where T : struct, ILane<T>
    {
        var low = T.From(lo);
        var high = T.From(hi);
        x = T.IfPositive(x - high, high, x);
        return T.IfPositive(low - x, low, x);
    }

    /// <summary>1 where |x| &gt; limit, else 0.</summary>
    public static T Beyond<T>(T x, float limit) where T : struct, ILane<T> =>
        T.IfPositive(T.Abs(x) - T.From(limit), T.From(1f), T.From(0f));
}
