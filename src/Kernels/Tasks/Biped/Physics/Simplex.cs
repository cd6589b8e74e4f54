namespace Wann.Kernels.Tasks.Biped.Physics;

/// <summary>Box2D's <c>b2Simplex</c> (Collision/b2Distance.cpp): the GJK simplex of up to three vertices.</summary>
public sealed class Simplex
{
    /// <summary>The vertices; the first <see cref="Count"/> are in use.</summary>
    public readonly SimplexVertex[] V = new SimplexVertex[3];
    /// <summary>Number of vertices.</summary>
    public int Count;

    /// <summary><c>b2Simplex::ReadCache</c>.</summary>
    public void ReadCache(in SimplexCache cache, in DistanceProxy proxyA, in Transform transformA, in DistanceProxy proxyB, in Transform transformB)
    {
        Count = cache.Count;
        for (int i = 0; i < Count; ++i)
        {
            ref SimplexVertex v = ref V[i];
            v.IndexA = cache.IndexA(i);
            v.IndexB = cache.IndexB(i);
            Vec2 wALocal = proxyA.GetVertex(v.IndexA);
            Vec2 wBLocal = proxyB.GetVertex(v.IndexB);
            v.WA = Transform.Mul(transformA, wALocal);
            v.WB = Transform.Mul(transformB, wBLocal);
            v.W = v.WB - v.WA;
            v.A = 0f;
        }
        // Flush the simplex if the metric changed a lot.
        if (Count > 1)
        {
            float metric1 = cache.Metric;
            float metric2 = GetMetric();
            if (metric2 < 0.5f * metric1 || 2f * metric1 < metric2 || metric2 < Settings.Epsilon) Count = 0;
        }
        if (Count == 0)
        {
            ref SimplexVertex v = ref V[0];
            v.IndexA = 0;
            v.IndexB = 0;
            Vec2 wALocal = proxyA.GetVertex(0);
            Vec2 wBLocal = proxyB.GetVertex(0);
            v.WA = Transform.Mul(transformA, wALocal);
            v.WB = Transform.Mul(transformB, wBLocal);
            v.W = v.WB - v.WA;
            v.A = 1f;
            Count = 1;
        }
    }

    /// <summary><c>b2Simplex::WriteCache</c>.</summary>
    public void WriteCache(ref SimplexCache cache)
    {
        cache.Metric = GetMetric();
        cache.Count = Count;
        for (int i = 0; i < Count; ++i) cache.Set(i, V[i].IndexA, V[i].IndexB);
    }

    /// <summary><c>b2Simplex::GetSearchDirection</c>.</summary>
    public Vec2 GetSearchDirection()
    {
        switch (Count)
        {
            case 1:
                return -V[0].W;
            case 2:
            {
                Vec2 e12 = V[1].W - V[0].W;
                float sgn = Vec2.Cross(e12, -V[0].W);
                return sgn > 0f ? Vec2.Cross(1f, e12) : Vec2.Cross(e12, 1f);
            }
            default:
                return Vec2.Zero;
        }
    }

    /// <summary><c>b2Simplex::GetClosestPoint</c>.</summary>
    public Vec2 GetClosestPoint() => Count switch
    {
        1 => V[0].W,
        2 => V[0].A * V[0].W + V[1].A * V[1].W,
        _ => Vec2.Zero,
    };

    /// <summary><c>b2Simplex::GetWitnessPoints</c>.</summary>
    public void GetWitnessPoints(out Vec2 pA, out Vec2 pB)
    {
        switch (Count)
        {
            case 1:
                pA = V[0].WA;
                pB = V[0].WB;
                break;
            case 2:
                pA = V[0].A * V[0].WA + V[1].A * V[1].WA;
                pB = V[0].A * V[0].WB + V[1].A * V[1].WB;
                break;
            case 3:
                pA = V[0].A * V[0].WA + V[1].A * V[1].WA + V[2].A * V[2].WA;
                pB = pA;
                break;
            default:
                pA = pB = Vec2.Zero;
                break;
        }
    }

