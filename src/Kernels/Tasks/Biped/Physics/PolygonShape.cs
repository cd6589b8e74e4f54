namespace Wann.Kernels.Tasks.Biped.Physics;

/// <summary>
/// Box2D's <c>b2PolygonShape</c> (Collision/Shapes/b2PolygonShape.cpp of the snapshot, without vertex
/// welding): a convex polygon with its outward normals, centroid and skin radius.
/// </summary>
public sealed class PolygonShape
{
    /// <summary>Vertices, counter-clockwise.</summary>
    public readonly Vec2[] Vertices = new Vec2[Settings.MaxPolygonVertices];
    /// <summary>Outward unit normals; normal i belongs to the edge from vertex i to vertex i+1.</summary>
    public readonly Vec2[] Normals = new Vec2[Settings.MaxPolygonVertices];
    /// <summary>Number of vertices.</summary>
    public int Count { get; private set; }
    /// <summary>Centroid as <c>ComputeCentroid</c> gives it (the edge collider uses this one).</summary>
    public Vec2 Centroid { get; private set; }
    /// <summary>Skin radius (<c>b2_polygonRadius</c>).</summary>
    public float Radius => Settings.PolygonRadius;

    /// <summary><c>b2PolygonShape::SetAsBox(hx, hy)</c>.</summary>
    public static PolygonShape Box(float hx, float hy)
    {
        var p = new PolygonShape { Count = 4 };
        p.Vertices[0] = new Vec2(-hx, -hy);
        p.Vertices[1] = new Vec2(hx, -hy);
        p.Vertices[2] = new Vec2(hx, hy);
        p.Vertices[3] = new Vec2(-hx, hy);
        p.Normals[0] = new Vec2(0f, -1f);
        p.Normals[1] = new Vec2(1f, 0f);
        p.Normals[2] = new Vec2(0f, 1f);
        p.Normals[3] = new Vec2(-1f, 0f);
        p.Centroid = Vec2.Zero;
        return p;
    }

    /// <summary><c>b2PolygonShape::Set</c>: gift-wrapping convex hull from the rightmost point, then normals and centroid.</summary>
    public static PolygonShape FromPoints(ReadOnlySpan<Vec2> points)
    {
        if (points.Length < 3 || points.Length > Settings.MaxPolygonVertices)
            throw new ArgumentException($"a polygon needs 3 to {Settings.MaxPolygonVertices} points, got {points.Length}", nameof(points));
        int n = points.Length;
        int i0 = 0;
        float x0 = points[0].X;
        for (int i = 1; i < n; ++i)
        {
            float x = points[i].X;
            if (x > x0 || (x == x0 && points[i].Y < points[i0].Y)) { i0 = i; x0 = x; }
        }
        Span<int> hull = stackalloc int[Settings.MaxPolygonVertices];
        int m = 0, ih = i0;
        for (;;)
        {
            hull[m] = ih;
            int ie = 0;
            for (int j = 1; j < n; ++j)
            {
                if (ie == ih) { ie = j; continue; }
                Vec2 r = points[ie] - points[hull[m]];
                Vec2 v = points[j] - points[hull[m]];
                float c = Vec2.Cross(r, v);
                if (c < 0f) ie = j;
                if (c == 0f && v.LengthSquared() > r.LengthSquared()) ie = j;
            }
            ++m;
            ih = ie;
            if (ie == i0) break;
        }
        var p = new PolygonShape { Count = m };
        for (int i = 0; i < m; ++i) p.Vertices[i] = points[hull[i]];
        for (int i = 0; i < m; ++i)
        {
            int i2 = i + 1 < m ? i + 1 : 0;
            Vec2 edge = p.Vertices[i2] - p.Vertices[i];
            p.Normals[i] = Vec2.Cross(edge, 1f);
            p.Normals[i].Normalize();
        }
        p.Centroid = ComputeCentroid(p.Vertices, m);
        return p;
    }

