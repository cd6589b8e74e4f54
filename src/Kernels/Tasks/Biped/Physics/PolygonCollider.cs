namespace Wann.Kernels.Tasks.Biped.Physics;

/// <summary>
/// Box2D's <c>b2CollidePolygons</c> (Collision/b2CollidePolygon.cpp of the pybox2d 2.3.10 snapshot, whose
/// reference-edge search climbs from the edge facing the other centroid): separating axis test on both
/// polygons, reference face with hysteresis, incident edge clipped to the reference face's sides.
/// Used by the hardcore terrain's static polygons; the normal terrain has edges only.
/// </summary>
public static class PolygonCollider
{
    /// <summary>Fills <paramref name="manifold"/> for polygon A (transform xfA) against polygon B (transform xfB).</summary>
    public static void Collide(Manifold manifold, PolygonShape polyA, in Transform xfA, PolygonShape polyB, in Transform xfB)
    {
        manifold.PointCount = 0;
        float totalRadius = polyA.Radius + polyB.Radius;
        float separationA = FindMaxSeparation(out int edgeA, polyA, xfA, polyB, xfB);
        if (separationA > totalRadius) return;
        float separationB = FindMaxSeparation(out int edgeB, polyB, xfB, polyA, xfA);
        if (separationB > totalRadius) return;

        PolygonShape poly1, poly2; // reference and incident polygon
        Transform xf1, xf2;
        int edge1;
        bool flip;
        const float kRelativeTol = 0.98f;
        const float kAbsoluteTol = 0.001f;
        if (separationB > kRelativeTol * separationA + kAbsoluteTol)
        {
            poly1 = polyB; poly2 = polyA; xf1 = xfB; xf2 = xfA; edge1 = edgeB;
            manifold.Type = ManifoldType.FaceB;
            flip = true;
        }
        else
        {
            poly1 = polyA; poly2 = polyB; xf1 = xfA; xf2 = xfB; edge1 = edgeA;
            manifold.Type = ManifoldType.FaceA;
            flip = false;
        }

        FindIncidentEdge(out ClipVertex incident0, out ClipVertex incident1, poly1, xf1, edge1, poly2, xf2);

        int count1 = poly1.Count;
        int iv1 = edge1;
        int iv2 = edge1 + 1 < count1 ? edge1 + 1 : 0;
        Vec2 v11 = poly1.Vertices[iv1];
        Vec2 v12 = poly1.Vertices[iv2];
        Vec2 localTangent = v12 - v11;
        localTangent.Normalize();
        Vec2 localNormal = Vec2.Cross(localTangent, 1f);
        Vec2 planePoint = 0.5f * (v11 + v12);
        Vec2 tangent = Rot.Mul(xf1.Q, localTangent);
        Vec2 normal = Vec2.Cross(tangent, 1f);
        v11 = Transform.Mul(xf1, v11);
        v12 = Transform.Mul(xf1, v12);
        float frontOffset = Vec2.Dot(normal, v11);
        float sideOffset1 = -Vec2.Dot(tangent, v11) + totalRadius;
        float sideOffset2 = Vec2.Dot(tangent, v12) + totalRadius;

        int np = ClipVertex.ClipSegmentToLine(out var clip1a, out var clip1b, incident0, incident1, -tangent, sideOffset1, iv1);
        if (np < 2) return;
        np = ClipVertex.ClipSegmentToLine(out var clip2a, out var clip2b, clip1a, clip1b, tangent, sideOffset2, iv2);
        if (np < 2) return;

        manifold.LocalNormal = localNormal;
        manifold.LocalPoint = planePoint;
        int pointCount = 0;
        for (int i = 0; i < Settings.MaxManifoldPoints; ++i)
        {
            ClipVertex cv = i == 0 ? clip2a : clip2b;
            float separation = Vec2.Dot(normal, cv.V) - frontOffset;
            if (separation <= totalRadius)
            {
                ref ManifoldPoint cp = ref manifold.Points[pointCount];
                cp.LocalPoint = Transform.MulT(xf2, cv.V);
                uint id = cv.Id;
                // Swap features so that A's stay A's.
                cp.Id = flip
                    ? ManifoldPoint.Key((int)((id >> 8) & 0xFF), (int)(id & 0xFF), (int)(id >> 24), (int)((id >> 16) & 0xFF))
                    : id;
                ++pointCount;
            }
        }
        manifold.PointCount = pointCount;
    }

