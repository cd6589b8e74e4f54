namespace Wann.Kernels.Tasks.Biped.Physics;

/// <summary>
/// Box2D's <c>b2SeparationFunction</c> (Collision/b2TimeOfImpact.cpp): the separation of two swept shapes
/// along the axis that the GJK cache picks (two points, a face of A, or a face of B).
/// </summary>
public sealed class SeparationFunction
{
    private enum Kind { Points, FaceA, FaceB }

    private DistanceProxy _proxyA, _proxyB;
    private Sweep _sweepA, _sweepB;
    private Kind _type;
    private Vec2 _localPoint, _axis;

    /// <summary><c>b2SeparationFunction::Initialize</c>: returns the separation at time t1.</summary>
    public float Initialize(in SimplexCache cache, in DistanceProxy proxyA, in Sweep sweepA, in DistanceProxy proxyB, in Sweep sweepB, float t1)
    {
        _proxyA = proxyA;
        _proxyB = proxyB;
        int count = cache.Count;
        _sweepA = sweepA;
        _sweepB = sweepB;
        Transform xfA = _sweepA.GetTransform(t1);
        Transform xfB = _sweepB.GetTransform(t1);
        if (count == 1)
        {
            _type = Kind.Points;
            Vec2 localPointA = _proxyA.GetVertex(cache.IndexA0);
            Vec2 localPointB = _proxyB.GetVertex(cache.IndexB0);
            Vec2 pointA = Transform.Mul(xfA, localPointA);
            Vec2 pointB = Transform.Mul(xfB, localPointB);
            _axis = pointB - pointA;
            return _axis.Normalize();
        }
        if (cache.IndexA0 == cache.IndexA1)
        {
            // Two points on B and one on A.
            _type = Kind.FaceB;
            Vec2 localPointB1 = proxyB.GetVertex(cache.IndexB0);
            Vec2 localPointB2 = proxyB.GetVertex(cache.IndexB1);
            _axis = Vec2.Cross(localPointB2 - localPointB1, 1f);
            _axis.Normalize();
            Vec2 normal = Rot.Mul(xfB.Q, _axis);
            _localPoint = 0.5f * (localPointB1 + localPointB2);
            Vec2 pointB = Transform.Mul(xfB, _localPoint);
            Vec2 localPointA = proxyA.GetVertex(cache.IndexA0);
            Vec2 pointA = Transform.Mul(xfA, localPointA);
            float s = Vec2.Dot(pointA - pointB, normal);
            if (s < 0f) { _axis = -_axis; s = -s; }
            return s;
        }
        else
        {
            // Two points on A and one or two points on B.
            _type = Kind.FaceA;
            Vec2 localPointA1 = _proxyA.GetVertex(cache.IndexA0);
            Vec2 localPointA2 = _proxyA.GetVertex(cache.IndexA1);
            _axis = Vec2.Cross(localPointA2 - localPointA1, 1f);
            _axis.Normalize();
            Vec2 normal = Rot.Mul(xfA.Q, _axis);
            _localPoint = 0.5f * (localPointA1 + localPointA2);
            Vec2 pointA = Transform.Mul(xfA, _localPoint);
            Vec2 localPointB = _proxyB.GetVertex(cache.IndexB0);
            Vec2 pointB = Transform.Mul(xfB, localPointB);
            float s = Vec2.Dot(pointB - pointA, normal);
            if (s < 0f) { _axis = -_axis; s = -s; }
            return s;
        }
    }

    /// <summary><c>b2SeparationFunction::FindMinSeparation</c>: deepest points at time t and their separation.</summary>
    public float FindMinSeparation(out int indexA, out int indexB, float t)
    {
        Transform xfA = _sweepA.GetTransform(t);
        Transform xfB = _sweepB.GetTransform(t);
        switch (_type)
        {
            case Kind.Points:
            {
                Vec2 axisA = Rot.MulT(xfA.Q, _axis);
                Vec2 axisB = Rot.MulT(xfB.Q, -_axis);
                indexA = _proxyA.GetSupport(axisA);
                indexB = _proxyB.GetSupport(axisB);
                Vec2 pointA = Transform.Mul(xfA, _proxyA.GetVertex(indexA));
                Vec2 pointB = Transform.Mul(xfB, _proxyB.GetVertex(indexB));
                return Vec2.Dot(pointB - pointA, _axis);
            }
            case Kind.FaceA:
            {
                Vec2 normal = Rot.Mul(xfA.Q, _axis);
                Vec2 pointA = Transform.Mul(xfA, _localPoint);
                Vec2 axisB = Rot.MulT(xfB.Q, -normal);
                indexA = -1;
                indexB = _proxyB.GetSupport(axisB);
                Vec2 pointB = Transform.Mul(xfB, _proxyB.GetVertex(indexB));
                return Vec2.Dot(pointB - pointA, normal);
            }
            default:
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
    }

    /// <summary><c>b2SeparationFunction::Evaluate</c>: separation of the given points at time t.</summary>
    public float Evaluate(int indexA, int indexB, float t)
    {
        Transform xfA = _sweepA.GetTransform(t);
        Transform xfB = _sweepB.GetTransform(t);
        switch (_type)
        {
            case Kind.Points:
            {
                Vec2 pointA = Transform.Mul(xfA, _proxyA.GetVertex(indexA));
                Vec2 pointB = Transform.Mul(xfB, _proxyB.GetVertex(indexB));
                return Vec2.Dot(pointB - pointA, _axis);
            }
            case Kind.FaceA:
            {
                Vec2 normal = Rot.Mul(xfA.Q, _axis);
                Vec2 pointA = Transform.Mul(xfA, _localPoint);
                Vec2 pointB = Transform.Mul(xfB, _proxyB.GetVertex(indexB));
                return Vec2.Dot(pointB - pointA, normal);
            }
            default:
            {
                Vec2 normal = Rot.Mul(xfB.Q, _axis);
                Vec2 pointB = Transform.Mul(xfB, _localPoint);
                Vec2 pointA = Transform.Mul(xfA, _proxyA.GetVertex(indexA));
                return Vec2.Dot(pointA - pointB, normal);
            }
        }
    }
}
