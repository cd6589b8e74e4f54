using Wann.Kernels.Tasks.Biped.Physics;

namespace Wann.Kernels.Tasks.Biped.Lanes;

/// <summary>b2Sweep with its rotations built through <c>TTrig</c> (the bundled snapshot's <c>Advance</c>).</summary>
public struct LaneSweep
{
    /// <summary>Centre of mass in the body frame.</summary>
    public Vec2 LocalCenter;
    /// <summary>Centre at alpha0 and at the end of the step.</summary>
    public Vec2 C0, C;
    /// <summary>Angle at alpha0 and at the end of the step.</summary>
    public float A0, A;
    /// <summary>Fraction of the step that C0 and A0 belong to.</summary>
    public float Alpha0;

    /// <summary>The transform at fraction <paramref name="beta"/> between (C0, A0) and (C, A).</summary>
    public readonly Transform GetTransform<TTrig>(float beta) where TTrig : struct, ITrig
    {
        Transform xf;
        xf.P = (1f - beta) * C0 + beta * C;
        float angle = (1f - beta) * A0 + beta * A;
        xf.Q = default(TTrig).Rotation(angle);
        xf.P -= Rot.Mul(xf.Q, LocalCenter);
        return xf;
    }

    /// <summary>Moves (C0, A0) forward to fraction <paramref name="alpha"/>.</summary>
    public void Advance(float alpha)
    {
        float beta = (alpha - Alpha0) / (1f - Alpha0);
        C0 = (1f - beta) * C0 + beta * C;
        A0 = (1f - beta) * A0 + beta * A;
        Alpha0 = alpha;
    }

    /// <summary>Brings A0 into [0, 2 pi) and shifts A alike.</summary>
    public void Normalize()
    {
        const float twoPi = 2f * Settings.Pi;
        float d = twoPi * MathF.Floor(A0 / twoPi);
        A0 -= d;
        A -= d;
    }
}
