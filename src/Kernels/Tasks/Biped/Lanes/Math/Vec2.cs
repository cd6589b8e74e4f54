using System.Runtime.CompilerServices;
using Wann.Engine.Lanes;
using Settings = Wann.Kernels.Tasks.Biped.Physics.Settings;

namespace Wann.Kernels.Tasks.Biped.Lanes;

/// <summary>
/// Box2D's <c>b2Vec2</c> over a lane type: the same operations in the same order as
/// <see cref="Physics.Vec2"/>, for one lane (a float) or a vector of lanes at once.
/// </summary>
public struct Vec2<T> where T : struct, ILane<T>
{
    /// <summary>The components.</summary>
    public T X, Y;

    /// <summary>A vector from its components.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vec2(T x, T y)
    {
        X = x;
        Y = y;
    }

    /// <summary>The same vector in every lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec2<T> From(float x, float y) => new(T.From(x), T.From(y));

    /// <summary>Component-wise sum.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec2<T> operator +(Vec2<T> a, Vec2<T> b) => new(a.X + b.X, a.Y + b.Y);

    /// <summary>Component-wise difference.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec2<T> operator -(Vec2<T> a, Vec2<T> b) => new(a.X - b.X, a.Y - b.Y);

    /// <summary>Negation.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec2<T> operator -(Vec2<T> a) => new(-a.X, -a.Y);

    /// <summary>Scalar times vector (<c>s * a</c>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec2<T> operator *(T s, Vec2<T> a) => new(s * a.X, s * a.Y);

    /// <summary><c>b2Dot</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Dot(Vec2<T> a, Vec2<T> b) => a.X * b.X + a.Y * b.Y;

    /// <summary><c>b2Cross(vec, vec)</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Cross(Vec2<T> a, Vec2<T> b) => a.X * b.Y - a.Y * b.X;

    /// <summary><c>b2Cross(vec, s)</c> = (s a.y, -s a.x).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec2<T> Cross(Vec2<T> a, T s) => new(s * a.Y, -s * a.X);

    /// <summary><c>b2Cross(s, vec)</c> = (-s a.y, s a.x).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec2<T> Cross(T s, Vec2<T> a) => new(-s * a.Y, s * a.X);

    /// <summary><c>b2Min</c>: <c>a &lt; b ? a : b</c> per component.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec2<T> Min(Vec2<T> a, Vec2<T> b) => new(T.Select(T.Less(a.X, b.X), a.X, b.X), T.Select(T.Less(a.Y, b.Y), a.Y, b.Y));

    /// <summary><c>b2Max</c>: <c>a &gt; b ? a : b</c> per component.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec2<T> Max(Vec2<T> a, Vec2<T> b) => new(T.Select(T.Greater(a.X, b.X), a.X, b.X), T.Select(T.Greater(a.Y, b.Y), a.Y, b.Y));

    /// <summary><c>b2Distance</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Distance(Vec2<T> a, Vec2<T> b) => (a - b).Length();

    /// <summary><c>b2Vec2::Length</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly T Length() => T.Sqrt(X * X + Y * Y);

    /// <summary><c>b2Vec2::LengthSquared</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly T LengthSquared() => X * X + Y * Y;

    /// <summary><c>b2Vec2::Normalize</c>: to unit length, except where the length is below epsilon (left unchanged).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Normalize()
    {
        T length = Length();
        T tiny = T.Less(length, T.From(Settings.Epsilon));
        T invLength = T.From(1f) / length;
        X = T.Select(tiny, X, X * invLength);
        Y = T.Select(tiny, Y, Y * invLength);
    }

    /// <summary>Per lane: mask ? <paramref name="a"/> : <paramref name="b"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec2<T> Select(T mask, Vec2<T> a, Vec2<T> b) => new(T.Select(mask, a.X, b.X), T.Select(mask, a.Y, b.Y));
}
