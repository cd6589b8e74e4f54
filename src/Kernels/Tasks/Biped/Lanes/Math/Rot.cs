using System.Runtime.CompilerServices;
using Wann.Engine.Lanes;

namespace Wann.Kernels.Tasks.Biped.Lanes;

/// <summary>Box2D's <c>b2Rot</c> over a lane type (sine and cosine come from the world's <see cref="ITrig"/>).</summary>
public struct Rot<T> where T : struct, ILane<T>
{
    /// <summary>Sine and cosine.</summary>
    public T S, C;

    /// <summary>A rotation from its sine and cosine.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Rot(T s, T c)
    {
        S = s;
        C = c;
    }

    /// <summary>The identity rotation (sin 0 = 0 and cos 0 = 1 in every implementation).</summary>
    public static Rot<T> Identity => new(T.From(0f), T.From(1f));

    /// <summary><c>b2Mul(Rot, Vec2)</c>: rotate.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec2<T> Mul(Rot<T> q, Vec2<T> v) => new(q.C * v.X - q.S * v.Y, q.S * v.X + q.C * v.Y);

    /// <summary><c>b2MulT(Rot, Vec2)</c>: inverse rotate.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec2<T> MulT(Rot<T> q, Vec2<T> v) => new(q.C * v.X + q.S * v.Y, -q.S * v.X + q.C * v.Y);

    /// <summary><c>b2MulT(Rot, Rot)</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Rot<T> MulT(Rot<T> q, Rot<T> r) => new(q.C * r.S - q.S * r.C, q.C * r.C + q.S * r.S);

    /// <summary>Per lane: mask ? <paramref name="a"/> : <paramref name="b"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Rot<T> Select(T mask, Rot<T> a, Rot<T> b) => new(T.Select(mask, a.S, b.S), T.Select(mask, a.C, b.C));
}
