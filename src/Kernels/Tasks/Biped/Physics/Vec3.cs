using System.Runtime.CompilerServices;

namespace Wann.Kernels.Tasks.Biped.Physics;

/// <summary>Box2D's <c>b2Vec3</c>, used by the revolute joint's 3x3 solve.</summary>
public struct Vec3
{
    /// <summary>The components.</summary>
    public float X, Y, Z;

    /// <summary>A vector from its components.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vec3(float x, float y, float z) { X = x; Y = y; Z = z; }

    /// <summary>Negation.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec3 operator -(Vec3 a) => new(-a.X, -a.Y, -a.Z);

    /// <summary>Component-wise sum.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec3 operator +(Vec3 a, Vec3 b) => new(a.X + b.X, a.Y + b.Y, a.Z + b.Z);

    /// <summary>Scalar times vector.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec3 operator *(float s, Vec3 a) => new(s * a.X, s * a.Y, s * a.Z);

    /// <summary><c>b2Dot</c> for 3-vectors.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Dot(Vec3 a, Vec3 b) => a.X * b.X + a.Y * b.Y + a.Z * b.Z;

    /// <summary><c>b2Cross</c> for 3-vectors.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec3 Cross(Vec3 a, Vec3 b) => new(a.Y * b.Z - a.Z * b.Y, a.Z * b.X - a.X * b.Z, a.X * b.Y - a.Y * b.X);
}
