using System.Runtime.CompilerServices;
using Wann.Engine.Lanes;
using Settings = Wann.Kernels.Tasks.Biped.Physics.Settings;

namespace Wann.Kernels.Tasks.Biped.Lanes;

// b2CollideEdgeAndPolygon (b2EPCollider without ghost vertices) for each lane's terrain edge and walker polygon.
// As in Box2D, the polygon is first brought into the edge's frame (b2TempPolygon); a lane's loops run over its own
// vertex count, the others masked. The phases are separate methods so that RyuJIT inlines all their lane operations.
public partial struct LaneWorld<T, TState, TEpisode, TTrig>
{
    [MethodImpl(MethodImplOptions.NoInlining)]
    private readonly LaneManifold<T> CollideEdgePolygon(T edge, T body)
    {
        var terrain = EdgeAt(edge);
        var collider = new EdgePolygonCollider<T>();
        collider.Initialize(Transform<T>.MulT(Transform<T>.Identity, BodyAt(body, T.True).Transform), ModelAt(body), terrain.V1, terrain.V2);
        return collider.Collide(ModelAt(body));
    }
}

/// <summary>
/// b2EPCollider for one terrain edge (at the origin, without ghost vertices) and one walker polygon per lane:
/// the polygon in the edge's frame, the edge's normal and side, and the separating axes.
/// </summary>
public struct EdgePolygonCollider<T> where T : struct, ILane<T>
{
    private Transform<T> _xf;
    private LaneProxy<T> _vertices, _normals;
    private Vec2<T> _v1, _v2, _normal1, _normal, _limit;
    private T _front, _count, _radius;

