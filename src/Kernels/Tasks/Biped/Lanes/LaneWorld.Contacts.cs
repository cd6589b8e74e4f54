using Wann.Kernels.Tasks.Biped.Physics;
using static Wann.Kernels.Tasks.Biped.Lanes.BipedLayout;

namespace Wann.Kernels.Tasks.Biped.Lanes;

// The contact manager and broad phase (b2ContactManager, b2BroadPhase::UpdatePairs) over the slots. Only
// edge-versus-body pairs make contacts (the walker's bodies never collide with each other), so Box2D's sorted
// (lower proxy id, higher proxy id) pair order is edge-major, then body, which the scan below yields directly.
public partial struct LaneWorld<T, TState, TEpisode, TTrig>
{
    /// <summary>
    /// <c>FindNewContacts</c>: every edge whose fat AABB overlaps a moved body's (all bodies and edges on the
    /// first call, when every proxy is in the move buffer), in Box2D's pair order; clears the move buffer.
    /// </summary>
    private void FindNewContacts(bool allMoved)
    {
        float lowerX = float.MaxValue, upperX = -float.MaxValue;
        bool any = false;
        for (int b = 0; b < BodyCount; b++)
        {
            if (!allMoved && S(B(b) + Moved) == 0f) continue;
            any = true;
            float lo = S(B(b) + FatLowerX), hi = S(B(b) + FatUpperX);
            if (lo < lowerX) lowerX = lo;
            if (hi > upperX) upperX = hi;
        }
        if (!any) return;
        int edges = (int)E(EdgeCount);
        int start = allMoved ? 0 : FirstEdgeReaching(lowerX, edges);
        for (int e = start; e < edges; e++)
        {
            int ee = EE(e);
            if (!allMoved && E(ee + EdgeLowerX) > upperX) break;
            for (int b = 0; b < BodyCount; b++)
            {
                if (!allMoved && S(B(b) + Moved) == 0f) continue;
                if (FatOverlap(b, ee)) AddPair(e, b);
            }
        }
        for (int b = 0; b < BodyCount; b++) Set(B(b) + Moved, 0f);
    }

