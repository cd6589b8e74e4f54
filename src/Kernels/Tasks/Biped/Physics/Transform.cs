using System.Runtime.CompilerServices;

namespace Wann.Kernels.Tasks.Biped.Physics;

/// <summary>Box2D's <c>b2Transform</c>: a position and a rotation.</summary>
public struct Transform
{
    /// <summary>Translation.</summary>
    public Vec2 P;
    /// <summary>Rotation.</summary>
    public Rot Q;

    /// <summary>A transform from position and angle (<c>b2Transform::Set</c>).</summary>
    public Transform(Vec2 p, float angle) { P = p; Q = new Rot(angle); }

    /// <summary>The identity transform.</summary>
    public static Transform Identity => new() { P = Vec2.Zero, Q = Rot.Identity };

    /// <summary><c>b2Mul(Transform, Vec2)</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec2 Mul(in Transform t, Vec2 v)
    {
        float x = (t.Q.C * v.X - t.Q.S * v.Y) + t.P.X;
        float y = (t.Q.S * v.X + t.Q.C * v.Y) + t.P.Y;
        return new Vec2(x, y);
    }

    /// <summary><c>b2MulT(Transform, Vec2)</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec2 MulT(in Transform t, Vec2 v)
    {
        float px = v.X - t.P.X;
        float py = v.Y - t.P.Y;
        return new Vec2(t.Q.C * px + t.Q.S * py, -t.Q.S * px + t.Q.C * py);
    }

    /// <summary><c>b2MulT(Transform, Transform)</c>: B expressed in A's frame.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Transform MulT(in Transform a, in Transform b) =>
        new() { Q = Rot.MulT(a.Q, b.Q), P = Rot.MulT(a.Q, b.P - a.P) };
}
