namespace Wann.Kernels.Tasks.Biped.Physics;

/// <summary>Box2D's <c>b2Mat33</c> (b2Math.cpp): the revolute joint's effective mass with the limit row.</summary>
public struct Mat33
{
    /// <summary>The columns.</summary>
    public Vec3 Ex, Ey, Ez;

    /// <summary><c>b2Mat33::Solve33</c>.</summary>
    public readonly Vec3 Solve33(Vec3 b)
    {
        float det = Vec3.Dot(Ex, Vec3.Cross(Ey, Ez));
        if (det != 0f) det = 1f / det;
        return new Vec3(
            det * Vec3.Dot(b, Vec3.Cross(Ey, Ez)),
            det * Vec3.Dot(Ex, Vec3.Cross(b, Ez)),
            det * Vec3.Dot(Ex, Vec3.Cross(Ey, b)));
    }

    /// <summary><c>b2Mat33::Solve22</c>: the upper-left 2x2 block.</summary>
    public readonly Vec2 Solve22(Vec2 b)
    {
        float a11 = Ex.X, a12 = Ey.X, a21 = Ex.Y, a22 = Ey.Y;
        float det = a11 * a22 - a12 * a21;
        if (det != 0f) det = 1f / det;
        return new Vec2(det * (a22 * b.X - a12 * b.Y), det * (a11 * b.Y - a21 * b.X));
    }
}
