using System.Runtime.CompilerServices;

namespace Wann.Kernels.Tasks.Biped.Physics;

/// <summary>Box2D's <c>b2Mat22</c>: two columns; what the contact block solver and the joint's point constraint use.</summary>
public struct Mat22
{
    /// <summary>The columns.</summary>
    public Vec2 Ex, Ey;

    /// <summary><c>b2Mat22::GetInverse</c>.</summary>
    public readonly Mat22 GetInverse()
    {
        float a = Ex.X, b = Ey.X, c = Ex.Y, d = Ey.Y;
        float det = a * d - b * c;
        if (det != 0f) det = 1f / det;
        Mat22 m;
        m.Ex = new Vec2(det * d, -det * c);
        m.Ey = new Vec2(-det * b, det * a);
        return m;
    }

    /// <summary><c>b2Mat22::Solve</c>: A x = b by Cramer's rule.</summary>
    public readonly Vec2 Solve(Vec2 b)
    {
        float a11 = Ex.X, a12 = Ey.X, a21 = Ex.Y, a22 = Ey.Y;
        float det = a11 * a22 - a12 * a21;
        if (det != 0f) det = 1f / det;
        return new Vec2(det * (a22 * b.X - a12 * b.Y), det * (a11 * b.Y - a21 * b.X));
    }

    /// <summary><c>b2Mul(Mat22, Vec2)</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec2 Mul(in Mat22 a, Vec2 v) => new(a.Ex.X * v.X + a.Ey.X * v.Y, a.Ex.Y * v.X + a.Ey.Y * v.Y);
}
