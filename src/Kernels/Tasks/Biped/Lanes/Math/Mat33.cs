using System.Runtime.CompilerServices;
using Wann.Engine.Lanes;

namespace Wann.Kernels.Tasks.Biped.Lanes;

/// <summary>Box2D's <c>b2Vec3</c> over a lane type (the revolute joint's impulse with the limit row).</summary>
public struct Vec3<T> where T : struct, ILane<T>
{
    /// <summary>The components.</summary>
    public T X, Y, Z;

    /// <summary>A vector from its components.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vec3(T x, T y, T z)
    {
        X = x;
        Y = y;
        Z = z;
    }

    /// <summary><c>b2Dot</c> for 3-vectors.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Dot(Vec3<T> a, Vec3<T> b) => a.X * b.X + a.Y * b.Y + a.Z * b.Z;

    /// <summary><c>b2Cross</c> for 3-vectors.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec3<T> Cross(Vec3<T> a, Vec3<T> b) => new(a.Y * b.Z - a.Z * b.Y, a.Z * b.X - a.X * b.Z, a.X * b.Y - a.Y * b.X);
}

/// <summary>
/// Box2D's <c>b2Mat33</c> over a lane type: the revolute joint's effective mass, symmetric, with what its
/// <c>Solve33</c> and <c>Solve22</c> compute from the matrix alone worked out once (the joint solves with the
/// same matrix 180 times a step): the same operations on the same inputs, so the same bits.
/// </summary>
public struct Mat33<T> where T : struct, ILane<T>
{
    /// <summary>The columns.</summary>
    public Vec3<T> Ex, Ey, Ez;
    // Solve33: 1/det (or 0) and ey x ez; Solve22: 1/det of the upper-left block (or 0).
    private T _det33, _det22;
    private Vec3<T> _eyCrossEz;

    /// <summary>The matrix from its columns, with its solves' invariants.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Mat33(Vec3<T> ex, Vec3<T> ey, Vec3<T> ez)
    {
        Ex = ex;
        Ey = ey;
        Ez = ez;
        _eyCrossEz = Vec3<T>.Cross(ey, ez);
        _det33 = Mat22<T>.InverseOrZero(Vec3<T>.Dot(ex, _eyCrossEz));
        _det22 = Mat22<T>.InverseOrZero(ex.X * ey.Y - ey.X * ex.Y);
    }

    /// <summary><c>b2Mat33::Solve33</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly Vec3<T> Solve33(Vec3<T> b) => new(
        _det33 * Vec3<T>.Dot(b, _eyCrossEz),
        _det33 * Vec3<T>.Dot(Ex, Vec3<T>.Cross(b, Ez)),
        _det33 * Vec3<T>.Dot(Ex, Vec3<T>.Cross(Ey, b)));

    /// <summary><c>b2Mat33::Solve22</c>: the upper-left 2x2 block.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly Vec2<T> Solve22(Vec2<T> b) => new(_det22 * (Ey.Y * b.X - Ey.X * b.Y), _det22 * (Ex.X * b.Y - Ex.Y * b.X));
}
