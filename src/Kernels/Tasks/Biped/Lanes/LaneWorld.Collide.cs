using Wann.Kernels.Tasks.Biped.Physics;
using static Wann.Kernels.Tasks.Biped.Lanes.BipedLayout;

namespace Wann.Kernels.Tasks.Biped.Lanes;

// b2CollideEdgeAndPolygon (b2EPCollider without ghost vertices) for a terrain edge and a walker polygon. The
// polygon's vertices and normals in the edge's frame are recomputed where Box2D reads its temporary arrays:
// the same operations on the same inputs, so the same bits, with no per-lane array.
public partial struct LaneWorld<T, TState, TEpisode, TTrig>
{
    private Vec2 LocalVertex(int body, int i) => new(E(EB(body) + BodyVertices + 2 * i), E(EB(body) + BodyVertices + 2 * i + 1));

    private Vec2 LocalNormal(int body, int i) => new(E(EB(body) + BodyNormals + 2 * i), E(EB(body) + BodyNormals + 2 * i + 1));

    private Transform BodyTransform(int body)
    {
        int s = B(body);
        Transform xf;
        xf.P = new Vec2(S(s + Px), S(s + Py));
        xf.Q = new Rot { S = S(s + QSin), C = S(s + QCos) };
        return xf;
    }

    // A static body's transform: at the origin, angle 0 (sin 0 = 0 and cos 0 = 1 in every implementation).
    private static Transform StaticTransform() => new() { P = default, Q = new Rot { S = 0f, C = 1f } };

