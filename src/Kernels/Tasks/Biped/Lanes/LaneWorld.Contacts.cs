using System.Runtime.CompilerServices;
using static Wann.Kernels.Tasks.Biped.Lanes.BipedLayout;

namespace Wann.Kernels.Tasks.Biped.Lanes;

// The contact manager and broad phase (b2ContactManager, b2BroadPhase::UpdatePairs) over the slots. Only
// edge-versus-body pairs make contacts (the walker's bodies never collide with each other), so Box2D's sorted
// (lower proxy id, higher proxy id) pair order is edge-major, then body, which the scan below yields directly.
// Contacts live in a pool with Box2D's linked lists; each lane walks its own lists with a cursor.
public partial struct LaneWorld<T, TState, TEpisode, TTrig>
{
    /// <summary>
    /// <c>FindNewContacts</c> in the lanes of <paramref name="mask"/>: every edge whose fat AABB overlaps a moved
    /// body's (all bodies and edges where <paramref name="allMoved"/>: the first call, when every proxy is in the
    /// move buffer), in Box2D's pair order; clears the move buffer.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void FindNewContacts(T allMoved, T mask)
    {
        T lowerX = F(float.MaxValue), upperX = F(-float.MaxValue);
        T any = T.False;
        for (int b = 0; b < BodyCount; b++)
        {
            var body = Body(b);
            T moved = T.And(mask, T.Or(allMoved, T.Not(T.Equal(body.Moved, F(0f)))));
            any = T.Or(any, moved);
            T lo = body.FatLower.X, hi = body.FatUpper.X;
            lowerX = T.Select(T.And(moved, T.Less(lo, lowerX)), lo, lowerX);
            upperX = T.Select(T.And(moved, T.Greater(hi, upperX)), hi, upperX);
        }
        if (!T.Any(any)) return;
        // Box2D's first call tests every edge against every body; only the edges whose fat AABB reaches the moved
        // bodies' x range can overlap, and they come in the same order, so both calls scan just that window.
        T edges = Episode[EdgeCount];
        T edge = FirstEdgeReaching(lowerX, edges, any);
        T scanning = T.And(any, T.Less(edge, edges));
        while (T.Any(scanning))
        {
            var model = EdgeAt(T.Select(scanning, edge, F(0f)));
            scanning = T.AndNot(scanning, T.Greater(model.FatLower.X, upperX));
            if (!T.Any(scanning)) break;
            for (int b = 0; b < BodyCount; b++)
            {
                T moved = T.Or(allMoved, T.Not(T.Equal(Body(b).Moved, F(0f))));
                T pair = T.And(T.And(scanning, moved), FatOverlap(Body(b).FatLower, Body(b).FatUpper, model));
                if (T.Any(pair)) AddPair(edge, b, pair);
            }
            edge += F(1f);
            scanning = T.And(scanning, T.Less(edge, edges));
        }
        for (int b = 0; b < BodyCount; b++)
        {
            var body = Body(b, mask);
            body.Moved = F(0f);
        }
    }

    // The first edge whose running maximum of fat upper x reaches x (edges are sorted by fat lower x), per lane.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private readonly T FirstEdgeReaching(T x, T edges, T mask)
    {
        T lo = F(0f), hi = T.Select(mask, edges, F(0f));
        T searching = T.Less(lo, hi);
        while (T.Any(searching))
        {
            T mid = T.Floor((lo + hi) * F(0.5f));
            T below = T.Less(EdgeAt(T.Select(searching, mid, F(0f))).MaxUpperX, x);
            lo = T.Select(T.And(searching, below), mid + F(1f), lo);
            hi = T.Select(T.AndNot(searching, below), mid, hi);
            searching = T.Less(lo, hi);
        }
        return lo;
    }