    /// <summary>b2EPCollider::Collide's set-up: the polygon in the edge's frame and which side of the edge it is on.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public void Initialize<TEpisode>(in Transform<T> xf, BodyModel<T, TEpisode> model, Vec2<T> v1, Vec2<T> v2) where TEpisode : struct, IEpisodeView<T>
    {
        _xf = xf;
        _count = model.VertexCount;
        _vertices = new LaneProxy<T>
        {
            V0 = Transform<T>.Mul(xf, model.Vertex(0)), V1 = Transform<T>.Mul(xf, model.Vertex(1)), V2 = Transform<T>.Mul(xf, model.Vertex(2)),
            V3 = Transform<T>.Mul(xf, model.Vertex(3)), V4 = Transform<T>.Mul(xf, model.Vertex(4)), Count = _count,
        };
        _normals = new LaneProxy<T>
        {
            V0 = Rot<T>.Mul(xf.Q, model.Normal(0)), V1 = Rot<T>.Mul(xf.Q, model.Normal(1)), V2 = Rot<T>.Mul(xf.Q, model.Normal(2)),
            V3 = Rot<T>.Mul(xf.Q, model.Normal(3)), V4 = Rot<T>.Mul(xf.Q, model.Normal(4)), Count = _count,
        };
        Vec2<T> centroidB = Transform<T>.Mul(xf, model.Centroid);
        _v1 = v1;
        _v2 = v2;
        Vec2<T> edge1 = v2 - v1;
        edge1.Normalize();
        _normal1 = new Vec2<T>(edge1.Y, -edge1.X);
        T offset1 = Vec2<T>.Dot(_normal1, centroidB - v1);
        _front = T.Not(T.Less(offset1, T.From(0f)));
        _normal = Vec2<T>.Select(_front, _normal1, -_normal1);
        // Without ghost vertices both adjacency limits are the edge's back normal.
        _limit = Vec2<T>.Select(_front, -_normal1, _normal1);
        _radius = T.From(2f * Settings.PolygonRadius);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private readonly Vec2<T> Vertex(int i) => i switch { 0 => _vertices.V0, 1 => _vertices.V1, 2 => _vertices.V2, 3 => _vertices.V3, _ => _vertices.V4 };

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private readonly Vec2<T> Normal(int i) => i switch { 0 => _normals.V0, 1 => _normals.V1, 2 => _normals.V2, 3 => _normals.V3, _ => _normals.V4 };

    /// <summary>The manifold; <paramref name="model"/> gives the polygon's own (local) normal and vertex for a polygon-primary manifold.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public readonly LaneManifold<T> Collide<TEpisode>(BodyModel<T, TEpisode> model) where TEpisode : struct, IEpisodeView<T>
    {
        T zero = T.From(0f);
        T edgeSeparation = ComputeEdgeSeparation();
        T live = T.Not(T.Greater(edgeSeparation, _radius));
        // Most contacts are fat AABBs that overlap with the shapes apart: Box2D returns an empty manifold here.
        if (!T.Any(live)) return default;
        ComputePolygonSeparation(live, out T polygonFound, out T polygonIndex, out T polygonSeparation);
        live = T.AndNot(live, T.And(polygonFound, T.Greater(polygonSeparation, _radius)));
        if (!T.Any(live)) return default;

        // Hysteresis for jitter reduction.
        T edgePrimary = T.Or(T.Not(polygonFound), T.Not(T.Greater(polygonSeparation, T.From(0.98f) * edgeSeparation + T.From(0.001f))));
        T polygon = T.Select(polygonFound, polygonIndex, zero);   // a valid index in every lane

        ReferenceFace(T.And(live, edgePrimary), T.AndNot(live, edgePrimary), edgePrimary, polygon, out LaneClipVertex<T> ie0, out LaneClipVertex<T> ie1,
            out T rfI1, out T rfI2, out Vec2<T> rfV1, out Vec2<T> rfV2, out Vec2<T> rfNormal);
        T clipped = Clip(live, ie0, ie1, rfI1, rfI2, rfV1, rfV2, rfNormal, out LaneClipVertex<T> clip2a, out LaneClipVertex<T> clip2b);

        var result = default(LaneManifold<T>);
        // Box2D sets the type before clipping, so a lane whose clip fails keeps it (with no points).
        result.Type = T.Select(live, T.Select(edgePrimary, T.From(1f), T.From(2f)), zero);
        Vec2<T> none = Vec2<T>.From(0f, 0f);
        result.LocalNormal = Vec2<T>.Select(clipped, Vec2<T>.Select(edgePrimary, rfNormal, model.NormalAt(rfI1)), none);
        result.LocalPoint = Vec2<T>.Select(clipped, Vec2<T>.Select(edgePrimary, rfV1, model.VertexAt(rfI1)), none);
        AddPoints(ref result, clipped, edgePrimary, clip2a, clip2b, rfV1, rfNormal);
        return result;
    }
    [MethodImpl(MethodImplOptions.NoInlining)]
    private readonly T ComputeEdgeSeparation()
    {
        T edgeSeparation = T.From(float.MaxValue);
        for (int i = 0; i < BipedLayout.MaxVertices; i++)
        {
            T s = Vec2<T>.Dot(_normal, Vertex(i) - _v1);
            edgeSeparation = T.Select(T.And(T.Less(T.From(i), _count), T.Less(s, edgeSeparation)), s, edgeSeparation);
        }
        return edgeSeparation;
    }

    // ComputePolygonSeparation with the adjacency limits; a lane stops at the first separating normal.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private readonly void ComputePolygonSeparation(T live, out T found, out T index, out T separation)
    {
        found = T.False;
        index = T.From(-1f);
        separation = T.From(-float.MaxValue);
        T searching = live;
        for (int i = 0; i < BipedLayout.MaxVertices; i++)
        {
            T valid = T.And(searching, T.Less(T.From(i), _count));
            Vec2<T> n = -Normal(i);
            Vec2<T> vi = Vertex(i);
            T s1 = Vec2<T>.Dot(n, vi - _v1);
            T s2 = Vec2<T>.Dot(n, vi - _v2);
            T s = T.Select(T.Less(s1, s2), s1, s2);
            T separating = T.And(valid, T.Greater(s, _radius));
            T outside = T.Less(Vec2<T>.Dot(n - _limit, _normal), T.From(-Settings.AngularSlop));
            T better = T.Or(separating, T.AndNot(T.And(valid, T.Greater(s, separation)), outside));
            found = T.Or(found, better);
            index = T.Select(better, T.From(i), index);
            separation = T.Select(better, s, separation);
            searching = T.AndNot(searching, separating);
        }
    }

    // The incident edge and the reference face: the edge's own face (edge primary) or the polygon's (polygon primary).
    [MethodImpl(MethodImplOptions.NoInlining)]
    private readonly void ReferenceFace(T edgeLanes, T polygonLanes, T edgePrimary, T polygon, out LaneClipVertex<T> ie0, out LaneClipVertex<T> ie1,
        out T rfI1, out T rfI2, out Vec2<T> rfV1, out Vec2<T> rfV2, out Vec2<T> rfNormal)
    {
        T zero = T.From(0f), one = T.From(1f);
        // Each kind only where some live lane needs it; the other lanes' values are never kept.
        LaneClipVertex<T> edgeIe0 = default, edgeIe1 = default;
        if (T.Any(edgeLanes))
        {
            // Edge primary: the incident polygon edge is the one most anti-parallel to the edge normal.
            T bestIndex = zero;
            T bestValue = Vec2<T>.Dot(_normal, _normals.V0);
            for (int i = 1; i < BipedLayout.MaxVertices; i++)
            {
                T value = Vec2<T>.Dot(_normal, Normal(i));
                T lower = T.And(T.Less(T.From(i), _count), T.Less(value, bestValue));
                bestValue = T.Select(lower, value, bestValue);
                bestIndex = T.Select(lower, T.From(i), bestIndex);
            }
            T i1 = bestIndex;
            T i2 = T.Select(T.Less(i1 + one, _count), i1 + one, zero);
            edgeIe0 = new LaneClipVertex<T> { V = _vertices.GetVertex(i1), Id = LaneManifold<T>.Key(zero, i1, 1f, 0f) };
            edgeIe1 = new LaneClipVertex<T> { V = _vertices.GetVertex(i2), Id = LaneManifold<T>.Key(zero, i2, 1f, 0f) };
        }

        // Polygon primary: the edge is the incident one.
        T polygonNext = T.Select(T.Less(polygon + one, _count), polygon + one, zero);
        T polygonId = LaneManifold<T>.Key(zero, polygon, 0f, 1f);
        Vec2<T> polygonV1 = default, polygonV2 = default, polygonNormal = default;
        if (T.Any(polygonLanes))
        {
            polygonV1 = _vertices.GetVertex(polygon);
            polygonV2 = _vertices.GetVertex(polygonNext);
            polygonNormal = _normals.GetVertex(polygon);
        }

        ie0 = LaneClipVertex<T>.Select(edgePrimary, edgeIe0, new LaneClipVertex<T> { V = _v1, Id = polygonId });
        ie1 = LaneClipVertex<T>.Select(edgePrimary, edgeIe1, new LaneClipVertex<T> { V = _v2, Id = polygonId });
        rfI1 = T.Select(edgePrimary, T.Select(_front, zero, one), polygon);
        rfI2 = T.Select(edgePrimary, T.Select(_front, one, zero), polygonNext);
        rfV1 = Vec2<T>.Select(edgePrimary, Vec2<T>.Select(_front, _v1, _v2), polygonV1);
        rfV2 = Vec2<T>.Select(edgePrimary, Vec2<T>.Select(_front, _v2, _v1), polygonV2);
        rfNormal = Vec2<T>.Select(edgePrimary, Vec2<T>.Select(_front, _normal1, -_normal1), polygonNormal);
    }

    // Clips the incident edge to the reference face's side planes; returns the lanes still holding two points.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static T Clip(T live, in LaneClipVertex<T> ie0, in LaneClipVertex<T> ie1, T rfI1, T rfI2, Vec2<T> rfV1, Vec2<T> rfV2, Vec2<T> rfNormal,
        out LaneClipVertex<T> clip2a, out LaneClipVertex<T> clip2b)
    {
        var sideNormal1 = new Vec2<T>(rfNormal.Y, -rfNormal.X);
        Vec2<T> sideNormal2 = -sideNormal1;
        T sideOffset1 = Vec2<T>.Dot(sideNormal1, rfV1);
        T sideOffset2 = Vec2<T>.Dot(sideNormal2, rfV2);
        T points = T.From(Settings.MaxManifoldPoints);
        T np = LaneClipVertex<T>.ClipSegmentToLine(out var clip1a, out var clip1b, ie0, ie1, sideNormal1, sideOffset1, rfI1);
        T clipped = T.AndNot(live, T.Less(np, points));
        np = LaneClipVertex<T>.ClipSegmentToLine(out clip2a, out clip2b, clip1a, clip1b, sideNormal2, sideOffset2, rfI2);
        return T.AndNot(clipped, T.Less(np, points));
    }

