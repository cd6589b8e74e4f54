using System.Runtime.CompilerServices;
using Wann.Engine.Lanes;
using Settings = Wann.Kernels.Tasks.Biped.Physics.Settings;

namespace Wann.Kernels.Tasks.Biped.Lanes;

/// <summary>
/// <c>b2Distance</c> (GJK) and <c>b2TimeOfImpact</c> (conservative advancement) over a lane type: every loop runs
/// until each lane of the mask has left it, the lanes that left masked, so each lane takes Box2D's path.
/// </summary>
public static class LaneTimeOfImpact
{
    private const int MaxIterations = 20;

    /// <summary><c>b2Distance</c> with a warm-start cache, in the lanes of <paramref name="mask"/>: the distance between the proxies' cores.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static T Distance<T>(ref LaneSimplexCache<T> cache, in LaneProxy<T> proxyA, in Transform<T> transformA, in LaneProxy<T> proxyB, in Transform<T> transformB, T mask)
        where T : struct, ILane<T>
    {
        var simplex = default(LaneSimplex<T>);
        simplex.ReadCache(cache, proxyA, transformA, proxyB, transformB);
        T searching = mask;
        for (int iter = 0; iter < MaxIterations && T.Any(searching); iter++)
            searching = GjkIteration(ref simplex, proxyA, transformA, proxyB, transformB, searching);
        simplex.GetWitnessPoints(out Vec2<T> pointA, out Vec2<T> pointB);
        simplex.WriteCache(ref cache, mask);
        return Vec2<T>.Distance(pointA, pointB);
    }

    // One iteration of b2Distance's loop in the lanes still searching; returns the lanes that go on.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static T GjkIteration<T>(ref LaneSimplex<T> simplex, in LaneProxy<T> proxyA, in Transform<T> transformA, in LaneProxy<T> proxyB, in Transform<T> transformB, T searching)
        where T : struct, ILane<T>
    {
        T zero = T.From(0f), one = T.From(1f), two = T.From(2f);
        // Copy the simplex so that duplicates can be detected.
        T saveCount = simplex.Count;
        LaneSimplexVertex<T> save0 = simplex.V0, save1 = simplex.V1, save2 = simplex.V2;

        simplex.Solve2(T.And(searching, T.Equal(simplex.Count, two)));
        simplex.Solve3(T.And(searching, T.Equal(simplex.Count, T.From(3f))));

        // The origin is inside the triangle: overlap.
        searching = T.AndNot(searching, T.Equal(simplex.Count, T.From(3f)));

        Vec2<T> d = simplex.GetSearchDirection();
        // The origin is probably on a vertex or edge: overlap.
        searching = T.AndNot(searching, T.Less(d.LengthSquared(), T.From(Settings.Epsilon * Settings.Epsilon)));

        var vertex = default(LaneSimplexVertex<T>);
        vertex.IndexA = proxyA.GetSupport(Rot<T>.MulT(transformA.Q, -d));
        vertex.WA = Transform<T>.Mul(transformA, proxyA.GetVertex(vertex.IndexA));
        vertex.IndexB = proxyB.GetSupport(Rot<T>.MulT(transformB.Q, d));
        vertex.WB = Transform<T>.Mul(transformB, proxyB.GetVertex(vertex.IndexB));
        vertex.W = vertex.WB - vertex.WA;
        simplex.Set(simplex.Count, vertex, searching);

        // A repeated support point means no progress.
        T duplicate = T.Or(T.Or(
            T.And(T.Greater(saveCount, zero), T.And(T.Equal(vertex.IndexA, save0.IndexA), T.Equal(vertex.IndexB, save0.IndexB))),
            T.And(T.Greater(saveCount, one), T.And(T.Equal(vertex.IndexA, save1.IndexA), T.Equal(vertex.IndexB, save1.IndexB)))),
            T.And(T.Greater(saveCount, two), T.And(T.Equal(vertex.IndexA, save2.IndexA), T.Equal(vertex.IndexB, save2.IndexB))));
        searching = T.AndNot(searching, duplicate);
        simplex.Count = T.Select(searching, simplex.Count + one, simplex.Count);
        return searching;
    }

