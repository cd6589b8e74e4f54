using Wann.Kernels.Tasks.Biped.Physics;

namespace Wann.Kernels.Tasks.Biped.Lanes;

/// <summary><c>b2Distance</c> (GJK) and <c>b2TimeOfImpact</c> (conservative advancement) on value types only.</summary>
public static class LaneTimeOfImpact
{
    private const int MaxIterations = 20;

    /// <summary><c>b2Distance</c> with a warm-start cache: the distance between the proxies' cores.</summary>
    public static float Distance(ref SimplexCache cache, in LaneProxy proxyA, in Transform transformA, in LaneProxy proxyB, in Transform transformB)
    {
        var simplex = default(LaneSimplex);
        simplex.ReadCache(cache, proxyA, transformA, proxyB, transformB);
        int saveA0 = 0, saveA1 = 0, saveA2 = 0, saveB0 = 0, saveB1 = 0, saveB2 = 0;
        int iter = 0;
        while (iter < 20)
        {
            // Copy the simplex so that duplicates can be detected.
            int saveCount = simplex.Count;
            if (saveCount > 0) { saveA0 = simplex.V0.IndexA; saveB0 = simplex.V0.IndexB; }
            if (saveCount > 1) { saveA1 = simplex.V1.IndexA; saveB1 = simplex.V1.IndexB; }
            if (saveCount > 2) { saveA2 = simplex.V2.IndexA; saveB2 = simplex.V2.IndexB; }

            if (simplex.Count == 2) simplex.Solve2();
            else if (simplex.Count == 3) simplex.Solve3();

            // The origin is inside the triangle: overlap.
            if (simplex.Count == 3) break;

            Vec2 d = simplex.GetSearchDirection();
            // The origin is probably on a vertex or edge: overlap.
            if (d.LengthSquared() < Settings.Epsilon * Settings.Epsilon) break;

            SimplexVertex vertex = default;
            vertex.IndexA = proxyA.GetSupport(Rot.MulT(transformA.Q, -d));
            vertex.WA = Transform.Mul(transformA, proxyA.GetVertex(vertex.IndexA));
            vertex.IndexB = proxyB.GetSupport(Rot.MulT(transformB.Q, d));
            vertex.WB = Transform.Mul(transformB, proxyB.GetVertex(vertex.IndexB));
            vertex.W = vertex.WB - vertex.WA;
            simplex.Set(simplex.Count, vertex);
            ++iter;

            // A repeated support point means no progress.
            bool duplicate =
                (saveCount > 0 && vertex.IndexA == saveA0 && vertex.IndexB == saveB0) ||
                (saveCount > 1 && vertex.IndexA == saveA1 && vertex.IndexB == saveB1) ||
                (saveCount > 2 && vertex.IndexA == saveA2 && vertex.IndexB == saveB2);
            if (duplicate) break;
            ++simplex.Count;
        }
        simplex.GetWitnessPoints(out Vec2 pointA, out Vec2 pointB);
        float distance = Vec2.Distance(pointA, pointB);
        simplex.WriteCache(ref cache);
        return distance;
    }

    /// <summary>
    /// <c>b2TimeOfImpact</c> over [0, 1]: returns Box2D's b2TOIOutput state (1 failed, 2 overlapped, 3 touching,
    /// 4 separated) and the time in <paramref name="t"/>.
    /// </summary>
    public static int Compute<TTrig>(in LaneProxy proxyA, LaneSweep sweepA, in LaneProxy proxyB, LaneSweep sweepB, out float t)
        where TTrig : struct, ITrig
    {
        const float tMax = 1f;
        int state = 0;
        t = tMax;
        // Large rotations can make the root finder fail, so normalise the sweep angles.
        sweepA.Normalize();
        sweepB.Normalize();
        float totalRadius = proxyA.Radius + proxyB.Radius;
        float reduced = totalRadius - 3f * Settings.LinearSlop;
        float target = reduced < Settings.LinearSlop ? Settings.LinearSlop : reduced;
        const float tolerance = 0.25f * Settings.LinearSlop;
        float t1 = 0f;
        int iter = 0;
        var cache = new SimplexCache();
        var fcn = default(LaneSeparation<TTrig>);
        for (;;)
        {
            Transform xfA = sweepA.GetTransform<TTrig>(t1);
            Transform xfB = sweepB.GetTransform<TTrig>(t1);
            float distance = Distance(ref cache, proxyA, xfA, proxyB, xfB);
            if (distance <= 0f)
            {
                state = 2;
                t = 0f;
                break;
            }
            if (distance < target + tolerance)
            {
                state = 3;
                t = t1;
                break;
            }
            fcn.Initialize(cache, proxyA, sweepA, proxyB, sweepB, t1);

            // Resolve the deepest point; the loop is bounded by the number of vertices.
            bool done = false;
            float t2 = tMax;
            int pushBackIter = 0;
            for (;;)
            {
                float s2 = fcn.FindMinSeparation(out int indexA, out int indexB, t2);
                if (s2 > target + tolerance)
                {
                    // Final configuration is separated.
                    state = 4;
                    t = tMax;
                    done = true;
                    break;
                }
                if (s2 > target - tolerance)
                {
                    // Advance the sweeps.
                    t1 = t2;
                    break;
                }
                float s1 = fcn.Evaluate(indexA, indexB, t1);
                if (s1 < target - tolerance)
                {
                    state = 1;
                    t = t1;
                    done = true;
                    break;
                }
                if (!(s1 > target + tolerance))
                {
                    state = 3;
                    t = t1;
                    done = true;
                    break;
                }
                int rootIterCount = 0;
                float a1 = t1, a2 = t2;
                for (;;)
                {
                    float tm;
                    if ((rootIterCount & 1) != 0) tm = a1 + (target - s1) * (a2 - a1) / (s2 - s1); // secant
                    else tm = 0.5f * (a1 + a2); // bisection
                    ++rootIterCount;
                    float s = fcn.Evaluate(indexA, indexB, tm);
                    float diff = s - target;
                    if ((diff > 0f ? diff : -diff) < tolerance)
                    {
                        t2 = tm;
                        break;
                    }
                    if (s > target) { a1 = tm; s1 = s; }
                    else { a2 = tm; s2 = s; }
                    if (rootIterCount == 50) break;
                }
                ++pushBackIter;
                if (pushBackIter == Settings.MaxPolygonVertices) break;
            }
            ++iter;
            if (done) break;
            if (iter == MaxIterations)
            {
                state = 1;
                t = t1;
                break;
            }
        }
        return state;
    }
}
