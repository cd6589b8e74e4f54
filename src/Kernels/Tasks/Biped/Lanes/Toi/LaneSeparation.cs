using System.Runtime.CompilerServices;
using Wann.Engine.Lanes;

namespace Wann.Kernels.Tasks.Biped.Lanes;

/// <summary>
/// b2SeparationFunction (time of impact's root finder) over a lane type: each lane has its own kind (0 points,
/// 1 face A, 2 face B), axis and local point; the kinds some lane has are evaluated and each lane keeps its own.
/// Shape A is always a static terrain edge at the origin, whose sweep's transform is the identity at every time
/// (see <see cref="LaneTimeOfImpact.Compute"/>).
/// </summary>
public struct LaneSeparation<T, TTrig> where T : struct, ILane<T> where TTrig : struct, ITrig
{
    private LaneProxy<T> _proxyA, _proxyB;
    private LaneSweep<T> _sweepB;
    private T _faceA, _faceB; // masks; neither: points
    private Vec2<T> _localPoint, _axis;

    /// <summary><c>Initialize</c> from the GJK cache at time <paramref name="t1"/>, in the lanes of <paramref name="mask"/>.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public void Initialize(in LaneSimplexCache<T> cache, in LaneProxy<T> proxyA, in LaneProxy<T> proxyB, in LaneSweep<T> sweepB, T t1, T mask)
    {
        _proxyA = proxyA;
        _proxyB = proxyB;
        _sweepB = sweepB;
        Transform<T> xfA = Transform<T>.Identity;
        Transform<T> xfB = _sweepB.GetTransform<TTrig>(t1);
        T zero = T.From(0f);

        // Points: the axis between the two support points.
        Vec2<T> pointsAxis = Transform<T>.Mul(xfB, _proxyB.GetVertex(cache.IndexB0)) - Transform<T>.Mul(xfA, _proxyA.GetVertex(cache.IndexA0));
        pointsAxis.Normalize();

        // Two points on B and one on A.
        Vec2<T> localPointB1 = proxyB.GetVertex(cache.IndexB0);
        Vec2<T> localPointB2 = proxyB.GetVertex(cache.IndexB1);
        Vec2<T> axisB = Vec2<T>.Cross(localPointB2 - localPointB1, T.From(1f));
        axisB.Normalize();
        Vec2<T> normalB = Rot<T>.Mul(xfB.Q, axisB);
        Vec2<T> localPointB = T.From(0.5f) * (localPointB1 + localPointB2);
        T sB = Vec2<T>.Dot(Transform<T>.Mul(xfA, proxyA.GetVertex(cache.IndexA0)) - Transform<T>.Mul(xfB, localPointB), normalB);
        axisB = Vec2<T>.Select(T.Less(sB, zero), -axisB, axisB);

        // Two points on A and one or two points on B.
        Vec2<T> localPointA1 = _proxyA.GetVertex(cache.IndexA0);
        Vec2<T> localPointA2 = _proxyA.GetVertex(cache.IndexA1);
        Vec2<T> axisA = Vec2<T>.Cross(localPointA2 - localPointA1, T.From(1f));
        axisA.Normalize();
        Vec2<T> normalA = Rot<T>.Mul(xfA.Q, axisA);
        Vec2<T> localPointA = T.From(0.5f) * (localPointA1 + localPointA2);
        T sA = Vec2<T>.Dot(Transform<T>.Mul(xfB, _proxyB.GetVertex(cache.IndexB0)) - Transform<T>.Mul(xfA, localPointA), normalA);
        axisA = Vec2<T>.Select(T.Less(sA, zero), -axisA, axisA);

        T points = T.Equal(cache.Count, T.From(1f));
        T faceB = T.AndNot(T.Equal(cache.IndexA0, cache.IndexA1), points);
        T faceA = T.AndNot(T.AndNot(T.True, points), faceB);
        _faceA = T.Select(mask, faceA, _faceA);
        _faceB = T.Select(mask, faceB, _faceB);
        _axis = Vec2<T>.Select(mask, Vec2<T>.Select(points, pointsAxis, Vec2<T>.Select(faceB, axisB, axisA)), _axis);
        _localPoint = Vec2<T>.Select(mask, Vec2<T>.Select(faceB, localPointB, Vec2<T>.Select(faceA, localPointA, _localPoint)), _localPoint);
    }

