using System.Runtime.CompilerServices;
using Settings = Wann.Kernels.Tasks.Biped.Physics.Settings;
using static Wann.Kernels.Tasks.Biped.Lanes.BipedLayout;

namespace Wann.Kernels.Tasks.Biped.Lanes;

// b2World::SolveTOI. Every contact pairs a static edge with a dynamic body, so every pair is a TOI candidate and
// a TOI island holds one dynamic body, its edge and its other touching edges. A static edge's sweep never moves
// but its alpha0 does (Box2D advances static bodies too, and a later pair reads it), so each edge keeps one.
// Each lane takes its own number of sub-steps: the loop runs until every lane has found no further impact.
public partial struct LaneWorld<T, TState, TEpisode, TTrig>
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private readonly T EdgeAlpha0(T edge, T stamp, T mask)
    {
        T slot = F(EdgeAlpha) + T.Select(mask, edge, F(0f)) * F(2f);
        return T.Select(T.Equal(State.Gather(slot + F(1f)), stamp), State.Gather(slot), F(0f));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void SetEdgeAlpha0(T edge, T stamp, T alpha, T mask)
    {
        T slot = F(EdgeAlpha) + T.Select(mask, edge, F(0f)) * F(2f);
        State.Scatter(slot, alpha, mask);
        State.Scatter(slot + F(1f), stamp, mask);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private readonly LaneSweep<T> BodySweep(T body, T mask)
    {
        var slots = BodyAt(body, mask);
        return new LaneSweep<T>
        {
            LocalCenter = ModelAt(T.Select(mask, body, F(0f))).LocalCenter,
            C0 = slots.C0,
            C = slots.C,
            A0 = slots.A0,
            A = slots.A,
            Alpha0 = slots.Alpha0,
        };
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void SetBodySweep(T body, in LaneSweep<T> sweep, T mask)
    {
        var slots = BodyAt(body, mask);
        slots.C0 = sweep.C0;
        slots.C = sweep.C;
        slots.A0 = sweep.A0;
        slots.A = sweep.A;
        slots.Alpha0 = sweep.Alpha0;
    }

    // b2Body::SynchronizeTransform for each lane's body.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void SynchronizeTransformAt(T body, T mask)
    {
        for (int b = 0; b < BodyCount; b++)
        {
            T here = T.And(mask, T.Equal(body, F(b)));
            if (T.Any(here)) SynchronizeTransform(b, here);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private readonly LaneProxy<T> EdgeProxy(T edge)
    {
        var model = EdgeAt(edge);
        return new LaneProxy<T> { V0 = model.V1, V1 = model.V2, Count = F(2f) };
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private readonly LaneProxy<T> BodyProxy(T body)
    {
        var model = ModelAt(body);
        return new LaneProxy<T> { V0 = model.Vertex(0), V1 = model.Vertex(1), V2 = model.Vertex(2), V3 = model.Vertex(3), V4 = model.Vertex(4), Count = model.VertexCount };
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void SolveToi(T live)
    {
        const float dt = 1f / 50f;
        T stamp = S(StepCounter) + F(1f);
        for (int b = 0; b < BodyCount; b++)
        {
            var body = Body(b);
            body.Alpha0 = F(0f);
        }
        T c = S(ContactHead);
        T walking = T.AndNot(live, T.Equal(c, F(-1f)));
        while (T.Any(walking))
        {
            var contact = Contact(c, walking);
            contact.ToiFlag = F(0f);
            contact.InIsland = F(0f);
            contact.ToiCount = F(0f);
            contact.Toi = F(1f);
            c = T.Select(walking, contact.Next, c);
            walking = T.And(walking, T.Not(T.Equal(c, F(-1f))));
        }

        T running = live;
        while (T.Any(running))
        {
            // Find the first TOI.
            FindFirstToi(stamp, running, out T minContact, out T minAlpha);
            running = T.AndNot(running, T.Or(T.Equal(minContact, F(-1f)), T.Greater(minAlpha, F(1f - 10f * Settings.Epsilon))));
            if (!T.Any(running)) break;

            // Advance the bodies to the TOI.
            var min = Contact(minContact, running);
            T minEdge = min.Edge, minBody = min.Body;
            T backupEdgeAlpha = EdgeAlpha0(minEdge, stamp, running);
            LaneSweep<T> backup = BodySweep(minBody, running);
            SetEdgeAlpha0(minEdge, stamp, minAlpha, running);
            LaneSweep<T> advanced = backup;
            advanced.Advance(minAlpha, running);
            advanced.C = advanced.C0;
            advanced.A = advanced.A0;
            SetBodySweep(minBody, advanced, running);
            SynchronizeTransformAt(minBody, running);

            // The TOI contact likely has some new contact points.
            UpdateContact(minContact, running);
            min.ToiFlag = F(0f);
            min.ToiCount = min.ToiCount + F(1f);
            Set(ToiEvents, S(ToiEvents) + F(1f), running);

            T apart = T.And(running, T.Or(T.Equal(min.Enabled, F(0f)), T.Equal(min.Touching, F(0f))));
            if (T.Any(apart))
            {
                // Restore the sweeps; the contact stays disabled for this step.
                var disabled = Contact(minContact, apart);
                disabled.Enabled = F(0f);
                SetEdgeAlpha0(minEdge, stamp, backupEdgeAlpha, apart);
                SetBodySweep(minBody, backup, apart);
                SynchronizeTransformAt(minBody, apart);
            }
            T island = T.AndNot(running, apart);
            if (!T.Any(island)) continue;

            // The island: the body, its TOI contact, and its other contacts that touch at the TOI.
            T count = BuildToiIsland(minContact, minBody, minAlpha, stamp, island);
            Set(IslandCount, count, island);

            T subDt = (F(1f) - minAlpha) * F(dt);
            SolveToiIsland(minBody, subDt, count, island);

            // Reset island flags and synchronise the broad phase.
            for (int b = 0; b < BodyCount; b++)
            {
                T here = T.And(island, T.Equal(minBody, F(b)));
                if (T.Any(here)) SynchronizeFixtures(b, here);
            }
            // Invalidate all contact TOIs on this displaced body.
            c = BodyAt(minBody, island).Contacts;
            walking = T.And(island, T.Not(T.Equal(c, F(-1f))));
            while (T.Any(walking))
            {
                var contact = Contact(c, walking);
                contact.ToiFlag = F(0f);
                contact.InIsland = F(0f);
                c = T.Select(walking, contact.NextB, c);
                walking = T.And(walking, T.Not(T.Equal(c, F(-1f))));
            }

            // New contacts, and maybe destroyed ones.
            FindNewContacts(allMoved: T.False, mask: island);
        }
    }

    // The contact of each running lane with the earliest time of impact (-1: none), computing those not cached.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void FindFirstToi(T stamp, T running, out T minContact, out T minAlpha)
    {
        minContact = F(-1f);
        minAlpha = F(1f);
        T c = S(ContactHead);
        T walking = T.And(running, T.Not(T.Equal(c, F(-1f))));
        while (T.Any(walking))
        {
            var contact = Contact(c, walking);
            T candidate = T.AndNot(T.And(walking, T.Not(T.Equal(contact.Enabled, F(0f)))), T.Greater(contact.ToiCount, F(Settings.MaxSubSteps)));
            T cached = T.And(candidate, T.Greater(contact.ToiFlag, F(0f)));
            T fresh = T.AndNot(candidate, cached);
            T alpha = contact.Toi;
            if (T.Any(fresh))
            {
                T computed = ComputeToi(contact.Edge, contact.Body, stamp, fresh);
                var update = Contact(c, fresh);
                update.Toi = computed;
                update.ToiFlag = F(1f);
                alpha = T.Select(fresh, computed, alpha);
            }
            T earlier = T.And(candidate, T.Less(alpha, minAlpha));
            minContact = T.Select(earlier, c, minContact);
            minAlpha = T.Select(earlier, alpha, minAlpha);
            c = T.Select(walking, contact.Next, c);
            walking = T.And(walking, T.Not(T.Equal(c, F(-1f))));
        }
    }

    // The TOI island of each lane in mask: its TOI contact first, then the body's other contacts that touch at the
    // TOI (each edge tentatively advanced to it); returns the island's size.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private T BuildToiIsland(T minContact, T minBody, T minAlpha, T stamp, T island)
    {
        T count = F(0f);
        AddToIsland(count, minContact, minBody, island);
        count = T.Select(island, F(1f), count);
        var first = Contact(minContact, island);
        first.InIsland = F(1f);
        T c = BodyAt(minBody, island).Contacts;
        T walking = T.And(island, T.Not(T.Equal(c, F(-1f))));
        while (T.Any(walking))
        {
            walking = T.AndNot(walking, T.Equal(count, F(MaxToiContacts)));
            if (!T.Any(walking)) break;
            var contact = Contact(c, walking);
            T candidate = T.AndNot(walking, T.Greater(contact.InIsland, F(0f)));
            // Tentatively advance the (static) other body to the TOI.
            T other = contact.Edge;
            T backupAlpha = EdgeAlpha0(other, stamp, candidate);
            SetEdgeAlpha0(other, stamp, minAlpha, candidate);
            UpdateContact(c, candidate);
            var updated = Contact(c, candidate);
            T missed = T.And(candidate, T.Or(T.Equal(updated.Enabled, F(0f)), T.Equal(updated.Touching, F(0f))));
            SetEdgeAlpha0(other, stamp, backupAlpha, missed);
            T join = T.AndNot(candidate, missed);
            var joined = Contact(c, join);
            joined.InIsland = F(1f);
            AddToIsland(count, c, minBody, join);
            count = T.Select(join, count + F(1f), count);
            c = T.Select(walking, contact.NextB, c);
            walking = T.And(walking, T.Not(T.Equal(c, F(-1f))));
        }
        return count;
    }

    // The time of impact of each lane's contact (edge, body) in the lanes of mask, after putting both sweeps on
    // the same time interval (which may advance the edge's alpha0 or the body's sweep, as Box2D does).
    [MethodImpl(MethodImplOptions.NoInlining)]
    private T ComputeToi(T edge, T body, T stamp, T mask)
    {
        T alphaA = EdgeAlpha0(edge, stamp, mask);
        LaneSweep<T> sweepB = BodySweep(body, mask);
        T alphaB = sweepB.Alpha0;
        T behindBody = T.And(mask, T.Less(alphaA, alphaB));
        T behindEdge = T.AndNot(T.And(mask, T.Less(alphaB, alphaA)), behindBody);
        T alpha0 = T.Select(behindBody, alphaB, alphaA);
        SetEdgeAlpha0(edge, stamp, alpha0, behindBody); // the edge's centre and angle stay 0
        if (T.Any(behindEdge))
        {
            sweepB.Advance(alpha0, behindEdge);
            SetBodySweep(body, sweepB, behindEdge);
        }

        T state = LaneTimeOfImpact.Compute<T, TTrig>(EdgeProxy(edge), BodyProxy(body), sweepB, mask, out T beta);
        T a = alpha0 + (F(1f) - alpha0) * beta;
        return T.Select(T.Equal(state, F(3f)), T.Select(T.Less(a, F(1f)), a, F(1f)), F(1f));
    }

    // b2Island::SolveTOI for the island of each lane's one dynamic body.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void SolveToiIsland(T body, T subDt, T count, T mask)
    {
        var bodies = default(SolverBodies<T>);
        for (int b = 0; b < BodyCount; b++)
        {
            var slots = Body(b);
            bodies.Set(b, new SolverBody<T> { C = slots.C, A = slots.A, V = slots.V, W = slots.W });
        }
        InitializeContacts(F(1f), warmStarting: false, count, mask);
        T positioning = mask;
        for (int i = 0; i < 20 && T.Any(positioning); i++)
        {
            T separation = SolvePositionConstraints(F(Settings.ToiBaumgarte), ref bodies, count, positioning, body, toi: true);
            positioning = T.And(positioning, T.Less(separation, F(-1.5f * Settings.LinearSlop)));
        }

        // Leap of faith to the new safe state.
        for (int b = 0; b < BodyCount; b++)
        {
            T here = T.And(mask, T.Equal(body, F(b)));
            if (!T.Any(here)) continue;
            var slots = Body(b, here);
            SolverBody<T> solver = bodies.Get(b);
            slots.C0 = solver.C;
            slots.A0 = solver.A;
        }

        InitializeVelocityConstraints(bodies, count, mask);
        // An iteration is a function of the body's velocity and the island's impulses alone (the constraints are
        // fixed above), so once one leaves all of them with the same bits in every lane the remaining iterations
        // would too, and stopping there is exact. Most sub-steps get there within 20 of Box2D's 180 iterations.
        for (int i = 0; i < BipedConstants.VelocityIterations; i++)
            if (!T.Any(SolveVelocityConstraints(ref bodies, count, mask, watch: true))) break;

        for (int b = 0; b < BodyCount; b++)
        {
            T here = T.And(mask, T.Equal(body, F(b)));
            if (!T.Any(here)) continue;
            SolverBody<T> solver = Integrate(bodies.Get(b), subDt);
            var slots = Body(b, here);
            slots.C = solver.C;
            slots.A = solver.A;
            slots.V = solver.V;
            slots.W = solver.W;
            SynchronizeTransform(b, here);
        }
    }
}