    /// <summary>
    /// <c>b2TimeOfImpact</c> over [0, 1] in the lanes of <paramref name="mask"/>: returns Box2D's b2TOIOutput state
    /// (1 failed, 2 overlapped, 3 touching, 4 separated) per lane and the time in <paramref name="t"/>.
    /// Shape A is a static terrain edge at the origin: its sweep's centres and angles are +0, so its transform at
    /// any t in [0, 1] is exactly the identity ((1 - t) x 0 + t x 0 = +0, and sin +0 = +0, cos +0 = 1 in every
    /// implementation): Box2D computes it each time, this port not at all.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static T Compute<T, TTrig>(in LaneProxy<T> proxyA, in LaneProxy<T> proxyB, LaneSweep<T> sweepB, T mask, out T t)
        where T : struct, ILane<T> where TTrig : struct, ITrig
    {
        T zero = T.From(0f);
        T tMax = T.From(1f);
        T state = zero;
        t = tMax;
        // Large rotations can make the root finder fail, so normalise the sweep angles.
        sweepB.Normalize();
        T totalRadius = T.From(Settings.PolygonRadius) + T.From(Settings.PolygonRadius);
        T reduced = totalRadius - T.From(3f * Settings.LinearSlop);
        T target = T.Select(T.Less(reduced, T.From(Settings.LinearSlop)), T.From(Settings.LinearSlop), reduced);
        T tolerance = T.From(0.25f * Settings.LinearSlop);
        T upperTarget = target + tolerance;
        T t1 = zero;
        var cache = default(LaneSimplexCache<T>);
        var fcn = default(LaneSeparation<T, TTrig>);
        T going = mask;
        for (int iter = 0; iter < MaxIterations && T.Any(going); iter++)
        {
            Transform<T> xfA = Transform<T>.Identity;
            Transform<T> xfB = sweepB.GetTransform<TTrig>(t1);
            T distance = Distance(ref cache, proxyA, xfA, proxyB, xfB, going);
            T overlapped = T.And(going, T.Or(T.Less(distance, zero), T.Equal(distance, zero)));
            state = T.Select(overlapped, T.From(2f), state);
            t = T.Select(overlapped, zero, t);
            going = T.AndNot(going, overlapped);
            T touching = T.And(going, T.Less(distance, upperTarget));
            state = T.Select(touching, T.From(3f), state);
            t = T.Select(touching, t1, t);
            going = T.AndNot(going, touching);
            if (!T.Any(going)) break;
            fcn.Initialize(cache, proxyA, proxyB, sweepB, t1, going);

            // Resolve the deepest point; the loop is bounded by the number of vertices.
            T t2 = tMax;
            T resolving = going;
            for (int pushBackIter = 0; pushBackIter < Settings.MaxPolygonVertices && T.Any(resolving); pushBackIter++)
                resolving = ResolveDeepestPoint(fcn, target, tolerance, ref t1, ref t2, ref state, ref t, ref going, resolving);
            // A lane still going after MaxIterations rounds failed (checked at the loop's end, as Box2D does).
            if (iter == MaxIterations - 1)
            {
                state = T.Select(going, T.From(1f), state);
                t = T.Select(going, t1, t);
            }
        }
        return state;
    }

    // One round of b2TimeOfImpact's inner loop in the lanes still resolving: separated, advanced, failed or touching
    // lanes leave it (setting state and t as Box2D does); the others move t2 to the root of s(t) = target.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static T ResolveDeepestPoint<T, TTrig>(in LaneSeparation<T, TTrig> fcn, T target, T tolerance, ref T t1, ref T t2, ref T state, ref T t, ref T going, T resolving)
        where T : struct, ILane<T> where TTrig : struct, ITrig
    {
        T upperTarget = target + tolerance, lowerTarget = target - tolerance;
        T s2 = fcn.FindMinSeparation(out T indexA, out T indexB, t2);
        // Final configuration is separated.
        T separated = T.And(resolving, T.Greater(s2, upperTarget));
        state = T.Select(separated, T.From(4f), state);
        t = T.Select(separated, T.From(1f), t);
        going = T.AndNot(going, separated);
        resolving = T.AndNot(resolving, separated);
        // Advance the sweeps.
        T advance = T.And(resolving, T.Greater(s2, lowerTarget));
        t1 = T.Select(advance, t2, t1);
        resolving = T.AndNot(resolving, advance);
        if (!T.Any(resolving)) return resolving;

        T s1 = fcn.Evaluate(indexA, indexB, t1);
        T failed = T.And(resolving, T.Less(s1, lowerTarget));
        state = T.Select(failed, T.From(1f), state);
        t = T.Select(failed, t1, t);
        T close = T.AndNot(T.And(resolving, T.Not(T.Greater(s1, upperTarget))), failed);
        state = T.Select(close, T.From(3f), state);
        t = T.Select(close, t1, t);
        going = T.AndNot(going, T.Or(failed, close));
        resolving = T.AndNot(resolving, T.Or(failed, close));
        if (!T.Any(resolving)) return resolving;

        // Root of s(t) = target on [t1, t2], alternating secant and bisection.
        T a1 = t1, a2 = t2;
        T rooting = resolving;
        for (int rootIterCount = 0; rootIterCount < 50 && T.Any(rooting); rootIterCount++)
            rooting = RootIteration(fcn, rootIterCount, target, tolerance, indexA, indexB, ref a1, ref a2, ref s1, ref s2, ref t2, rooting);
        return resolving;
    }
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static T RootIteration<T, TTrig>(in LaneSeparation<T, TTrig> fcn, int rootIterCount, T target, T tolerance, T indexA, T indexB,
        ref T a1, ref T a2, ref T s1, ref T s2, ref T t2, T rooting)
        where T : struct, ILane<T> where TTrig : struct, ITrig
    {
        T tm = (rootIterCount & 1) != 0
            ? a1 + (target - s1) * (a2 - a1) / (s2 - s1)
            : T.From(0.5f) * (a1 + a2);
        T s = fcn.Evaluate(indexA, indexB, tm);
        T diff = s - target;
        T found = T.And(rooting, T.Less(T.Select(T.Greater(diff, T.From(0f)), diff, -diff), tolerance));
        t2 = T.Select(found, tm, t2);
        rooting = T.AndNot(rooting, found);
        T above = T.And(rooting, T.Greater(s, target));
        T below = T.AndNot(rooting, T.Greater(s, target));
        a1 = T.Select(above, tm, a1);
        s1 = T.Select(above, s, s1);
        a2 = T.Select(below, tm, a2);
        s2 = T.Select(below, s, s2);
        return rooting;
    }
}