    /// <summary><c>b2Simplex::GetMetric</c>.</summary>
    public float GetMetric() => Count switch
    {
        2 => Vec2.Distance(V[0].W, V[1].W),
        3 => Vec2.Cross(V[1].W - V[0].W, V[2].W - V[0].W),
        _ => 0f,
    };

    /// <summary><c>b2Simplex::Solve2</c>: closest point on a segment by barycentric coordinates.</summary>
    public void Solve2()
    {
        Vec2 w1 = V[0].W;
        Vec2 w2 = V[1].W;
        Vec2 e12 = w2 - w1;
        float d12_2 = -Vec2.Dot(w1, e12);
        if (d12_2 <= 0f)
        {
            V[0].A = 1f;
            Count = 1;
            return;
        }
        float d12_1 = Vec2.Dot(w2, e12);
        if (d12_1 <= 0f)
        {
            V[1].A = 1f;
            Count = 1;
            V[0] = V[1];
            return;
        }
        float invD12 = 1f / (d12_1 + d12_2);
        V[0].A = d12_1 * invD12;
        V[1].A = d12_2 * invD12;
        Count = 2;
    }

    /// <summary><c>b2Simplex::Solve3</c>: closest point on a triangle by Voronoi regions.</summary>
    public void Solve3()
    {
        Vec2 w1 = V[0].W;
        Vec2 w2 = V[1].W;
        Vec2 w3 = V[2].W;
        Vec2 e12 = w2 - w1;
        float w1e12 = Vec2.Dot(w1, e12);
        float w2e12 = Vec2.Dot(w2, e12);
        float d12_1 = w2e12;
        float d12_2 = -w1e12;
        Vec2 e13 = w3 - w1;
        float w1e13 = Vec2.Dot(w1, e13);
        float w3e13 = Vec2.Dot(w3, e13);
        float d13_1 = w3e13;
        float d13_2 = -w1e13;
        Vec2 e23 = w3 - w2;
        float w2e23 = Vec2.Dot(w2, e23);
        float w3e23 = Vec2.Dot(w3, e23);
        float d23_1 = w3e23;
        float d23_2 = -w2e23;
        float n123 = Vec2.Cross(e12, e13);
        float d123_1 = n123 * Vec2.Cross(w2, w3);
        float d123_2 = n123 * Vec2.Cross(w3, w1);
        float d123_3 = n123 * Vec2.Cross(w1, w2);

        if (d12_2 <= 0f && d13_2 <= 0f)
        {
            V[0].A = 1f;
            Count = 1;
            return;
        }
        if (d12_1 > 0f && d12_2 > 0f && d123_3 <= 0f)
        {
            float invD12 = 1f / (d12_1 + d12_2);
            V[0].A = d12_1 * invD12;
            V[1].A = d12_2 * invD12;
            Count = 2;
            return;
        }
        if (d13_1 > 0f && d13_2 > 0f && d123_2 <= 0f)
        {
            float invD13 = 1f / (d13_1 + d13_2);
            V[0].A = d13_1 * invD13;
            V[2].A = d13_2 * invD13;
            Count = 2;
            V[1] = V[2];
            return;
        }
        if (d12_1 <= 0f && d23_2 <= 0f)
        {
            V[1].A = 1f;
            Count = 1;
            V[0] = V[1];
            return;
        }
        if (d13_1 <= 0f && d23_1 <= 0f)
        {
            V[2].A = 1f;
            Count = 1;
            V[0] = V[2];
            return;
        }
        if (d23_1 > 0f && d23_2 > 0f && d123_1 <= 0f)
        {
            float invD23 = 1f / (d23_1 + d23_2);
            V[1].A = d23_1 * invD23;
            V[2].A = d23_2 * invD23;
            Count = 2;
            V[0] = V[2];
            return;
        }
        float invD123 = 1f / (d123_1 + d123_2 + d123_3);
        V[0].A = d123_1 * invD123;
        V[1].A = d123_2 * invD123;
        V[2].A = d123_3 * invD123;
        Count = 3;
    }
}
