using System.Runtime.CompilerServices;
using static Wann.Kernels.Tasks.Biped.Lanes.BipedLayout;

namespace Wann.Kernels.Tasks.Biped.Lanes;

// The lidar: b2World::RayCast restricted to the terrain, as the exact port does it (the nearest hit, which in
// every recorded ray was the one Box2D's tree reported). Each lane scans its own terrain's window of edges.
public partial struct LaneWorld<T, TState, TEpisode, TTrig>
{
    [MethodImpl(MethodImplOptions.NoInlining)]
    private readonly T RayCastTerrain(Vec2<T> p1, Vec2<T> p2, T live)
    {
        T best = F(1f);
        T hit = T.False;
        Vec2<T> lower = Vec2<T>.Min(p1, p2), upper = Vec2<T>.Max(p1, p2);
        T edges = Episode[EdgeCount];
        T edge = FirstEdgeReaching(lower.X, edges, live);
        T scanning = T.And(live, T.Less(edge, edges));
        T zero = F(0f);
        while (T.Any(scanning))
        {
            var model = EdgeAt(T.Select(scanning, edge, zero));
            Vec2<T> fatLower = model.FatLower, fatUpper = model.FatUpper;
            scanning = T.AndNot(scanning, T.Greater(fatLower.X, upper.X));
            if (!T.Any(scanning)) break;
            // Aabb.Overlap(segment, fat AABB)
            T d1x = fatLower.X - upper.X, d1y = fatLower.Y - upper.Y;
            T d2x = lower.X - fatUpper.X, d2y = lower.Y - fatUpper.Y;
            T overlap = T.Not(T.Or(T.Or(T.Greater(d1x, zero), T.Greater(d1y, zero)), T.Or(T.Greater(d2x, zero), T.Greater(d2y, zero))));
            T fraction = RayCastEdge(model, p1, p2, out T crosses);
            T nearer = T.And(T.And(T.And(scanning, overlap), crosses), T.Or(T.Not(hit), T.Less(fraction, best)));
            best = T.Select(nearer, fraction, best);
            hit = T.Or(hit, nearer);
            edge += F(1f);
            scanning = T.And(scanning, T.Less(edge, edges));
        }
        return best;
    }

    // b2EdgeShape::RayCast for an edge at the origin (maximum fraction 1): the fraction, where crosses is set.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static T RayCastEdge(in EdgeModel<T, TEpisode> model, Vec2<T> point1, Vec2<T> point2, out T crosses)
    {
        T zero = F(0f), one = F(1f);
        Transform<T> xf = Transform<T>.Identity;
        Vec2<T> p1 = Rot<T>.MulT(xf.Q, point1 - xf.P);
        Vec2<T> p2 = Rot<T>.MulT(xf.Q, point2 - xf.P);
        Vec2<T> d = p2 - p1;
        Vec2<T> v1 = model.V1, v2 = model.V2;
        Vec2<T> e = v2 - v1;
        var normal = new Vec2<T>(e.Y, -e.X);
        normal.Normalize();
        T numerator = Vec2<T>.Dot(normal, v1 - p1);
        T denominator = Vec2<T>.Dot(normal, d);
        T t = numerator / denominator;
        Vec2<T> q = p1 + t * d;
        Vec2<T> r = v2 - v1;
        T rr = Vec2<T>.Dot(r, r);
        T s = Vec2<T>.Dot(q - v1, r) / rr;
        crosses = T.Not(T.Or(T.Or(T.Equal(denominator, zero), T.Or(T.Less(t, zero), T.Greater(t, one))),
                             T.Or(T.Equal(rr, zero), T.Or(T.Less(s, zero), T.Greater(s, one)))));
        return t;
    }
}