    // b2TestOverlap of a body's and an edge's fat AABBs.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T FatOverlap(Vec2<T> bodyLower, Vec2<T> bodyUpper, EdgeModel<T, TEpisode> edge)
    {
        Vec2<T> edgeLower = edge.FatLower, edgeUpper = edge.FatUpper;
        T d1x = edgeLower.X - bodyUpper.X, d1y = edgeLower.Y - bodyUpper.Y;
        T d2x = bodyLower.X - edgeUpper.X, d2y = bodyLower.Y - edgeUpper.Y;
        T zero = F(0f);
        return T.Not(T.Or(T.Or(T.Greater(d1x, zero), T.Greater(d1y, zero)), T.Or(T.Greater(d2x, zero), T.Greater(d2y, zero))));
    }

    /// <summary><c>b2ContactManager::AddPair</c> for each lane's edge <paramref name="edge"/> (fixture A) and body <paramref name="body"/> (B), in the lanes of <paramref name="mask"/>.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void AddPair(T edge, int body, T mask)
    {
        // Already a contact of this body?
        T cursor = Body(body).Contacts;
        T searching = T.And(mask, T.Not(T.Equal(cursor, F(-1f))));
        while (T.Any(searching))
        {
            var known = Contact(cursor, searching);
            T same = T.And(searching, T.Equal(known.Edge, edge));
            mask = T.AndNot(mask, same);
            cursor = T.Select(searching, known.NextB, cursor);
            searching = T.AndNot(T.And(searching, T.Not(T.Equal(cursor, F(-1f)))), same);
        }
        if (!T.Any(mask)) return;

        // The first free pool entry.
        T c = F(-1f);
        for (int k = 0; k < ContactCapacity; k++)
        {
            T open = T.And(T.Equal(c, F(-1f)), T.Equal(S(Contacts + k * ContactStride + InUse), F(0f)));
            c = T.Select(open, F(k), c);
            if (!T.Any(T.And(mask, T.Equal(c, F(-1f))))) break;
        }
        T full = T.And(mask, T.Equal(c, F(-1f)));
        Set(Overflows, S(Overflows) + F(1f), full);
        mask = T.AndNot(mask, full);
        if (!T.Any(mask)) return;

        var contact = Contact(c, mask);
        contact.InUse = F(1f);
        contact.Edge = edge;
        contact.Body = F(body);
        contact.Enabled = F(1f);
        contact.Touching = F(0f);
        contact.InIsland = F(0f);
        contact.ToiFlag = F(0f);
        contact.PointCount = F(0f);
        contact.ToiCount = F(0f);
        contact.Toi = F(0f);
        // World list (prepend).
        T head = S(ContactHead);
        contact.Prev = F(-1f);
        contact.Next = head;
        var second = Contact(head, T.And(mask, T.Not(T.Equal(head, F(-1f)))));
        second.Prev = c;
        Set(ContactHead, c, mask);
        // Body B's list (prepend); edges keep none, nothing walks them.
        var owner = Body(body, mask);
        T first = owner.Contacts;
        contact.PrevB = F(-1f);
        contact.NextB = first;
        var next = Contact(first, T.And(mask, T.Not(T.Equal(first, F(-1f)))));
        next.PrevB = c;
        owner.Contacts = c;
        Set(ContactCount, S(ContactCount) + F(1f), mask);
    }

    /// <summary><c>b2ContactManager::Destroy</c> of each lane's contact <paramref name="c"/>, in the lanes of <paramref name="mask"/>.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Destroy(T c, T mask)
    {
        var contact = Contact(c, mask);
        T body = contact.Body;
        EndContact(body, T.And(mask, T.Greater(contact.Touching, F(0f))));
        T prev = contact.Prev, next = contact.Next;
        var before = Contact(prev, T.And(mask, T.Not(T.Equal(prev, F(-1f)))));
        before.Next = next;
        var after = Contact(next, T.And(mask, T.Not(T.Equal(next, F(-1f)))));
        after.Prev = prev;
        Set(ContactHead, next, T.And(mask, T.Equal(c, S(ContactHead))));
        T prevB = contact.PrevB, nextB = contact.NextB;
        var beforeB = Contact(prevB, T.And(mask, T.Not(T.Equal(prevB, F(-1f)))));
        beforeB.NextB = nextB;
        var afterB = Contact(nextB, T.And(mask, T.Not(T.Equal(nextB, F(-1f)))));
        afterB.PrevB = prevB;
        var owner = BodyAt(body, mask);
        T isHead = T.And(mask, T.Equal(c, owner.Contacts));
        var ownerHead = BodyAt(body, isHead);
        ownerHead.Contacts = nextB;
        contact.InUse = F(0f);
        Set(ContactCount, S(ContactCount) - F(1f), mask);
    }

