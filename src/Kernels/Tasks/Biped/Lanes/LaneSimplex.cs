using Wann.Kernels.Tasks.Biped.Physics;

namespace Wann.Kernels.Tasks.Biped.Lanes;

/// <summary>b2Simplex (GJK) with its three vertices in fields; the same operations as <see cref="Simplex"/>.</summary>
public struct LaneSimplex
{
    /// <summary>The vertices.</summary>
    public SimplexVertex V0, V1, V2;
    /// <summary>How many are used.</summary>
    public int Count;

    /// <summary>Vertex <paramref name="i"/>.</summary>
    public readonly SimplexVertex Get(int i) => i == 0 ? V0 : i == 1 ? V1 : V2;

    /// <summary>Sets vertex <paramref name="i"/>.</summary>
    public void Set(int i, SimplexVertex v)
    {
        if (i == 0) V0 = v; else if (i == 1) V1 = v; else V2 = v;
    }

    /// <summary><c>b2Simplex::ReadCache</c>.</summary>
    public void ReadCache(in SimplexCache cache, in LaneProxy proxyA, in Transform transformA, in LaneProxy proxyB, in Transform transformB)
    {
        Count = cache.Count;
        for (int i = 0; i < Count; ++i)
        {
            SimplexVertex v = default;
            v.IndexA = cache.IndexA(i);
            v.IndexB = cache.IndexB(i);
            v.WA = Transform.Mul(transformA, proxyA.GetVertex(v.IndexA));
            v.WB = Transform.Mul(transformB, proxyB.GetVertex(v.IndexB));
            v.W = v.WB - v.WA;
            v.A = 0f;
            Set(i, v);
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
            SimplexVertex v = default;
            v.IndexA = 0;
            v.IndexB = 0;
            v.WA = Transform.Mul(transformA, proxyA.GetVertex(0));
            v.WB = Transform.Mul(transformB, proxyB.GetVertex(0));
            v.W = v.WB - v.WA;
            v.A = 1f;
            V0 = v;
            Count = 1;
        }
    }

    /// <summary><c>b2Simplex::WriteCache</c>.</summary>
    public readonly void WriteCache(ref SimplexCache cache)
    {
        cache.Metric = GetMetric();
        cache.Count = Count;
        for (int i = 0; i < Count; ++i) cache.Set(i, Get(i).IndexA, Get(i).IndexB);
    }

    /// <summary><c>b2Simplex::GetSearchDirection</c>.</summary>
    public readonly Vec2 GetSearchDirection()
    {
        if (Count == 1) return -V0.W;
        if (Count == 2)
        {
            Vec2 e12 = V1.W - V0.W;
            float sgn = Vec2.Cross(e12, -V0.W);
            return sgn > 0f ? Vec2.Cross(1f, e12) : Vec2.Cross(e12, 1f);
        }
        return default;
    }

    /// <summary><c>b2Simplex::GetWitnessPoints</c>.</summary>
    public readonly void GetWitnessPoints(out Vec2 pA, out Vec2 pB)
    {
        if (Count == 1)
        {
            pA = V0.WA;
            pB = V0.WB;
        }
        else if (Count == 2)
        {
            pA = V0.A * V0.WA + V1.A * V1.WA;
            pB = V0.A * V0.WB + V1.A * V1.WB;
        }
        else if (Count == 3)
        {
            pA = V0.A * V0.WA + V1.A * V1.WA + V2.A * V2.WA;
            pB = pA;
        }
        else
        {
            pA = default;
            pB = default;
        }
    }

    /// <summary><c>b2Simplex::GetMetric</c>.</summary>
    public readonly float GetMetric() => Count == 2 ? Vec2.Distance(V0.W, V1.W) : Count == 3 ? Vec2.Cross(V1.W - V0.W, V2.W - V0.W) : 0f;

    /// <summary><c>b2Simplex::Solve2</c>.</summary>
    public void Solve2()
    {
        Vec2 w1 = V0.W;
        Vec2 w2 = V1.W;
        Vec2 e12 = w2 - w1;
        float d12_2 = -Vec2.Dot(w1, e12);
        if (!(d12_2 > 0f))
        {
            V0.A = 1f;
            Count = 1;
            return;
        }
        float d12_1 = Vec2.Dot(w2, e12);
        if (!(d12_1 > 0f))
        {
            V1.A = 1f;
            Count = 1;
            V0 = V1;
            return;
        }
        float invD12 = 1f / (d12_1 + d12_2);
        V0.A = d12_1 * invD12;
        V1.A = d12_2 * invD12;
        Count = 2;
    }

    /// <summary><c>b2Simplex::Solve3</c>.</summary>
    public void Solve3()
    {
        Vec2 w1 = V0.W;
        Vec2 w2 = V1.W;
        Vec2 w3 = V2.W;
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

        if (!(d12_2 > 0f) && !(d13_2 > 0f))
        {
            V0.A = 1f;
            Count = 1;
            return;
        }
        if (d12_1 > 0f && d12_2 > 0f && !(d123_3 > 0f))
        {
            float invD12 = 1f / (d12_1 + d12_2);
            V0.A = d12_1 * invD12;
            V1.A = d12_2 * invD12;
            Count = 2;
            return;
        }
        if (d13_1 > 0f && d13_2 > 0f && !(d123_2 > 0f))
        {
            float invD13 = 1f / (d13_1 + d13_2);
            V0.A = d13_1 * invD13;
            V2.A = d13_2 * invD13;
            Count = 2;
            V1 = V2;
            return;
        }
        if (!(d12_1 > 0f) && !(d23_2 > 0f))
        {
            V1.A = 1f;
            Count = 1;
            V0 = V1;
            return;
        }
        if (!(d13_1 > 0f) && !(d23_1 > 0f))
        {
            V2.A = 1f;
            Count = 1;
            V0 = V2;
            return;
        }
        if (d23_1 > 0f && d23_2 > 0f && !(d123_1 > 0f))
        {
            float invD23 = 1f / (d23_1 + d23_2);
            V1.A = d23_1 * invD23;
            V2.A = d23_2 * invD23;
            Count = 2;
            V0 = V2;
            return;
        }
        float invD123 = 1f / (d123_1 + d123_2 + d123_3);
        V0.A = d123_1 * invD123;
        V1.A = d123_2 * invD123;
        V2.A = d123_3 * invD123;
        Count = 3;
    }
}
