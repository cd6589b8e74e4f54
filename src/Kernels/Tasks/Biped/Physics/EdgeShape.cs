namespace Wann.Kernels.Tasks.Biped.Physics;

/// <summary>
/// Box2D's <c>b2EdgeShape</c> without ghost vertices (<c>b2EdgeShape::Set</c> clears them; the walker's
/// terrain is made of such lone two-sided edges, not of a chain).
/// </summary>
public readonly struct EdgeShape
{
    /// <summary>End points in body coordinates.</summary>
    public readonly Vec2 V1, V2;

    /// <summary>An edge from <paramref name="v1"/> to <paramref name="v2"/>.</summary>
    public EdgeShape(Vec2 v1, Vec2 v2) { V1 = v1; V2 = v2; }

    /// <summary>Skin radius (<c>b2_polygonRadius</c>).</summary>
    public float Radius => Settings.PolygonRadius;

    /// <summary><c>b2EdgeShape::ComputeAABB</c>.</summary>
    public Aabb ComputeAabb(in Transform xf)
    {
        Vec2 v1 = Transform.Mul(xf, V1);
        Vec2 v2 = Transform.Mul(xf, V2);
        var r = new Vec2(Radius, Radius);
        return new Aabb { Lower = Vec2.Min(v1, v2) - r, Upper = Vec2.Max(v1, v2) + r };
    }

    /// <summary>
    /// <c>b2EdgeShape::RayCast</c>: the fraction along p1..p2 where the ray crosses the edge, or false when it
    /// misses or the crossing lies beyond <paramref name="maxFraction"/>.
    /// </summary>
    public bool RayCast(Vec2 point1, Vec2 point2, float maxFraction, in Transform xf, out float fraction)
    {
        fraction = 0f;
        Vec2 p1 = Rot.MulT(xf.Q, point1 - xf.P);
        Vec2 p2 = Rot.MulT(xf.Q, point2 - xf.P);
        Vec2 d = p2 - p1;
        Vec2 v1 = V1, v2 = V2;
        Vec2 e = v2 - v1;
        var normal = new Vec2(e.Y, -e.X);
        normal.Normalize();
        float numerator = Vec2.Dot(normal, v1 - p1);
        float denominator = Vec2.Dot(normal, d);
        if (denominator == 0f) return false;
        float t = numerator / denominator;
        if (t < 0f || maxFraction < t) return false;
        Vec2 q = p1 + t * d;
        Vec2 r = v2 - v1;
        float rr = Vec2.Dot(r, r);
        if (rr == 0f) return false;
        float s = Vec2.Dot(q - v1, r) / rr;
        if (s < 0f || 1f < s) return false;
        fraction = t;
        return true;
    }
}
