namespace Wann.Kernels.Tasks.Biped.Physics;

/// <summary>
/// Box2D's <c>b2CollideEdgeAndPolygon</c> / <c>b2EPCollider::Collide</c> (Collision/b2CollideEdge.cpp) for
/// an edge without ghost vertices: the polygon is taken into the edge's frame, the best separating axis
/// (edge normal or a polygon normal, with hysteresis) picks the reference face, and the incident face is
/// clipped to it. One instance holds the scratch polygon so that a step allocates nothing.
/// </summary>
public sealed class EdgePolygonCollider
{
    private readonly Vec2[] _vertices = new Vec2[Settings.MaxPolygonVertices];
    private readonly Vec2[] _normals = new Vec2[Settings.MaxPolygonVertices];
    private int _count;
    private Vec2 _v1, _v2, _normal, _normal1, _lowerLimit, _upperLimit;
    private float _radius;
    private bool _front;

    private enum AxisType { Unknown, EdgeA, EdgeB }

    private struct Axis
    {
        public AxisType Type;
        public int Index;
        public float Separation;
    }

    /// <summary>Fills <paramref name="manifold"/> for edge A (transform xfA) against polygon B (transform xfB).</summary>
    public void Collide(Manifold manifold, in EdgeShape edgeA, in Transform xfA, PolygonShape polygonB, in Transform xfB)
    {
        Transform xf = Transform.MulT(xfA, xfB);
        Vec2 centroidB = Transform.Mul(xf, polygonB.Centroid);
        _v1 = edgeA.V1;
        _v2 = edgeA.V2;
        Vec2 edge1 = _v2 - _v1;
        edge1.Normalize();
        _normal1 = new Vec2(edge1.Y, -edge1.X);
        float offset1 = Vec2.Dot(_normal1, centroidB - _v1);

        // No ghost vertices: the last branch of the C++ classification.
        _front = offset1 >= 0f;
        if (_front)
        {
            _normal = _normal1;
            _lowerLimit = -_normal1;
            _upperLimit = -_normal1;
        }
        else
        {
            _normal = -_normal1;
            _lowerLimit = _normal1;
            _upperLimit = _normal1;
        }

        _count = polygonB.Count;
        for (int i = 0; i < _count; ++i)
        {
            _vertices[i] = Transform.Mul(xf, polygonB.Vertices[i]);
            _normals[i] = Rot.Mul(xf.Q, polygonB.Normals[i]);
        }
        _radius = 2f * Settings.PolygonRadius;
        manifold.PointCount = 0;

        Axis edgeAxis = ComputeEdgeSeparation();
        if (edgeAxis.Type == AxisType.Unknown) return;
        if (edgeAxis.Separation > _radius) return;
        Axis polygonAxis = ComputePolygonSeparation();
        if (polygonAxis.Type != AxisType.Unknown && polygonAxis.Separation > _radius) return;

        // Hysteresis for jitter reduction.
        const float kRelativeTol = 0.98f;
        const float kAbsoluteTol = 0.001f;
        Axis primaryAxis;
        if (polygonAxis.Type == AxisType.Unknown) primaryAxis = edgeAxis;
        else if (polygonAxis.Separation > kRelativeTol * edgeAxis.Separation + kAbsoluteTol) primaryAxis = polygonAxis;
        else primaryAxis = edgeAxis;

        ClipVertex ie0, ie1;
        int rfI1, rfI2;
        Vec2 rfV1, rfV2, rfNormal;
        if (primaryAxis.Type == AxisType.EdgeA)
        {
            manifold.Type = ManifoldType.FaceA;
            // The polygon normal most anti-parallel to the edge normal.
            int bestIndex = 0;
            float bestValue = Vec2.Dot(_normal, _normals[0]);
            for (int i = 1; i < _count; ++i)
            {
                float value = Vec2.Dot(_normal, _normals[i]);
                if (value < bestValue) { bestValue = value; bestIndex = i; }
            }
            int i1 = bestIndex;
            int i2 = i1 + 1 < _count ? i1 + 1 : 0;
            ie0 = new ClipVertex { V = _vertices[i1], Id = ManifoldPoint.Key(0, i1, ManifoldPoint.Face, ManifoldPoint.Vertex) };
            ie1 = new ClipVertex { V = _vertices[i2], Id = ManifoldPoint.Key(0, i2, ManifoldPoint.Face, ManifoldPoint.Vertex) };
            if (_front)
            {
                rfI1 = 0; rfI2 = 1; rfV1 = _v1; rfV2 = _v2; rfNormal = _normal1;
            }
            else
            {
                rfI1 = 1; rfI2 = 0; rfV1 = _v2; rfV2 = _v1; rfNormal = -_normal1;
            }
        }
        else
        {
            manifold.Type = ManifoldType.FaceB;
            ie0 = new ClipVertex { V = _v1, Id = ManifoldPoint.Key(0, primaryAxis.Index, ManifoldPoint.Vertex, ManifoldPoint.Face) };
            ie1 = new ClipVertex { V = _v2, Id = ManifoldPoint.Key(0, primaryAxis.Index, ManifoldPoint.Vertex, ManifoldPoint.Face) };
            rfI1 = primaryAxis.Index;
            rfI2 = rfI1 + 1 < _count ? rfI1 + 1 : 0;
            rfV1 = _vertices[rfI1];
            rfV2 = _vertices[rfI2];
            rfNormal = _normals[rfI1];
        }

        var sideNormal1 = new Vec2(rfNormal.Y, -rfNormal.X);
        Vec2 sideNormal2 = -sideNormal1;
        float sideOffset1 = Vec2.Dot(sideNormal1, rfV1);
        float sideOffset2 = Vec2.Dot(sideNormal2, rfV2);

        int np = ClipVertex.ClipSegmentToLine(out var clip1a, out var clip1b, ie0, ie1, sideNormal1, sideOffset1, rfI1);
        if (np < Settings.MaxManifoldPoints) return;
        np = ClipVertex.ClipSegmentToLine(out var clip2a, out var clip2b, clip1a, clip1b, sideNormal2, sideOffset2, rfI2);
        if (np < Settings.MaxManifoldPoints) return;

        if (primaryAxis.Type == AxisType.EdgeA)
        {
            manifold.LocalNormal = rfNormal;
            manifold.LocalPoint = rfV1;
        }
        else
        {
            manifold.LocalNormal = polygonB.Normals[rfI1];
            manifold.LocalPoint = polygonB.Vertices[rfI1];
        }

        int pointCount = 0;
        for (int i = 0; i < Settings.MaxManifoldPoints; ++i)
        {
            ClipVertex cv = i == 0 ? clip2a : clip2b;
            float separation = Vec2.Dot(rfNormal, cv.V - rfV1);
            if (separation <= _radius)
            {
                ref ManifoldPoint cp = ref manifold.Points[pointCount];
                if (primaryAxis.Type == AxisType.EdgeA)
                {
                    cp.LocalPoint = Transform.MulT(xf, cv.V);
                    cp.Id = cv.Id;
                }
                else
                {
                    cp.LocalPoint = cv.V;
                    // Swap the features: A's become B's.
                    uint id = cv.Id;
                    cp.Id = ManifoldPoint.Key((int)((id >> 8) & 0xFF), (int)(id & 0xFF), (int)(id >> 24), (int)((id >> 16) & 0xFF));
                }
                ++pointCount;
            }
        }
        manifold.PointCount = pointCount;
    }

