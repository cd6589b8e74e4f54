using System.Runtime.CompilerServices;
using Wann.Engine.Lanes;
using Settings = Wann.Kernels.Tasks.Biped.Physics.Settings;

namespace Wann.Kernels.Tasks.Biped.Lanes;

/// <summary>Box2D's <c>b2SimplexCache</c> over a lane type: the GJK simplex kept between calls (the TOI loop reuses it).</summary>
public struct LaneSimplexCache<T> where T : struct, ILane<T>
{
    /// <summary>Length or area of the simplex, to detect a changed configuration.</summary>
    public T Metric;
    /// <summary>Number of vertices (0 to 3).</summary>
    public T Count;
    /// <summary>Vertex indices on shapes A and B.</summary>
    public T IndexA0, IndexA1, IndexA2, IndexB0, IndexB1, IndexB2;
}

/// <summary>Box2D's <c>b2SimplexVertex</c> over a lane type: support points on both shapes and their difference.</summary>
public struct LaneSimplexVertex<T> where T : struct, ILane<T>
{
    /// <summary>Support point on A, on B, and wB - wA.</summary>
    public Vec2<T> WA, WB, W;
    /// <summary>Barycentric coordinate of the closest point.</summary>
    public T A;
    /// <summary>Vertex indices on A and B.</summary>
    public T IndexA, IndexB;

    /// <summary>Per lane: mask ? <paramref name="a"/> : <paramref name="b"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LaneSimplexVertex<T> Select(T mask, in LaneSimplexVertex<T> a, in LaneSimplexVertex<T> b) => new()
    {
        WA = Vec2<T>.Select(mask, a.WA, b.WA),
        WB = Vec2<T>.Select(mask, a.WB, b.WB),
        W = Vec2<T>.Select(mask, a.W, b.W),
        A = T.Select(mask, a.A, b.A),
        IndexA = T.Select(mask, a.IndexA, b.IndexA),
        IndexB = T.Select(mask, a.IndexB, b.IndexB),
    };
}

/// <summary>
/// Box2D's <c>b2Simplex</c> (GJK) over a lane type, its three vertices in fields: the same operations as
/// <see cref="Physics.Simplex"/>, each lane at its own vertex count; the solves compute every case and keep each lane's.
/// </summary>
public struct LaneSimplex<T> where T : struct, ILane<T>
{
    /// <summary>The vertices.</summary>
    public LaneSimplexVertex<T> V0, V1, V2;
    /// <summary>How many are used, per lane.</summary>
    public T Count;

    /// <summary>Sets vertex <paramref name="index"/> (per lane) in the lanes of <paramref name="mask"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Set(T index, in LaneSimplexVertex<T> v, T mask)
    {
        V0 = LaneSimplexVertex<T>.Select(T.And(mask, T.Equal(index, T.From(0f))), v, V0);
        V1 = LaneSimplexVertex<T>.Select(T.And(mask, T.Equal(index, T.From(1f))), v, V1);
        V2 = LaneSimplexVertex<T>.Select(T.And(mask, T.Equal(index, T.From(2f))), v, V2);
    }