    // b2EdgeSeparation: separation of poly2 from edge1 of poly1 (deepest vertex of poly2 along that normal).
    private static float EdgeSeparation(PolygonShape poly1, in Transform xf1, int edge1, PolygonShape poly2, in Transform xf2)
    {
        Vec2 normal1World = Rot.Mul(xf1.Q, poly1.Normals[edge1]);
        Vec2 normal1 = Rot.MulT(xf2.Q, normal1World);
        int index = 0;
        float minDot = Settings.MaxFloat;
        for (int i = 0; i < poly2.Count; ++i)
        {
            float dot = Vec2.Dot(poly2.Vertices[i], normal1);
            if (dot < minDot) { minDot = dot; index = i; }
        }
        Vec2 v1 = Transform.Mul(xf1, poly1.Vertices[edge1]);
        Vec2 v2 = Transform.Mul(xf2, poly2.Vertices[index]);
        return Vec2.Dot(v2 - v1, normal1World);
    }

    // b2FindMaxSeparation: start at the edge facing poly2's centroid and climb to the neighbour with the
    // largest separation.
    private static float FindMaxSeparation(out int edgeIndex, PolygonShape poly1, in Transform xf1, PolygonShape poly2, in Transform xf2)
    {
        int count1 = poly1.Count;
        Vec2 d = Transform.Mul(xf2, poly2.Centroid) - Transform.Mul(xf1, poly1.Centroid);
        Vec2 dLocal1 = Rot.MulT(xf1.Q, d);
        int edge = 0;
        float maxDot = -Settings.MaxFloat;
        for (int i = 0; i < count1; ++i)
        {
            float dot = Vec2.Dot(poly1.Normals[i], dLocal1);
            if (dot > maxDot) { maxDot = dot; edge = i; }
        }
        float s = EdgeSeparation(poly1, xf1, edge, poly2, xf2);
        int prevEdge = edge - 1 >= 0 ? edge - 1 : count1 - 1;
        float sPrev = EdgeSeparation(poly1, xf1, prevEdge, poly2, xf2);
        int nextEdge = edge + 1 < count1 ? edge + 1 : 0;
        float sNext = EdgeSeparation(poly1, xf1, nextEdge, poly2, xf2);

        int bestEdge, increment;
        float bestSeparation;
        if (sPrev > s && sPrev > sNext)
        {
            increment = -1; bestEdge = prevEdge; bestSeparation = sPrev;
        }
        else if (sNext > s)
        {
            increment = 1; bestEdge = nextEdge; bestSeparation = sNext;
        }
        else
        {
            edgeIndex = edge;
            return s;
        }
        for (;;)
        {
            edge = increment == -1
                ? (bestEdge - 1 >= 0 ? bestEdge - 1 : count1 - 1)
                : (bestEdge + 1 < count1 ? bestEdge + 1 : 0);
            s = EdgeSeparation(poly1, xf1, edge, poly2, xf2);
            if (s > bestSeparation) { bestEdge = edge; bestSeparation = s; }
            else break;
        }
        edgeIndex = bestEdge;
        return bestSeparation;
    }

    // b2FindIncidentEdge: the edge of poly2 most anti-parallel to poly1's reference normal.
    private static void FindIncidentEdge(out ClipVertex c0, out ClipVertex c1, PolygonShape poly1, in Transform xf1, int edge1,
        PolygonShape poly2, in Transform xf2)
    {
        Vec2 normal1 = Rot.MulT(xf2.Q, Rot.Mul(xf1.Q, poly1.Normals[edge1]));
        int index = 0;
        float minDot = Settings.MaxFloat;
        for (int i = 0; i < poly2.Count; ++i)
        {
            float dot = Vec2.Dot(normal1, poly2.Normals[i]);
            if (dot < minDot) { minDot = dot; index = i; }
        }
        int i1 = index;
        int i2 = i1 + 1 < poly2.Count ? i1 + 1 : 0;
        c0 = new ClipVertex { V = Transform.Mul(xf2, poly2.Vertices[i1]), Id = ManifoldPoint.Key(edge1, i1, ManifoldPoint.Face, ManifoldPoint.Vertex) };
        c1 = new ClipVertex { V = Transform.Mul(xf2, poly2.Vertices[i2]), Id = ManifoldPoint.Key(edge1, i2, ManifoldPoint.Face, ManifoldPoint.Vertex) };
    }
}