    private LaneManifold CollideEdgePolygon(int ee, int body)
    {
        var result = default(LaneManifold);
        Transform xf = Transform.MulT(StaticTransform(), BodyTransform(body));
        int count = (int)E(EB(body) + BodyVertexCount);
        Vec2 centroidB = Transform.Mul(xf, new Vec2(E(EB(body) + BodyCentroidX), E(EB(body) + BodyCentroidY)));
        var v1 = new Vec2(E(ee + EdgeV1x), E(ee + EdgeV1y));
        var v2 = new Vec2(E(ee + EdgeV2x), E(ee + EdgeV2y));
        Vec2 edge1 = v2 - v1;
        edge1.Normalize();
        var normal1 = new Vec2(edge1.Y, -edge1.X);
        float offset1 = Vec2.Dot(normal1, centroidB - v1);
        bool front = !(offset1 < 0f);
        Vec2 normal, lowerLimit, upperLimit;
        if (front)
        {
            normal = normal1;
            lowerLimit = -normal1;
            upperLimit = -normal1;
        }
        else
        {
            normal = -normal1;
            lowerLimit = normal1;
            upperLimit = normal1;
        }
        const float radius = 2f * Settings.PolygonRadius;

        // ComputeEdgeSeparation
        float edgeSeparation = float.MaxValue;
        int edgeIndex = front ? 0 : 1;
        for (int i = 0; i < count; i++)
        {
            float s = Vec2.Dot(normal, Transform.Mul(xf, LocalVertex(body, i)) - v1);
            if (s < edgeSeparation) edgeSeparation = s;
        }
        if (edgeSeparation > radius) return result;

        // ComputePolygonSeparation, with the adjacency limits.
        int polygonType = 0, polygonIndex = -1; // 0 unknown, 2 edge B
        float polygonSeparation = -float.MaxValue;
        var perp = new Vec2(-normal.Y, normal.X);
        for (int i = 0; i < count; i++)
        {
            Vec2 n = -Rot.Mul(xf.Q, LocalNormal(body, i));
            Vec2 vi = Transform.Mul(xf, LocalVertex(body, i));
            float s1 = Vec2.Dot(n, vi - v1);
            float s2 = Vec2.Dot(n, vi - v2);
            float s = s1 < s2 ? s1 : s2;
            if (s > radius)
            {
                polygonType = 2;
                polygonIndex = i;
                polygonSeparation = s;
                break;
            }
            if (!(Vec2.Dot(n, perp) < 0f))
            {
                if (Vec2.Dot(n - upperLimit, normal) < -Settings.AngularSlop) continue;
            }
            else
            {
                if (Vec2.Dot(n - lowerLimit, normal) < -Settings.AngularSlop) continue;
            }
            if (s > polygonSeparation)
            {
                polygonType = 2;
                polygonIndex = i;
                polygonSeparation = s;
            }
        }
        if (polygonType != 0 && polygonSeparation > radius) return result;

        // Hysteresis for jitter reduction.
        const float kRelativeTol = 0.98f;
        const float kAbsoluteTol = 0.001f;
        bool edgePrimary = polygonType == 0 || !(polygonSeparation > kRelativeTol * edgeSeparation + kAbsoluteTol);
        int primaryIndex = edgePrimary ? edgeIndex : polygonIndex;

        LaneClipVertex ie0, ie1;
        int rfI1, rfI2;
        Vec2 rfV1, rfV2, rfNormal;
        if (edgePrimary)
        {
            result.Type = 1;
            // The polygon normal most anti-parallel to the edge normal.
            int bestIndex = 0;
            float bestValue = Vec2.Dot(normal, Rot.Mul(xf.Q, LocalNormal(body, 0)));
            for (int i = 1; i < count; i++)
            {
                float value = Vec2.Dot(normal, Rot.Mul(xf.Q, LocalNormal(body, i)));
                if (value < bestValue)
                {
                    bestValue = value;
                    bestIndex = i;
                }
            }
            int i1 = bestIndex;
            int i2 = i1 + 1 < count ? i1 + 1 : 0;
            ie0 = new LaneClipVertex { V = Transform.Mul(xf, LocalVertex(body, i1)), Id = LaneManifold.Key(0, i1, 1, 0) };
            ie1 = new LaneClipVertex { V = Transform.Mul(xf, LocalVertex(body, i2)), Id = LaneManifold.Key(0, i2, 1, 0) };
            if (front)
            {
                rfI1 = 0; rfI2 = 1; rfV1 = v1; rfV2 = v2; rfNormal = normal1;
            }
            else
            {
                rfI1 = 1; rfI2 = 0; rfV1 = v2; rfV2 = v1; rfNormal = -normal1;
            }
        }
        else
        {
            result.Type = 2;
            ie0 = new LaneClipVertex { V = v1, Id = LaneManifold.Key(0, primaryIndex, 0, 1) };
            ie1 = new LaneClipVertex { V = v2, Id = LaneManifold.Key(0, primaryIndex, 0, 1) };
            rfI1 = primaryIndex;
            rfI2 = rfI1 + 1 < count ? rfI1 + 1 : 0;
            rfV1 = Transform.Mul(xf, LocalVertex(body, rfI1));
            rfV2 = Transform.Mul(xf, LocalVertex(body, rfI2));
            rfNormal = Rot.Mul(xf.Q, LocalNormal(body, rfI1));
        }

        var sideNormal1 = new Vec2(rfNormal.Y, -rfNormal.X);
        Vec2 sideNormal2 = -sideNormal1;
        float sideOffset1 = Vec2.Dot(sideNormal1, rfV1);
        float sideOffset2 = Vec2.Dot(sideNormal2, rfV2);
        int np = LaneClipVertex.ClipSegmentToLine(out var clip1a, out var clip1b, ie0, ie1, sideNormal1, sideOffset1, rfI1);
        if (np < Settings.MaxManifoldPoints) return result;
        np = LaneClipVertex.ClipSegmentToLine(out var clip2a, out var clip2b, clip1a, clip1b, sideNormal2, sideOffset2, rfI2);
        if (np < Settings.MaxManifoldPoints) return result;

        if (edgePrimary)
        {
            result.LocalNormal = rfNormal;
            result.LocalPoint = rfV1;
        }
        else
        {
            result.LocalNormal = LocalNormal(body, rfI1);
            result.LocalPoint = LocalVertex(body, rfI1);
        }

        int pointCount = 0;
        for (int i = 0; i < Settings.MaxManifoldPoints; i++)
        {
            LaneClipVertex cv = i == 0 ? clip2a : clip2b;
            float separation = Vec2.Dot(rfNormal, cv.V - rfV1);
            if (!(separation > radius))
            {
                Vec2 local = edgePrimary ? Transform.MulT(xf, cv.V) : cv.V;
                int id = edgePrimary ? cv.Id : LaneManifold.Swap(cv.Id);
                if (pointCount == 0)
                {
                    result.Point0 = local;
                    result.Id0 = id;
                }
                else
                {
                    result.Point1 = local;
                    result.Id1 = id;
                }
                pointCount++;
            }
        }
        result.PointCount = pointCount;
        return result;
    }
}
