using Wann.Kernels.Tasks.Biped.Physics;

namespace Wann.Kernels.Tasks.Biped.Lanes;

/// <summary>b2SeparationFunction (time of impact's root finder) over <see cref="LaneProxy"/> and <see cref="LaneSweep"/>.</summary>
public struct LaneSeparation<TTrig> where TTrig : struct, ITrig
{
    private LaneProxy _proxyA, _proxyB;
    private LaneSweep _sweepA, _sweepB;
    private int _type; // 0 points, 1 face A, 2 face B
    private Vec2 _localPoint, _axis;

    /// <summary><c>Initialize</c> from the GJK cache at time <paramref name="t1"/>.</summary>
    public void Initialize(in SimplexCache cache, in LaneProxy proxyA, in LaneSweep sweepA, in LaneProxy proxyB, in LaneSweep sweepB, float t1)
    {
        _proxyA = proxyA;
        _proxyB = proxyB;
        int count = cache.Count;
        _sweepA = sweepA;
        _sweepB = sweepB;
        Transform xfA = _sweepA.GetTransform<TTrig>(t1);
        Transform xfB = _sweepB.GetTransform<TTrig>(t1);
        if (count == 1)
        {
            _type = 0;
            Vec2 pointA = Transform.Mul(xfA, _proxyA.GetVertex(cache.IndexA0));
            Vec2 pointB = Transform.Mul(xfB, _proxyB.GetVertex(cache.IndexB0));
            _axis = pointB - pointA;
            _axis.Normalize();
            return;
        }
        if (cache.IndexA0 == cache.IndexA1)
        {
            // Two points on B and one on A.
            _type = 2;
            Vec2 localPointB1 = proxyB.GetVertex(cache.IndexB0);
            Vec2 localPointB2 = proxyB.GetVertex(cache.IndexB1);
            _axis = Vec2.Cross(localPointB2 - localPointB1, 1f);
            _axis.Normalize();
            Vec2 normal = Rot.Mul(xfB.Q, _axis);
            _localPoint = 0.5f * (localPointB1 + localPointB2);
            Vec2 pointB = Transform.Mul(xfB, _localPoint);
            Vec2 pointA = Transform.Mul(xfA, proxyA.GetVertex(cache.IndexA0));
            float s = Vec2.Dot(pointA - pointB, normal);
            if (s < 0f) _axis = -_axis;
        }
        else
        {
            // Two points on A and one or two points on B.
            _type = 1;
            Vec2 localPointA1 = _proxyA.GetVertex(cache.IndexA0);
            Vec2 localPointA2 = _proxyA.GetVertex(cache.IndexA1);
            _axis = Vec2.Cross(localPointA2 - localPointA1, 1f);
            _axis.Normalize();
            Vec2 normal = Rot.Mul(xfA.Q, _axis);
            _localPoint = 0.5f * (localPointA1 + localPointA2);
            Vec2 pointA = Transform.Mul(xfA, _localPoint);
            Vec2 pointB = Transform.Mul(xfB, _proxyB.GetVertex(cache.IndexB0));
            float s = Vec2.Dot(pointB - pointA, normal);
            if (s < 0f) _axis = -_axis;
        }
    }

    /// <summary><c>FindMinSeparation</c> at time <paramref name="t"/>: the deepest points and their separation.</summary>
    public readonly float FindMinSeparation(out int indexA, out int indexB, float t)
    {
        Transform xfA = _sweepA.GetTransform<TTrig>(t);
        Transform xfB = _sweepB.GetTransform<TTrig>(t);
        if (_type == 0)
        {
            Vec2 axisA = Rot.MulT(xfA.Q, _axis);
            Vec2 axisB = Rot.MulT(xfB.Q, -_axis);
            indexA = _proxyA.GetSupport(axisA);
            indexB = _proxyB.GetSupport(axisB);
            Vec2 pointA = Transform.Mul(xfA, _proxyA.GetVertex(indexA));
            Vec2 pointB = Transform.Mul(xfB, _proxyB.GetVertex(indexB));
            return Vec2.Dot(pointB - pointA, _axis);
        }
        if (_type == 1)
        {
            Vec2 normal = Rot.Mul(xfA.Q, _axis);
            Vec2 pointA = Transform.Mul(xfA, _localPoint);
            Vec2 axisB = Rot.MulT(xfB.Q, -normal);
            indexA = -1;
            indexB = _proxyB.GetSupport(axisB);
            Vec2 pointB = Transform.Mul(xfB, _proxyB.GetVertex(indexB));
            return Vec2.Dot(pointB - pointA, normal);
        }
        {
            Vec2 normal = Rot.Mul(xfB.Q, _axis);
            Vec2 pointB = Transform.Mul(xfB, _localPoint);
            Vec2 axisA = Rot.MulT(xfA.Q, -normal);
            indexB = -1;
            indexA = _proxyA.GetSupport(axisA);
            Vec2 pointA = Transform.Mul(xfA, _proxyA.GetVertex(indexA));
            return Vec2.Dot(pointA - pointB, normal);
        }
    }

    /// <summary><c>Evaluate</c>: the separation of the given points at time <paramref name="t"/>.</summary>
    public readonly float Evaluate(int indexA, int indexB, float t)
    {
        Transform xfA = _sweepA.GetTransform<TTrig>(t);
        Transform xfB = _sweepB.GetTransform<TTrig>(t);
        if (_type == 0)
        {
            Vec2 pointA = Transform.Mul(xfA, _proxyA.GetVertex(indexA));
            Vec2 pointB = Transform.Mul(xfB, _proxyB.GetVertex(indexB));
            return Vec2.Dot(pointB - pointA, _axis);
        }
        if (_type == 1)
        {
            Vec2 normal = Rot.Mul(xfA.Q, _axis);
            Vec2 pointA = Transform.Mul(xfA, _localPoint);
            Vec2 pointB = Transform.Mul(xfB, _proxyB.GetVertex(indexB));
            return Vec2.Dot(pointB - pointA, normal);
        }
        {
            Vec2 normal = Rot.Mul(xfB.Q, _axis);
            Vec2 pointB = Transform.Mul(xfB, _localPoint);
            Vec2 pointA = Transform.Mul(xfA, _proxyA.GetVertex(indexA));
            return Vec2.Dot(pointA - pointB, normal);
        }
    }
}