    // b2EPCollider::ComputeEdgeSeparation
    private Axis ComputeEdgeSeparation()
    {
        var axis = new Axis { Type = AxisType.EdgeA, Index = _front ? 0 : 1, Separation = float.MaxValue };
        for (int i = 0; i < _count; ++i)
        {
            float s = Vec2.Dot(_normal, _vertices[i] - _v1);
            if (s < axis.Separation) axis.Separation = s;
        }
        return axis;
    }

    // b2EPCollider::ComputePolygonSeparation, with the adjacency limits.
    private Axis ComputePolygonSeparation()
    {
        var axis = new Axis { Type = AxisType.Unknown, Index = -1, Separation = -float.MaxValue };
        var perp = new Vec2(-_normal.Y, _normal.X);
        for (int i = 0; i < _count; ++i)
        {
            Vec2 n = -_normals[i];
            float s1 = Vec2.Dot(n, _vertices[i] - _v1);
            float s2 = Vec2.Dot(n, _vertices[i] - _v2);
            float s = s1 < s2 ? s1 : s2;
            if (s > _radius)
            {
                // No collision.
                axis.Type = AxisType.EdgeB;
                axis.Index = i;
                axis.Separation = s;
                return axis;
            }
            if (Vec2.Dot(n, perp) >= 0f)
            {
                if (Vec2.Dot(n - _upperLimit, _normal) < -Settings.AngularSlop) continue;
            }
            else
            {
                if (Vec2.Dot(n - _lowerLimit, _normal) < -Settings.AngularSlop) continue;
            }
            if (s > axis.Separation)
            {
                axis.Type = AxisType.EdgeB;
                axis.Index = i;
                axis.Separation = s;
            }
        }
        return axis;
    }
}