    // ComputeCentroid in b2PolygonShape.cpp: triangle fan from the origin (pRef is left at zero there).
    private static Vec2 ComputeCentroid(Vec2[] vs, int count)
    {
        Vec2 c = Vec2.Zero;
        float area = 0f;
        Vec2 pRef = Vec2.Zero;
        const float inv3 = 1f / 3f;
        for (int i = 0; i < count; ++i)
        {
            Vec2 p1 = pRef;
            Vec2 p2 = vs[i];
            Vec2 p3 = i + 1 < count ? vs[i + 1] : vs[0];
            Vec2 e1 = p2 - p1;
            Vec2 e2 = p3 - p1;
            float d = Vec2.Cross(e1, e2);
            float triangleArea = 0.5f * d;
            area += triangleArea;
            c += (triangleArea * inv3) * (p1 + p2 + p3);
        }
        c = (1f / area) * c;
        return c;
    }

    /// <summary><c>b2PolygonShape::ComputeMass</c>.</summary>
    public MassData ComputeMass(float density)
    {
        Vec2 center = Vec2.Zero;
        float area = 0f;
        float inertia = 0f;
        Vec2 s = Vec2.Zero;
        for (int i = 0; i < Count; ++i) s += Vertices[i];
        s = (1f / Count) * s;
        const float kInv3 = 1f / 3f;
        for (int i = 0; i < Count; ++i)
        {
            Vec2 e1 = Vertices[i] - s;
            Vec2 e2 = i + 1 < Count ? Vertices[i + 1] - s : Vertices[0] - s;
            float d = Vec2.Cross(e1, e2);
            float triangleArea = 0.5f * d;
            area += triangleArea;
            center += (triangleArea * kInv3) * (e1 + e2);
            float ex1 = e1.X, ey1 = e1.Y;
            float ex2 = e2.X, ey2 = e2.Y;
            float intx2 = ex1 * ex1 + ex2 * ex1 + ex2 * ex2;
            float inty2 = ey1 * ey1 + ey2 * ey1 + ey2 * ey2;
            inertia += (0.25f * kInv3 * d) * (intx2 + inty2);
        }
        float mass = density * area;
        center = (1f / area) * center;
        Vec2 massCenter = center + s;
        float i0 = density * inertia;
        i0 += mass * (Vec2.Dot(massCenter, massCenter) - Vec2.Dot(center, center));
        return new MassData(mass, massCenter, i0);
    }

    /// <summary><c>b2PolygonShape::ComputeAABB</c>.</summary>
    public Aabb ComputeAabb(in Transform xf)
    {
        Vec2 lower = Transform.Mul(xf, Vertices[0]);
        Vec2 upper = lower;
        for (int i = 1; i < Count; ++i)
        {
            Vec2 v = Transform.Mul(xf, Vertices[i]);
            lower = Vec2.Min(lower, v);
            upper = Vec2.Max(upper, v);
        }
        var r = new Vec2(Radius, Radius);
        return new Aabb { Lower = lower - r, Upper = upper + r };
    }

    /// <summary>
    /// <c>b2PolygonShape::RayCast</c>: the fraction along p1..p2 where the ray enters the polygon, or false when
    /// it misses, starts inside, or enters beyond <paramref name="maxFraction"/>.
    /// </summary>
    public bool RayCast(Vec2 point1, Vec2 point2, float maxFraction, in Transform xf, out float fraction)
    {
        fraction = 0f;
        Vec2 p1 = Rot.MulT(xf.Q, point1 - xf.P);
        Vec2 p2 = Rot.MulT(xf.Q, point2 - xf.P);
        Vec2 d = p2 - p1;
        float lower = 0f, upper = maxFraction;
        int index = -1;
        for (int i = 0; i < Count; ++i)
        {
            // p = p1 + a * d; dot(normal, p - v) = 0; dot(normal, p1 - v) + a * dot(normal, d) = 0
            float numerator = Vec2.Dot(Normals[i], Vertices[i] - p1);
            float denominator = Vec2.Dot(Normals[i], d);
            if (denominator == 0f)
            {
                if (numerator < 0f) return false;
            }
            else if (denominator < 0f && numerator < lower * denominator)
            {
                // The segment enters this half-space.
                lower = numerator / denominator;
                index = i;
            }
            else if (denominator > 0f && numerator < upper * denominator)
            {
                // The segment exits this half-space.
                upper = numerator / denominator;
            }
            if (upper < lower) return false;
        }
        if (index < 0) return false;
        fraction = lower;
        return true;
    }
}
