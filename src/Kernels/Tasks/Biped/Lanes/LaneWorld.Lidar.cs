using Wann.Kernels.Tasks.Biped.Physics;
using static Wann.Kernels.Tasks.Biped.Lanes.BipedLayout;

namespace Wann.Kernels.Tasks.Biped.Lanes;

// The lidar: b2World::RayCast restricted to the terrain, as the exact port does it (the nearest hit, which in
// every recorded ray was the one Box2D's tree reported).
public partial struct LaneWorld<T, TState, TEpisode, TTrig>
{
    private float RayCastTerrain(Vec2 p1, Vec2 p2)
    {
        float best = 1f;
        bool hit = false;
        Vec2 lower = Vec2.Min(p1, p2), upper = Vec2.Max(p1, p2);
        int edges = (int)E(EdgeCount);
        for (int e = FirstEdgeReaching(lower.X, edges); e < edges; e++)
        {
            int ee = EE(e);
            if (E(ee + EdgeLowerX) > upper.X) break;
            // Aabb.Overlap(segment, fat AABB)
            float d1x = E(ee + EdgeLowerX) - upper.X, d1y = E(ee + EdgeLowerY) - upper.Y;
            float d2x = lower.X - E(ee + EdgeUpperX), d2y = lower.Y - E(ee + EdgeUpperY);
            if (d1x > 0f || d1y > 0f || d2x > 0f || d2y > 0f) continue;
            if (RayCastEdge(ee, p1, p2, out float fraction) && (!hit || fraction < best))
            {
                best = fraction;
                hit = true;
            }
        }
        return best;
    }

    // b2EdgeShape::RayCast for an edge at the origin (maximum fraction 1).
    private bool RayCastEdge(int ee, Vec2 point1, Vec2 point2, out float fraction)
    {
        fraction = 0f;
        Transform xf = StaticTransform();
        Vec2 p1 = Rot.MulT(xf.Q, point1 - xf.P);
        Vec2 p2 = Rot.MulT(xf.Q, point2 - xf.P);
        Vec2 d = p2 - p1;
        var v1 = new Vec2(E(ee + EdgeV1x), E(ee + EdgeV1y));
        var v2 = new Vec2(E(ee + EdgeV2x), E(ee + EdgeV2y));
        Vec2 e = v2 - v1;
        var normal = new Vec2(e.Y, -e.X);
        normal.Normalize();
        float numerator = Vec2.Dot(normal, v1 - p1);
        float denominator = Vec2.Dot(normal, d);
        if (denominator == 0f) return false;
        float t = numerator / denominator;
        if (t < 0f || t > 1f) return false;
        Vec2 q = p1 + t * d;
        Vec2 r = v2 - v1;
        float rr = Vec2.Dot(r, r);
        if (rr == 0f) return false;
        float s = Vec2.Dot(q - v1, r) / rr;
        if (s < 0f || s > 1f) return false;
        fraction = t;
        return true;
    }
}
