namespace Wann.Kernels.Tasks.Biped.Physics;

/// <summary>
/// Box2D's <c>b2Distance</c> (Collision/b2Distance.cpp) with <c>useRadii = false</c>, the form the time of
/// impact calls: GJK on the core shapes, warm-started from and written back to a <see cref="SimplexCache"/>.
/// </summary>
public sealed class Distance
{
    private const int MaxIterations = 20;
    private readonly Simplex _simplex = new();

    /// <summary>The distance between the core shapes (0 when they overlap), updating <paramref name="cache"/>.</summary>
    public float Compute(ref SimplexCache cache, in DistanceProxy proxyA, in Transform transformA, in DistanceProxy proxyB, in Transform transformB)
    {
        Simplex simplex = _simplex;
        simplex.ReadCache(cache, proxyA, transformA, proxyB, transformB);
        SimplexVertex[] vertices = simplex.V;
        int saveA0 = 0, saveA1 = 0, saveA2 = 0, saveB0 = 0, saveB1 = 0, saveB2 = 0;
        int iter = 0;
        while (iter < MaxIterations)
        {
            // Copy the simplex so that duplicates can be detected.
            int saveCount = simplex.Count;
            if (saveCount > 0) { saveA0 = vertices[0].IndexA; saveB0 = vertices[0].IndexB; }
            if (saveCount > 1) { saveA1 = vertices[1].IndexA; saveB1 = vertices[1].IndexB; }
            if (saveCount > 2) { saveA2 = vertices[2].IndexA; saveB2 = vertices[2].IndexB; }

            if (simplex.Count == 2) simplex.Solve2();
            else if (simplex.Count == 3) simplex.Solve3();

            // The origin is inside the triangle: overlap.
            if (simplex.Count == 3) break;

            Vec2 d = simplex.GetSearchDirection();
            // The origin is probably on a vertex or edge: overlap.
            if (d.LengthSquared() < Settings.Epsilon * Settings.Epsilon) break;

            ref SimplexVertex vertex = ref vertices[simplex.Count];
            vertex.IndexA = proxyA.GetSupport(Rot.MulT(transformA.Q, -d));
            vertex.WA = Transform.Mul(transformA, proxyA.GetVertex(vertex.IndexA));
            vertex.IndexB = proxyB.GetSupport(Rot.MulT(transformB.Q, d));
            vertex.WB = Transform.Mul(transformB, proxyB.GetVertex(vertex.IndexB));
            vertex.W = vertex.WB - vertex.WA;
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
}