    /// <summary><c>b2ContactManager::Collide</c>: drop contacts whose fat AABBs parted, update the others.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Collide(T live)
    {
        T c = S(ContactHead);
        T walking = T.AndNot(live, T.Equal(c, F(-1f)));
        while (T.Any(walking))
        {
            var contact = Contact(c, walking);
            T next = contact.Next;
            var body = BodyAt(contact.Body, walking);
            T overlap = FatOverlap(body.FatLower, body.FatUpper, EdgeAt(contact.Edge));
            Destroy(c, T.AndNot(walking, overlap));
            UpdateContact(c, T.And(walking, overlap));
            c = T.Select(walking, next, c);
            walking = T.And(walking, T.Not(T.Equal(c, F(-1f))));
        }
    }

    /// <summary><c>b2Contact::Update</c> of each lane's contact <paramref name="c"/>: new manifold, impulses carried over by feature id, begin/end events.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void UpdateContact(T c, T mask)
    {
        if (!T.Any(mask)) return;
        var contact = Contact(c, mask);
        T oldCount = contact.PointCount;
        T oldId0 = contact.IdOf(0), oldId1 = contact.IdOf(1);
        T oldN0 = contact.NormalImpulseOf(0), oldT0 = contact.TangentImpulseOf(0);
        T oldN1 = contact.NormalImpulseOf(1), oldT1 = contact.TangentImpulseOf(1);
        contact.Enabled = F(1f);
        T wasTouching = T.Greater(contact.Touching, F(0f));

        T body = contact.Body;
        LaneManifold<T> m = CollideEdgePolygon(contact.Edge, body);
        contact.ManifoldKind = m.Type;
        contact.PointCount = m.PointCount;
        contact.LocalNormal = m.LocalNormal;
        contact.LocalPoint = m.LocalPoint;
        for (int i = 0; i < 2; i++)
        {
            T id = i == 0 ? m.Id0 : m.Id1;
            T carry0 = T.And(T.Greater(oldCount, F(0f)), T.Equal(oldId0, id));
            T carry1 = T.AndNot(T.And(T.Greater(oldCount, F(1f)), T.Equal(oldId1, id)), carry0);
            T normal = T.Select(carry0, oldN0, T.Select(carry1, oldN1, F(0f)));
            T tangent = T.Select(carry0, oldT0, T.Select(carry1, oldT1, F(0f)));
            contact.SetPoint(i, i == 0 ? m.Point0 : m.Point1, id, normal, tangent, T.Greater(m.PointCount, F(i)));
        }
        T touching = T.Greater(m.PointCount, F(0f));
        contact.Touching = T.Select(touching, F(1f), F(0f));
        BeginContact(body, T.AndNot(T.And(mask, touching), wasTouching));
        EndContact(body, T.AndNot(T.And(mask, wasTouching), touching));
    }

    // The env's contact detector: the hull touching the ground ends the game; lower legs report ground contact.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void BeginContact(T body, T mask)
    {
        Set(GameOver, F(1f), T.And(mask, T.Equal(body, F(0f))));
        Set(GroundContact1, F(1f), T.And(mask, T.Equal(body, F(2f))));
        Set(GroundContact3, F(1f), T.And(mask, T.Equal(body, F(4f))));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void EndContact(T body, T mask)
    {
        Set(GroundContact1, F(0f), T.And(mask, T.Equal(body, F(2f))));
        Set(GroundContact3, F(0f), T.And(mask, T.Equal(body, F(4f))));
    }
}
