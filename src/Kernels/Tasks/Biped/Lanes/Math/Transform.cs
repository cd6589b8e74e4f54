using System.Runtime.CompilerServices;
using Wann.Engine.Lanes;

namespace Wann.Kernels.Tasks.Biped.Lanes;

/// <summary>Box2D's <c>b2Transform</c> over a lane type: a position and a rotation.</summary>
public struct Transform<T> where T : struct, ILane<T>
{
    /// <summary>Translation.</summary>
    public Vec2<T> P;
    /// <summary>Rotation.</summary>
    public Rot<T> Q;

    /// <summary>A transform from position and rotation.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Transform(Vec2<T> p, Rot<T> q)
    {
        P = p;
        Q = q;
    }

    /// <summary>A static body's transform: at the origin, angle 0.</summary>
    public static Transform<T> Identity => new(Vec2<T>.From(0f, 0f), Rot<T>.Identity);

    /// <summary><c>b2Mul(Transform, Vec2)</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec2<T> Mul(in Transform<T> t, Vec2<T> v)
    {
        T x = (t.Q.C * v.X - t.Q.S * v.Y) + t.P.X;
        T y = (t.Q.S * v.X + t.Q.C * v.Y) + t.P.Y;
        return new Vec2<T>(x, y);
    }

    /// <summary><c>b2MulT(Transform, Vec2)</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec2<T> MulT(in Transform<T> t, Vec2<T> v)
    {
        T px = v.X - t.P.X;
        T py = v.Y - t.P.Y;
        return new Vec2<T>(t.Q.C * px + t.Q.S * py, -t.Q.S * px + t.Q.C * py);
    }

    /// <summary><c>b2MulT(Transform, Transform)</c>: B expressed in A's frame.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Transform<T> MulT(in Transform<T> a, in Transform<T> b) => new(Rot<T>.MulT(a.Q, b.P - a.P), Rot<T>.MulT(a.Q, b.Q));

    /// <summary>Per lane: mask ? <paramref name="a"/> : <paramref name="b"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Transform<T> Select(T mask, in Transform<T> a, in Transform<T> b) => new(Vec2<T>.Select(mask, a.P, b.P), Rot<T>.Select(mask, a.Q, b.Q));
}
