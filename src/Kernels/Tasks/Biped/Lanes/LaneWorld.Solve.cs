using System.Runtime.CompilerServices;
using Settings = Wann.Kernels.Tasks.Biped.Physics.Settings;
using static Wann.Kernels.Tasks.Biped.Lanes.BipedLayout;

namespace Wann.Kernels.Tasks.Biped.Lanes;

// b2World::Solve and b2Island::Solve. The five dynamic bodies are joined by the joints, so there is one island
// and its depth-first search from the last created body always meets them as lower leg 1, upper leg 1, hull,
// upper leg 0, lower leg 0, and the joints as knee 1, hip 1, hip 0, knee 0; contacts join the island in that
// body order, each body's in its contact-list order. Bodies and joints are held in locals for the whole solve;
// the contacts' constraints sit in the island's slots, every lane's i-th at the same slots.
public partial struct LaneWorld<T, TState, TEpisode, TTrig>
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int IslandOrderBody(int k) => k switch { 0 => 4, 1 => 3, 2 => 0, 3 => 1, _ => 2 };


    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Solve(T dtRatio, T live)
    {
        // The island's contacts: enabled and touching, in body order.
        T count = F(0f);
        for (int k = 0; k < BodyCount; k++)
        {
            int b = IslandOrderBody(k);
            T c = Body(b).Contacts;
            T walking = T.AndNot(live, T.Equal(c, F(-1f)));
            while (T.Any(walking))
            {
                var contact = Contact(c, walking);
                T take = T.AndNot(walking, T.Or(T.Equal(contact.Enabled, F(0f)), T.Equal(contact.Touching, F(0f))));
                AddToIsland(count, c, F(b), take);
                count = T.Select(take, count + F(1f), count);
                c = T.Select(walking, contact.NextB, c);
                walking = T.And(walking, T.Not(T.Equal(c, F(-1f))));
            }
        }
        Set(IslandCount, count);

        const float dt = 1f / 50f;
        T h = F(dt);
        var bodies = default(SolverBodies<T>);
        for (int b = 0; b < BodyCount; b++)
        {
            var body = Body(b);
            var model = Model(b);
            var solver = new SolverBody<T> { C = body.C, A = body.A, V = body.V, W = body.W };
            body.C0 = solver.C;
            body.A0 = solver.A;
            var force = new Vec2<T>(b == 0 ? S(HullForceX) : F(0f), F(0f));
            solver.V += h * (F(1f) * Vec2<T>.From(0f, -10f) + model.InvMass * force);
            solver.W += h * model.InvI * F(0f);
            bodies.Set(b, solver);
        }

        T all = T.True;
        InitializeContacts(dtRatio, warmStarting: true, count, all);
        InitializeVelocityConstraints(bodies, count, all);
        WarmStart(ref bodies, count, all);
        // The joints in island order: knee 1 (bodies 3, 4), hip 1 (0, 3), hip 0 (0, 1), knee 0 (1, 2).
        JointSolver<T> j0 = InitVelocityConstraints(3, h, dtRatio, ref bodies.B3, ref bodies.B4);
        JointSolver<T> j1 = InitVelocityConstraints(2, h, dtRatio, ref bodies.B0, ref bodies.B3);
        JointSolver<T> j2 = InitVelocityConstraints(0, h, dtRatio, ref bodies.B0, ref bodies.B1);
        JointSolver<T> j3 = InitVelocityConstraints(1, h, dtRatio, ref bodies.B1, ref bodies.B2);

        for (int i = 0; i < BipedConstants.VelocityIterations; i++)
        {
            SolveVelocityConstraints(ref j0, ref bodies.B3, ref bodies.B4);
            SolveVelocityConstraints(ref j1, ref bodies.B0, ref bodies.B3);
            SolveVelocityConstraints(ref j2, ref bodies.B0, ref bodies.B1);
            SolveVelocityConstraints(ref j3, ref bodies.B1, ref bodies.B2);
            SolveVelocityConstraints(ref bodies, count, all);
        }
        StoreImpulses(count, all);
        StoreImpulses(j0);
        StoreImpulses(j1);
        StoreImpulses(j2);
        StoreImpulses(j3);
        for (int b = 0; b < BodyCount; b++) bodies.Set(b, Integrate(bodies.Get(b), h));

        T running = live;
        for (int i = 0; i < BipedConstants.PositionIterations; i++)
        {
            T contactsOkay = T.Not(T.Less(SolvePositionConstraints(F(Settings.Baumgarte), ref bodies, count, running, F(-1f), toi: false),
                F(-3f * Settings.LinearSlop)));
            T jointsOkay = SolvePositionConstraints(j0, ref bodies.B3, ref bodies.B4, running);
            jointsOkay = T.And(jointsOkay, SolvePositionConstraints(j1, ref bodies.B0, ref bodies.B3, running));
            jointsOkay = T.And(jointsOkay, SolvePositionConstraints(j2, ref bodies.B0, ref bodies.B1, running));
            jointsOkay = T.And(jointsOkay, SolvePositionConstraints(j3, ref bodies.B1, ref bodies.B2, running));
            running = T.AndNot(running, T.And(contactsOkay, jointsOkay));
            if (!T.Any(running)) break;
        }

        for (int b = 0; b < BodyCount; b++)
        {
            var body = Body(b);
            SolverBody<T> solver = bodies.Get(b);
            body.C = solver.C;
            body.A = solver.A;
            body.V = solver.V;
            body.W = solver.W;
            SynchronizeTransform(b, all);
        }
        // Sleeping never triggers for the walker (its bodies never rest for half a second), so it is left out.

        for (int b = BodyCount - 1; b >= 0; b--) SynchronizeFixtures(b, all);
        FindNewContacts(allMoved: T.False, mask: live);
    }

    // Each lane's island position 'position' holds its contact c of body 'body', in the lanes of mask.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void AddToIsland(T position, T c, T body, T mask)
    {
        T slot = F(Island) + position * F(IslandStride);
        State.Scatter(slot + F(IslandContact), c, mask);
        State.Scatter(slot + F(IslandBody), body, mask);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void StoreImpulses(in JointSolver<T> joint)
    {
        var slots = Joint(joint.Joint);
        slots.Impulse = joint.Impulse;
        slots.MotorImpulse = joint.MotorImpulse;
    }

    // b2Island::Solve's integration of one body's velocity into its position, with Box2D's speed limits.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static SolverBody<T> Integrate(SolverBody<T> body, T h)
    {
        Vec2<T> v = body.V;
        T w = body.W;
        Vec2<T> translation = h * v;
        T fast = T.Greater(Vec2<T>.Dot(translation, translation), F(Settings.MaxTranslationSquared));
        if (T.Any(fast)) v = Vec2<T>.Select(fast, (F(Settings.MaxTranslation) / translation.Length()) * v, v);
        T rotation = h * w;
        T spinning = T.Greater(rotation * rotation, F(Settings.MaxRotationSquared));
        if (T.Any(spinning))
            w = T.Select(spinning, w * (F(Settings.MaxRotation) / T.Select(T.Greater(rotation, F(0f)), rotation, -rotation)), w);
        return new SolverBody<T> { C = body.C + h * v, A = body.A + h * w, V = v, W = w };
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void SynchronizeTransform(int b, T mask)
    {
        var body = Body(b, mask);
        Rot<T> q = RotOf(body.A);
        body.Transform = new Transform<T>(body.C - Rot<T>.Mul(q, Model(b).LocalCenter), q);
    }

    // b2Body::SynchronizeFixtures + b2BroadPhase::MoveProxy: the AABB swept from (c0, a0) to the transform.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void SynchronizeFixtures(int b, T mask)
    {
        var body = Body(b, mask);
        var model = Model(b);
        Rot<T> q1 = RotOf(body.A0);
        var xf1 = new Transform<T>(body.C0 - Rot<T>.Mul(q1, model.LocalCenter), q1);
        Transform<T> xf2 = body.Transform;
        PolygonAabb(model, xf1, out Vec2<T> lower1, out Vec2<T> upper1);
        PolygonAabb(model, xf2, out Vec2<T> lower2, out Vec2<T> upper2);
        Vec2<T> lower = Vec2<T>.Min(lower1, lower2), upper = Vec2<T>.Max(upper1, upper2);
        Vec2<T> displacement = xf2.P - xf1.P;
        Vec2<T> fatLower = body.FatLower, fatUpper = body.FatUpper;
        T contained = T.Not(T.Or(T.Or(T.Greater(fatLower.X, lower.X), T.Greater(fatLower.Y, lower.Y)),
                                 T.Or(T.Greater(upper.X, fatUpper.X), T.Greater(upper.Y, fatUpper.Y))));
        T grow = T.AndNot(mask, contained);
        if (!T.Any(grow)) return;
        var r = Vec2<T>.From(Settings.AabbExtension, Settings.AabbExtension);
        Vec2<T> newLower = lower - r, newUpper = upper + r;
        Vec2<T> d = F(Settings.AabbMultiplier) * displacement;
        T left = T.Less(d.X, F(0f)), down = T.Less(d.Y, F(0f));
        newLower = new Vec2<T>(T.Select(left, newLower.X + d.X, newLower.X), T.Select(down, newLower.Y + d.Y, newLower.Y));
        newUpper = new Vec2<T>(T.Select(left, newUpper.X, newUpper.X + d.X), T.Select(down, newUpper.Y, newUpper.Y + d.Y));
        var moved = Body(b, grow);
        moved.FatLower = newLower;
        moved.FatUpper = newUpper;
        moved.Moved = F(1f);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void PolygonAabb(in BodyModel<T, TEpisode> model, in Transform<T> xf, out Vec2<T> lower, out Vec2<T> upper)
    {
        T count = model.VertexCount;
        lower = Transform<T>.Mul(xf, model.Vertex(0));
        upper = lower;
        for (int i = 1; i < MaxVertices; i++)
        {
            T here = T.Less(F(i), count);
            Vec2<T> v = Transform<T>.Mul(xf, model.Vertex(i));
            lower = Vec2<T>.Select(here, Vec2<T>.Min(lower, v), lower);
            upper = Vec2<T>.Select(here, Vec2<T>.Max(upper, v), upper);
        }
        var r = Vec2<T>.From(Settings.PolygonRadius, Settings.PolygonRadius);
        lower -= r;
        upper += r;
    }
}