    /// <summary><c>FindMinSeparation</c> at time <paramref name="t"/>: the deepest points and their separation.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public readonly T FindMinSeparation(out T indexA, out T indexB, T t)
    {
        Transform<T> xfA = Transform<T>.Identity;
        Transform<T> xfB = _sweepB.GetTransform<TTrig>(t);
        T none = T.From(-1f);
        T points = T.AndNot(T.Not(_faceA), _faceB);
        // Each kind only where some lane has it; a lane keeps its own kind's result.
        T separation = T.From(0f);
        indexA = none;
        indexB = none;
        if (T.Any(points))
        {
            T pointsA = _proxyA.GetSupport(Rot<T>.MulT(xfA.Q, _axis));
            T pointsB = _proxyB.GetSupport(Rot<T>.MulT(xfB.Q, -_axis));
            T s = Vec2<T>.Dot(Transform<T>.Mul(xfB, _proxyB.GetVertex(pointsB)) - Transform<T>.Mul(xfA, _proxyA.GetVertex(pointsA)), _axis);
            separation = T.Select(points, s, separation);
            indexA = T.Select(points, pointsA, indexA);
            indexB = T.Select(points, pointsB, indexB);
        }
        if (T.Any(_faceA))
        {
            Vec2<T> normal = Rot<T>.Mul(xfA.Q, _axis);
            T index = _proxyB.GetSupport(Rot<T>.MulT(xfB.Q, -normal));
            T s = Vec2<T>.Dot(Transform<T>.Mul(xfB, _proxyB.GetVertex(index)) - Transform<T>.Mul(xfA, _localPoint), normal);
            separation = T.Select(_faceA, s, separation);
            indexB = T.Select(_faceA, index, indexB);
        }
        if (T.Any(_faceB))
        {
            Vec2<T> normal = Rot<T>.Mul(xfB.Q, _axis);
            T index = _proxyA.GetSupport(Rot<T>.MulT(xfA.Q, -normal));
            T s = Vec2<T>.Dot(Transform<T>.Mul(xfA, _proxyA.GetVertex(index)) - Transform<T>.Mul(xfB, _localPoint), normal);
            separation = T.Select(_faceB, s, separation);
            indexA = T.Select(_faceB, index, indexA);
        }
        return separation;
    }

    /// <summary><c>Evaluate</c>: the separation of the given points at time <paramref name="t"/>.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public readonly T Evaluate(T indexA, T indexB, T t)
    {
        Transform<T> xfA = Transform<T>.Identity;
        Transform<T> xfB = _sweepB.GetTransform<TTrig>(t);
        // A face's lanes pass -1 for the other shape's index: any vertex serves there, the value is not kept.
        T points = T.AndNot(T.Not(_faceA), _faceB);
        T separation = T.From(0f);
        if (T.Any(T.Or(points, _faceA)))
        {
            Vec2<T> pointB = Transform<T>.Mul(xfB, _proxyB.GetVertex(indexB));
            if (T.Any(points))
                separation = T.Select(points, Vec2<T>.Dot(pointB - Transform<T>.Mul(xfA, _proxyA.GetVertex(indexA)), _axis), separation);
            if (T.Any(_faceA))
                separation = T.Select(_faceA, Vec2<T>.Dot(pointB - Transform<T>.Mul(xfA, _localPoint), Rot<T>.Mul(xfA.Q, _axis)), separation);
        }
        if (T.Any(_faceB))
        {
            Vec2<T> pointA = Transform<T>.Mul(xfA, _proxyA.GetVertex(indexA));
            separation = T.Select(_faceB, Vec2<T>.Dot(pointA - Transform<T>.Mul(xfB, _localPoint), Rot<T>.Mul(xfB.Q, _axis)), separation);
        }
        return separation;
    }

}
