using System.Runtime.CompilerServices;

namespace Wann.Kernels.Tasks.Biped.Physics;

/// <summary>
/// Box2D's <c>b2Vec2</c> (Common/b2Math.h of the pybox2d 2.3.10 snapshot): two floats and the inline
/// operators written with the same operation order, so every result rounds as the C++ does.
/// </summary>
public struct Vec2
{
    /// <summary>The components.</summary>
    public float X, Y;

    /// <summary>A vector from its components.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vec2(float x, float y) { X = x; Y = y; }

    /// <summary>The zero vector.</summary>
    public static Vec2 Zero => default;

    /// <summary>Component-wise sum.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec2 operator +(Vec2 a, Vec2 b) => new(a.X + b.X, a.Y + b.Y);

    /// <summary>Component-wise difference.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec2 operator -(Vec2 a, Vec2 b) => new(a.X - b.X, a.Y - b.Y);

    /// <summary>Negation.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec2 operator -(Vec2 a) => new(-a.X, -a.Y);

    /// <summary>Scalar times vector (<c>s * a</c>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec2 operator *(float s, Vec2 a) => new(s * a.X, s * a.Y);

    /// <summary><c>b2Dot</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Dot(Vec2 a, Vec2 b) => a.X * b.X + a.Y * b.Y;

    /// <summary><c>b2Cross(vec, vec)</c>: the z of the 3D cross product.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Cross(Vec2 a, Vec2 b) => a.X * b.Y - a.Y * b.X;

    /// <summary><c>b2Cross(vec, s)</c> = (s a.y, -s a.x).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec2 Cross(Vec2 a, float s) => new(s * a.Y, -s * a.X);

    /// <summary><c>b2Cross(s, vec)</c> = (-s a.y, s a.x).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec2 Cross(float s, Vec2 a) => new(-s * a.Y, s * a.X);

    /// <summary>Component-wise minimum (<c>b2Min</c>: <c>a &lt; b ? a : b</c>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec2 Min(Vec2 a, Vec2 b) => new(a.X < b.X ? a.X : b.X, a.Y < b.Y ? a.Y : b.Y);

    /// <summary>Component-wise maximum (<c>b2Max</c>: <c>a &gt; b ? a : b</c>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec2 Max(Vec2 a, Vec2 b) => new(a.X > b.X ? a.X : b.X, a.Y > b.Y ? a.Y : b.Y);

    /// <summary><c>b2Distance</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Distance(Vec2 a, Vec2 b) => (a - b).Length();

    /// <summary><c>b2Vec2::Length</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly float Length() => MathF.Sqrt(X * X + Y * Y);

    /// <summary><c>b2Vec2::LengthSquared</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly float LengthSquared() => X * X + Y * Y;

    /// <summary><c>b2Vec2::Normalize</c>: scales to unit length and returns the old length (0 below epsilon, unchanged).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public float Normalize()
    {
        float length = Length();
        if (length < Settings.Epsilon) return 0f;
        float invLength = 1f / length;
        X *= invLength;
        Y *= invLength;
        return length;
    }

    /// <inheritdoc/>
    public override readonly string ToString() => $"({X:R}, {Y:R})";
}