    // The clip points behind the reference face become the manifold's points, in the frame Box2D keeps them.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private readonly void AddPoints(ref LaneManifold<T> result, T clipped, T edgePrimary, in LaneClipVertex<T> clip2a, in LaneClipVertex<T> clip2b, Vec2<T> rfV1, Vec2<T> rfNormal)
    {
        T zero = T.From(0f);
        T pointCount = zero;
        for (int i = 0; i < Settings.MaxManifoldPoints; i++)
        {
            LaneClipVertex<T> cv = i == 0 ? clip2a : clip2b;
            T separation = Vec2<T>.Dot(rfNormal, cv.V - rfV1);
            T keep = T.AndNot(clipped, T.Greater(separation, _radius));
            Vec2<T> local = Vec2<T>.Select(edgePrimary, Transform<T>.MulT(_xf, cv.V), cv.V);
            T id = T.Select(edgePrimary, cv.Id, LaneManifold<T>.Swap(cv.Id));
            T first = T.And(keep, T.Equal(pointCount, zero));
            T second = T.AndNot(keep, T.Equal(pointCount, zero));
            result.Point0 = Vec2<T>.Select(first, local, result.Point0);
            result.Id0 = T.Select(first, id, result.Id0);
            result.Point1 = Vec2<T>.Select(second, local, result.Point1);
            result.Id1 = T.Select(second, id, result.Id1);
            pointCount = T.Select(keep, pointCount + T.From(1f), pointCount);
        }
        result.PointCount = pointCount;
    }
}