    // The first edge whose running maximum of fat upper x reaches x (edges are sorted by fat lower x).
    private int FirstEdgeReaching(float x, int edges)
    {
        int lo = 0, hi = edges;
        while (lo < hi)
        {
            int mid = (lo + hi) >> 1;
            if (E(EE(mid) + EdgeMaxUpperX) < x) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    // b2TestOverlap of a body's and an edge's fat AABBs.
    private bool FatOverlap(int body, int ee)
    {
        int s = B(body);
        float d1x = E(ee + EdgeLowerX) - S(s + FatUpperX), d1y = E(ee + EdgeLowerY) - S(s + FatUpperY);
        float d2x = S(s + FatLowerX) - E(ee + EdgeUpperX), d2y = S(s + FatLowerY) - E(ee + EdgeUpperY);
        if (d1x > 0f || d1y > 0f) return false;
        if (d2x > 0f || d2y > 0f) return false;
        return true;
    }

    /// <summary><c>b2ContactManager::AddPair</c> for edge <paramref name="edge"/> (fixture A) and body <paramref name="body"/> (B).</summary>
    private void AddPair(int edge, int body)
    {
        for (int k = SI(B(body) + BodyContacts); k != -1; k = SI(C(k) + NextB))
            if (SI(C(k) + ContactEdge) == edge) return;
        int c = -1;
        for (int k = 0; k < ContactCapacity; k++)
        {
            if (S(C(k) + InUse) == 0f)
            {
                c = k;
                break;
            }
        }
        if (c < 0)
        {
            Set(Overflows, S(Overflows) + 1f);
            return;
        }
        int s = C(c);
        Set(s + InUse, 1f);
        SetI(s + ContactEdge, edge);
        SetI(s + ContactBody, body);
        Set(s + Enabled, 1f);
        Set(s + Touching, 0f);
        Set(s + ContactIsland, 0f);
        Set(s + ToiFlag, 0f);
        Set(s + PointCount, 0f);
        Set(s + ToiCount, 0f);
        Set(s + Toi, 0f);
        // World list (prepend).
        int head = SI(ContactHead);
        SetI(s + Prev, -1);
        SetI(s + Next, head);
        if (head != -1) SetI(C(head) + Prev, c);
        SetI(ContactHead, c);
        // Body B's list (prepend); edges keep none, nothing walks them.
        int first = SI(B(body) + BodyContacts);
        SetI(s + PrevB, -1);
        SetI(s + NextB, first);
        if (first != -1) SetI(C(first) + PrevB, c);
        SetI(B(body) + BodyContacts, c);
        Set(ContactCount, S(ContactCount) + 1f);
    }

    /// <summary><c>b2ContactManager::Destroy</c>.</summary>
    private void Destroy(int c)
    {
        int s = C(c);
        if (S(s + Touching) > 0f) EndContact(SI(s + ContactBody));
        int prev = SI(s + Prev), next = SI(s + Next);
        if (prev != -1) SetI(C(prev) + Next, next);
        if (next != -1) SetI(C(next) + Prev, prev);
        if (c == SI(ContactHead)) SetI(ContactHead, next);
        int body = SI(s + ContactBody);
        int prevB = SI(s + PrevB), nextB = SI(s + NextB);
        if (prevB != -1) SetI(C(prevB) + NextB, nextB);
        if (nextB != -1) SetI(C(nextB) + PrevB, prevB);
        if (c == SI(B(body) + BodyContacts)) SetI(B(body) + BodyContacts, nextB);
        Set(s + InUse, 0f);
        Set(ContactCount, S(ContactCount) - 1f);
    }

    /// <summary><c>b2ContactManager::Collide</c>: drop contacts whose fat AABBs parted, update the others.</summary>
    private void Collide()
    {
        int c = SI(ContactHead);
        while (c != -1)
        {
            int next = SI(C(c) + Next);
            if (!FatOverlap(SI(C(c) + ContactBody), EE(SI(C(c) + ContactEdge)))) Destroy(c);
            else UpdateContact(c);
            c = next;
        }
    }

    /// <summary><c>b2Contact::Update</c>: new manifold, impulses carried over by feature id, begin/end events.</summary>
    private void UpdateContact(int c)
    {
        int s = C(c);
        int oldCount = SI(s + PointCount);
        float oldId0 = S(s + Points + PointId), oldId1 = S(s + Points + PointStride + PointId);
        float oldN0 = S(s + Points + NormalImpulse), oldT0 = S(s + Points + TangentImpulse);
        float oldN1 = S(s + Points + PointStride + NormalImpulse), oldT1 = S(s + Points + PointStride + TangentImpulse);
        Set(s + Enabled, 1f);
        bool wasTouching = S(s + Touching) > 0f;

        int edge = SI(s + ContactEdge), body = SI(s + ContactBody);
        var m = CollideEdgePolygon(EE(edge), body);
        Set(s + ManifoldKind, m.Type);
        SetI(s + PointCount, m.PointCount);
        Set(s + LocalNormalX, m.LocalNormal.X);
        Set(s + LocalNormalY, m.LocalNormal.Y);
        Set(s + LocalPointX, m.LocalPoint.X);
        Set(s + LocalPointY, m.LocalPoint.Y);
        for (int i = 0; i < m.PointCount; i++)
        {
            int p = s + Points + i * PointStride;
            float id = i == 0 ? m.Id0 : m.Id1;
            Vec2 local = i == 0 ? m.Point0 : m.Point1;
            Set(p + PointX, local.X);
            Set(p + PointY, local.Y);
            Set(p + PointId, id);
            float normal = 0f, tangent = 0f;
            if (oldCount > 0 && oldId0 == id)
            {
                normal = oldN0;
                tangent = oldT0;
            }
            else if (oldCount > 1 && oldId1 == id)
            {
                normal = oldN1;
                tangent = oldT1;
            }
            Set(p + NormalImpulse, normal);
            Set(p + TangentImpulse, tangent);
        }
        bool touching = m.PointCount > 0;
        Set(s + Touching, touching ? 1f : 0f);
        if (!wasTouching && touching) BeginContact(body);
        if (wasTouching && !touching) EndContact(body);
    }

    // The env's contact detector: the hull touching the ground ends the game; lower legs report ground contact.
    private void BeginContact(int body)
    {
        if (body == 0) Set(GameOver, 1f);
        if (body == 2) Set(GroundContact1, 1f);
        if (body == 4) Set(GroundContact3, 1f);
    }

    private void EndContact(int body)
    {
        if (body == 2) Set(GroundContact1, 0f);
        if (body == 4) Set(GroundContact3, 0f);
    }
}
