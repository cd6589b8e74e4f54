using System.Runtime.CompilerServices;
using Wann.Engine.Lanes;

namespace Wann.Kernels.Tasks.Biped.Lanes;

/// <summary>Box2D's <c>b2Mat22</c> over a lane type: the contact block solver's and the joint's 2x2 matrices.</summary>
public struct Mat22<T> where T : struct, ILane<T>
{
    /// <summary>The columns.</summary>
    public Vec2<T> Ex, Ey;

    /// <summary>A matrix from its columns.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Mat22(Vec2<T> ex, Vec2<T> ey)
    {
        Ex = ex;
        Ey = ey;
    }

    /// <summary><c>b2Mat22::GetInverse</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly Mat22<T> GetInverse()
    {
        T a = Ex.X, b = Ey.X, c = Ex.Y, d = Ey.Y;
        T det = InverseOrZero(a * d - b * c);
        return new Mat22<T>(new Vec2<T>(det * d, -det * c), new Vec2<T>(-det * b, det * a));
    }

    /// <summary>
    /// The reciprocal of <c>b2Mat22::Solve</c>'s determinant (0 for a singular matrix): what a solve with this
    /// matrix computes first, hoisted where the matrix stays the same over many solves.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly T SolveDeterminant() => InverseOrZero(Ex.X * Ey.Y - Ey.X * Ex.Y);

    /// <summary><c>b2Mat22::Solve</c> (A x = b by Cramer's rule) with its determinant from <see cref="SolveDeterminant"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly Vec2<T> Solve(Vec2<T> b, T det) => new(det * (Ey.Y * b.X - Ey.X * b.Y), det * (Ex.X * b.Y - Ex.Y * b.X));

    /// <summary><c>b2Mat22::Solve</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly Vec2<T> Solve(Vec2<T> b) => Solve(b, SolveDeterminant());

    /// <summary><c>b2Mul(Mat22, Vec2)</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec2<T> Mul(in Mat22<T> a, Vec2<T> v) => new(a.Ex.X * v.X + a.Ey.X * v.Y, a.Ex.Y * v.X + a.Ey.Y * v.Y);

    /// <summary>Box2D's <c>if (det != 0) det = 1 / det</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T InverseOrZero(T det) => T.Select(T.Equal(det, T.From(0f)), det, T.From(1f) / det);
}
