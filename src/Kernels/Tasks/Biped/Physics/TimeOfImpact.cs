namespace Wann.Kernels.Tasks.Biped.Physics;

/// <summary>
/// Box2D's <c>b2TimeOfImpact</c> (Collision/b2TimeOfImpact.cpp): conservative advancement with GJK and a
/// mixed bisection / secant root finder; the time at which two swept shapes come within
/// <c>linearSlop</c> of touching. One instance per world holds the scratch objects.
/// </summary>
public sealed class TimeOfImpact
{
    private const int MaxIterations = 20;
    private readonly Distance _distance = new();
    private readonly SeparationFunction _fcn = new();

    /// <summary>Computes the time of impact in [0, tMax]; returns the state and sets <paramref name="t"/>.</summary>
    public ToiState Compute(in DistanceProxy proxyA, Sweep sweepA, in DistanceProxy proxyB, Sweep sweepB, float tMax, out float t)
    {
        ToiState state = ToiState.Unknown;
        t = tMax;
        // Large rotations can make the root finder fail, so normalise the sweep angles.
        sweepA.Normalize();
        sweepB.Normalize();
        float totalRadius = proxyA.Radius + proxyB.Radius;
        float reduced = totalRadius - 3f * Settings.LinearSlop;
        float target = Settings.LinearSlop > reduced ? Settings.LinearSlop : reduced;
        float tolerance = 0.25f * Settings.LinearSlop;
        float t1 = 0f;
        int iter = 0;
        var cache = new SimplexCache();
        for (;;)
        {
            Transform xfA = sweepA.GetTransform(t1);
            Transform xfB = sweepB.GetTransform(t1);
            float distance = _distance.Compute(ref cache, proxyA, xfA, proxyB, xfB);
            if (distance <= 0f)
            {
                state = ToiState.Overlapped;
                t = 0f;
                break;
            }
            if (distance < target + tolerance)
            {
                state = ToiState.Touching;
                t = t1;
                break;
            }
            _fcn.Initialize(cache, proxyA, sweepA, proxyB, sweepB, t1);

            // Resolve the deepest point; the loop is bounded by the number of vertices.
            bool done = false;
            float t2 = tMax;
            int pushBackIter = 0;
            for (;;)
            {
                float s2 = _fcn.FindMinSeparation(out int indexA, out int indexB, t2);
                if (s2 > target + tolerance)
                {
                    // Final configuration is separated.
                    state = ToiState.Separated;
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
                float s1 = _fcn.Evaluate(indexA, indexB, t1);
                if (s1 < target - tolerance)
                {
                    state = ToiState.Failed;
                    t = t1;
                    done = true;
                    break;
                }
                if (s1 <= target + tolerance)
                {
                    state = ToiState.Touching;
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
                    float s = _fcn.Evaluate(indexA, indexB, tm);
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
                state = ToiState.Failed;
                t = t1;
                break;
            }
        }
        return state;
    }
}
