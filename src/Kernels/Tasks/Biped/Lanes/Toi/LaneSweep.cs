using System.Runtime.CompilerServices;
using Wann.Engine.Lanes;
using Settings = Wann.Kernels.Tasks.Biped.Physics.Settings;

namespace Wann.Kernels.Tasks.Biped.Lanes;

/// <summary>b2Sweep over a lane type, with its rotations built through <c>TTrig</c> (the bundled snapshot's <c>Advance</c>).</summary>
public struct LaneSweep<T> where T : struct, ILane<T>
{
    /// <summary>Centre of mass in the body frame.</summary>
    public Vec2<T> LocalCenter;
    /// <summary>Centre at alpha0 and at the end of the step.</summary>
    public Vec2<T> C0, C;
    /// <summary>Angle at alpha0 and at the end of the step.</summary>
    public T A0, A;
    /// <summary>Fraction of the step that C0 and A0 belong to.</summary>
    public T Alpha0;

    /// <summary>The transform at fraction <paramref name="beta"/> between (C0, A0) and (C, A).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public readonly Transform<T> GetTransform<TTrig>(T beta) where TTrig : struct, ITrig
    {
        T one = T.From(1f);
        Vec2<T> p = (one - beta) * C0 + beta * C;
        T angle = (one - beta) * A0 + beta * A;
        Rot<T> q = default(TTrig).Rotation(angle);
        return new Transform<T>(p - Rot<T>.Mul(q, LocalCenter), q);
    }

    /// <summary>Moves (C0, A0) forward to fraction <paramref name="alpha"/> in the lanes of <paramref name="mask"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Advance(T alpha, T mask)
    {
        T one = T.From(1f);
        T beta = (alpha - Alpha0) / (one - Alpha0);
        C0 = Vec2<T>.Select(mask, (one - beta) * C0 + beta * C, C0);
        A0 = T.Select(mask, (one - beta) * A0 + beta * A, A0);
        Alpha0 = T.Select(mask, alpha, Alpha0);
    }

    /// <summary>Brings A0 into [0, 2 pi) and shifts A alike.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Normalize()
    {
        const float twoPi = 2f * Settings.Pi;
        T d = T.From(twoPi) * T.Floor(A0 / T.From(twoPi));
        A0 -= d;
        A -= d;
    }
}