    /// <summary><c>b2Simplex::ReadCache</c>.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public void ReadCache(in LaneSimplexCache<T> cache, in LaneProxy<T> proxyA, in Transform<T> transformA, in LaneProxy<T> proxyB, in Transform<T> transformB)
    {
        Count = cache.Count;
        V0 = CachedVertex(cache.IndexA0, cache.IndexB0, proxyA, transformA, proxyB, transformB);
        V1 = CachedVertex(cache.IndexA1, cache.IndexB1, proxyA, transformA, proxyB, transformB);
        V2 = CachedVertex(cache.IndexA2, cache.IndexB2, proxyA, transformA, proxyB, transformB);
        // Flush the simplex if the metric changed a lot.
        T metric1 = cache.Metric;
        T metric2 = GetMetric();
        T flush = T.And(T.Greater(Count, T.From(1f)),
            T.Or(T.Or(T.Less(metric2, T.From(0.5f) * metric1), T.Less(T.From(2f) * metric1, metric2)), T.Less(metric2, T.From(Settings.Epsilon))));
        Count = T.Select(flush, T.From(0f), Count);
        T empty = T.Equal(Count, T.From(0f));
        LaneSimplexVertex<T> first = CachedVertex(T.From(0f), T.From(0f), proxyA, transformA, proxyB, transformB);
        first.A = T.From(1f);
        V0 = LaneSimplexVertex<T>.Select(empty, first, V0);
        Count = T.Select(empty, T.From(1f), Count);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static LaneSimplexVertex<T> CachedVertex(T indexA, T indexB, in LaneProxy<T> proxyA, in Transform<T> transformA, in LaneProxy<T> proxyB, in Transform<T> transformB)
    {
        var v = new LaneSimplexVertex<T> { IndexA = indexA, IndexB = indexB };
        v.WA = Transform<T>.Mul(transformA, proxyA.GetVertex(indexA));
        v.WB = Transform<T>.Mul(transformB, proxyB.GetVertex(indexB));
        v.W = v.WB - v.WA;
        v.A = T.From(0f);
        return v;
    }

    /// <summary><c>b2Simplex::WriteCache</c>.</summary>
    public readonly void WriteCache(ref LaneSimplexCache<T> cache, T mask)
    {
        cache.Metric = T.Select(mask, GetMetric(), cache.Metric);
        cache.Count = T.Select(mask, Count, cache.Count);
        T has0 = T.And(mask, T.Greater(Count, T.From(0f))), has1 = T.And(mask, T.Greater(Count, T.From(1f))), has2 = T.And(mask, T.Greater(Count, T.From(2f)));
        cache.IndexA0 = T.Select(has0, V0.IndexA, cache.IndexA0);
        cache.IndexB0 = T.Select(has0, V0.IndexB, cache.IndexB0);
        cache.IndexA1 = T.Select(has1, V1.IndexA, cache.IndexA1);
        cache.IndexB1 = T.Select(has1, V1.IndexB, cache.IndexB1);
        cache.IndexA2 = T.Select(has2, V2.IndexA, cache.IndexA2);
        cache.IndexB2 = T.Select(has2, V2.IndexB, cache.IndexB2);
    }

    /// <summary><c>b2Simplex::GetSearchDirection</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly Vec2<T> GetSearchDirection()
    {
        Vec2<T> e12 = V1.W - V0.W;
        T sgn = Vec2<T>.Cross(e12, -V0.W);
        Vec2<T> two = Vec2<T>.Select(T.Greater(sgn, T.From(0f)), Vec2<T>.Cross(T.From(1f), e12), Vec2<T>.Cross(e12, T.From(1f)));
        return Vec2<T>.Select(T.Equal(Count, T.From(1f)), -V0.W, Vec2<T>.Select(T.Equal(Count, T.From(2f)), two, Vec2<T>.From(0f, 0f)));
    }

    /// <summary><c>b2Simplex::GetWitnessPoints</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly void GetWitnessPoints(out Vec2<T> pA, out Vec2<T> pB)
    {
        T one = T.Equal(Count, T.From(1f)), two = T.Equal(Count, T.From(2f)), three = T.Equal(Count, T.From(3f));
        Vec2<T> twoA = V0.A * V0.WA + V1.A * V1.WA;
        Vec2<T> twoB = V0.A * V0.WB + V1.A * V1.WB;
        Vec2<T> threeA = V0.A * V0.WA + V1.A * V1.WA + V2.A * V2.WA;
        Vec2<T> none = Vec2<T>.From(0f, 0f);
        pA = Vec2<T>.Select(one, V0.WA, Vec2<T>.Select(two, twoA, Vec2<T>.Select(three, threeA, none)));
        pB = Vec2<T>.Select(one, V0.WB, Vec2<T>.Select(two, twoB, Vec2<T>.Select(three, threeA, none)));
    }

    /// <summary><c>b2Simplex::GetMetric</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly T GetMetric() =>
        T.Select(T.Equal(Count, T.From(2f)), Vec2<T>.Distance(V0.W, V1.W),
            T.Select(T.Equal(Count, T.From(3f)), Vec2<T>.Cross(V1.W - V0.W, V2.W - V0.W), T.From(0f)));

    /// <summary><c>b2Simplex::Solve2</c> in the lanes of <paramref name="mask"/>.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public void Solve2(T mask)
    {
        if (!T.Any(mask)) return;
        T zero = T.From(0f), one = T.From(1f);
        Vec2<T> w1 = V0.W;
        Vec2<T> w2 = V1.W;
        Vec2<T> e12 = w2 - w1;
        T d12_2 = -Vec2<T>.Dot(w1, e12);
        T d12_1 = Vec2<T>.Dot(w2, e12);
        // Region w1, region w2, or the segment between.
        T onlyW1 = T.And(mask, T.Not(T.Greater(d12_2, zero)));
        T onlyW2 = T.AndNot(T.And(mask, T.Not(T.Greater(d12_1, zero))), onlyW1);
        T segment = T.AndNot(T.AndNot(mask, onlyW1), onlyW2);
        T invD12 = one / (d12_1 + d12_2);
        LaneSimplexVertex<T> v1 = V1;
        v1.A = T.Select(onlyW2, one, T.Select(segment, d12_2 * invD12, v1.A));
        LaneSimplexVertex<T> v0 = LaneSimplexVertex<T>.Select(onlyW2, v1, V0);
        v0.A = T.Select(onlyW1, one, T.Select(segment, d12_1 * invD12, v0.A));
        V0 = v0;
        V1 = v1;
        Count = T.Select(segment, T.From(2f), T.Select(T.Or(onlyW1, onlyW2), one, Count));
    }

    /// <summary><c>b2Simplex::Solve3</c> in the lanes of <paramref name="mask"/>.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public void Solve3(T mask)
    {
        if (!T.Any(mask)) return;
        T zero = T.From(0f), one = T.From(1f);
        Vec2<T> w1 = V0.W;
        Vec2<T> w2 = V1.W;
        Vec2<T> w3 = V2.W;
        Vec2<T> e12 = w2 - w1;
        T w1e12 = Vec2<T>.Dot(w1, e12);
        T w2e12 = Vec2<T>.Dot(w2, e12);
        T d12_1 = w2e12;
        T d12_2 = -w1e12;
        Vec2<T> e13 = w3 - w1;
        T w1e13 = Vec2<T>.Dot(w1, e13);
        T w3e13 = Vec2<T>.Dot(w3, e13);
        T d13_1 = w3e13;
        T d13_2 = -w1e13;
        Vec2<T> e23 = w3 - w2;
        T w2e23 = Vec2<T>.Dot(w2, e23);
        T w3e23 = Vec2<T>.Dot(w3, e23);
        T d23_1 = w3e23;
        T d23_2 = -w2e23;
        T n123 = Vec2<T>.Cross(e12, e13);
        T d123_1 = n123 * Vec2<T>.Cross(w2, w3);
        T d123_2 = n123 * Vec2<T>.Cross(w3, w1);
        T d123_3 = n123 * Vec2<T>.Cross(w1, w2);

        // Box2D's regions in its order; each lane takes the first that holds.
        T open = mask;
        T vertex1 = T.And(open, T.And(T.Not(T.Greater(d12_2, zero)), T.Not(T.Greater(d13_2, zero))));
        open = T.AndNot(open, vertex1);
        T edge12 = T.And(open, T.And(T.And(T.Greater(d12_1, zero), T.Greater(d12_2, zero)), T.Not(T.Greater(d123_3, zero))));
        open = T.AndNot(open, edge12);
        T edge13 = T.And(open, T.And(T.And(T.Greater(d13_1, zero), T.Greater(d13_2, zero)), T.Not(T.Greater(d123_2, zero))));
        open = T.AndNot(open, edge13);
        T vertex2 = T.And(open, T.And(T.Not(T.Greater(d12_1, zero)), T.Not(T.Greater(d23_2, zero))));
        open = T.AndNot(open, vertex2);
        T vertex3 = T.And(open, T.And(T.Not(T.Greater(d13_1, zero)), T.Not(T.Greater(d23_1, zero))));
        open = T.AndNot(open, vertex3);
        T edge23 = T.And(open, T.And(T.And(T.Greater(d23_1, zero), T.Greater(d23_2, zero)), T.Not(T.Greater(d123_1, zero))));
        T triangle = T.AndNot(open, edge23);

        T invD12 = one / (d12_1 + d12_2);
        T invD13 = one / (d13_1 + d13_2);
        T invD23 = one / (d23_1 + d23_2);
        T invD123 = one / (d123_1 + d123_2 + d123_3);
        LaneSimplexVertex<T> v0 = V0, v1 = V1, v2 = V2;
        // New barycentric coordinates where Box2D sets them, before the vertices move.
        v0.A = T.Select(vertex1, one, T.Select(edge12, d12_1 * invD12, T.Select(edge13, d13_1 * invD13, T.Select(triangle, d123_1 * invD123, v0.A))));
        v1.A = T.Select(edge12, d12_2 * invD12, T.Select(vertex2, one, T.Select(edge23, d23_1 * invD23, T.Select(triangle, d123_2 * invD123, v1.A))));
        v2.A = T.Select(edge13, d13_2 * invD13, T.Select(vertex3, one, T.Select(edge23, d23_2 * invD23, T.Select(triangle, d123_3 * invD123, v2.A))));
        // Then the moves: V1 = V2 (edge 13); V0 = V1 (vertex 2); V0 = V2 (vertex 3, edge 23).
        V0 = LaneSimplexVertex<T>.Select(vertex2, v1, LaneSimplexVertex<T>.Select(T.Or(vertex3, edge23), v2, v0));
        V1 = LaneSimplexVertex<T>.Select(edge13, v2, v1);
        V2 = v2;
        T two = T.Or(T.Or(edge12, edge13), edge23);
        Count = T.Select(two, T.From(2f), T.Select(triangle, T.From(3f), T.Select(T.Or(T.Or(vertex1, vertex2), vertex3), one, Count)));
    }
}
