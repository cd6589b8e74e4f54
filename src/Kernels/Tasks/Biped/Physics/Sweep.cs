namespace Wann.Kernels.Tasks.Biped.Physics;

/// <summary>
/// Box2D's <c>b2Sweep</c>: a body's motion over the step for continuous collision. <see cref="Advance"/>
/// uses the snapshot's form <c>c0 = (1-b) c0 + b c</c>; the later tags' <c>c0 += b (c - c0)</c> drifts by 1e-5.
/// </summary>
public struct Sweep
{
    /// <summary>Centre of mass in body coordinates.</summary>
    public Vec2 LocalCenter;
    /// <summary>Centre of mass in world coordinates at <see cref="Alpha0"/> and at the end.</summary>
    public Vec2 C0, C;
    /// <summary>Angles at <see cref="Alpha0"/> and at the end.</summary>
    public float A0, A;
    /// <summary>Fraction of the step that <see cref="C0"/> and <see cref="A0"/> belong to.</summary>
    public float Alpha0;

    /// <summary><c>b2Sweep::GetTransform</c>: the transform at fraction <paramref name="beta"/>.</summary>
    public readonly Transform GetTransform(float beta)
    {
        Transform xf;
        xf.P = (1f - beta) * C0 + beta * C;
        float angle = (1f - beta) * A0 + beta * A;
        xf.Q = new Rot(angle);
        xf.P -= Rot.Mul(xf.Q, LocalCenter);
        return xf;
    }

    /// <summary><c>b2Sweep::Advance</c> (snapshot form).</summary>
    public void Advance(float alpha)
    {
        float beta = (alpha - Alpha0) / (1f - Alpha0);
        C0 = (1f - beta) * C0 + beta * C;
        A0 = (1f - beta) * A0 + beta * A;
        Alpha0 = alpha;
    }

    /// <summary><c>b2Sweep::Normalize</c>: brings A0 into [0, 2 pi) and shifts A with it.</summary>
    public void Normalize()
    {
        float twoPi = 2f * Settings.Pi;
        float d = twoPi * MathF.Floor(A0 / twoPi);
        A0 -= d;
        A -= d;
    }
}
