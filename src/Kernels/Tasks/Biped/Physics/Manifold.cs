namespace Wann.Kernels.Tasks.Biped.Physics;

/// <summary>Box2D's <c>b2Manifold</c>: up to two contact points of one contact, in local coordinates.</summary>
public sealed class Manifold
{
    /// <summary>The points; only the first <see cref="PointCount"/> are in use.</summary>
    public readonly ManifoldPoint[] Points = new ManifoldPoint[Settings.MaxManifoldPoints];
    /// <summary>Normal in the reference shape's frame (not used for circles).</summary>
    public Vec2 LocalNormal;
    /// <summary>Reference point on the reference face.</summary>
    public Vec2 LocalPoint;
    /// <summary>Which face is the reference.</summary>
    public ManifoldType Type;
    /// <summary>Number of points in use.</summary>
    public int PointCount;

    /// <summary>Copies every field from <paramref name="other"/> (C++ struct assignment).</summary>
    public void CopyFrom(Manifold other)
    {
        Points[0] = other.Points[0];
        Points[1] = other.Points[1];
        LocalNormal = other.LocalNormal;
        LocalPoint = other.LocalPoint;
        Type = other.Type;
        PointCount = other.PointCount;
    }
}
