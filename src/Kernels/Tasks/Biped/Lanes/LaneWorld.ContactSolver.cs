using System.Runtime.CompilerServices;
using Settings = Wann.Kernels.Tasks.Biped.Physics.Settings;

namespace Wann.Kernels.Tasks.Biped.Lanes;

// b2ContactSolver over the island's contacts (island positions [0, count) of each lane), each constraint in its
// island position's slots, so the iterations read every lane's i-th constraint from the same slots. Body A of
// every contact is a static edge: its solver position, angle and velocities are +0 and stay +0 while the values
// are finite (each update subtracts 0 x finite), so its transform is the identity and only the terms that can
// carry a signed zero into body B's numbers are kept (the cross product of its zero angular velocity).
public partial struct LaneWorld<T, TState, TEpisode, TTrig>
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Transform<T> SolverTransform(Vec2<T> c, T a, Vec2<T> localCenter)
    {
        Rot<T> q = RotOf(a);
        return new Transform<T>(c - Rot<T>.Mul(q, localCenter), q);
    }

    /// <summary>
    /// b2ContactSolver's constructor for island positions [0, <paramref name="count"/>) in the lanes of
    /// <paramref name="mask"/>: each constraint from its contact, the impulses scaled for warm starting (or zero).
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void InitializeContacts(T dtRatio, bool warmStarting, T count, T mask)
    {
        for (int i = 0; i < BipedLayout.ContactCapacity; i++)
        {
            T m = T.And(mask, T.Less(F(i), count));
            if (!T.Any(m)) break;
            var island = IslandAt(i, m);
            var contact = Contact(island.Contact, m);
            var model = ModelAt(island.Body);
            T pointCount = contact.PointCount;
            island.PointCount = pointCount;
            island.Friction = T.Sqrt(F(BipedConstants.Friction) * model.Friction);
            island.InvMass = model.InvMass;
            island.InvI = model.InvI;
            island.LocalCenter = model.LocalCenter;
            var zero = new Mat22<T>(Vec2<T>.From(0f, 0f), Vec2<T>.From(0f, 0f));
            island.K = zero;
            island.NormalMass = zero;
            island.ManifoldKind = contact.ManifoldKind;
            island.ManifoldPoints = pointCount;
            island.LocalNormal = contact.LocalNormal;
            island.LocalPlane = contact.LocalPoint;
            for (int j = 0; j < 2; j++)
            {
                var point = IslandAt(i, T.And(m, T.Less(F(j), pointCount)));
                T normalImpulse = warmStarting ? dtRatio * contact.NormalImpulseOf(j) : F(0f);
                T tangentImpulse = warmStarting ? dtRatio * contact.TangentImpulseOf(j) : F(0f);
                point.SetImpulses(j, normalImpulse, tangentImpulse);
                point.SetLocalPoint(j, contact.PointLocal(j));
            }
        }
    }

    /// <summary><c>b2ContactSolver::InitializeVelocityConstraints</c>: world normals and points, anchors, masses, bias, the block solver's matrices.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void InitializeVelocityConstraints(in SolverBodies<T> bodies, T count, T mask)
    {
        for (int i = 0; i < BipedLayout.ContactCapacity; i++)
        {
            T m = T.And(mask, T.Less(F(i), count));
            if (!T.Any(m)) break;
            InitializeVelocityConstraint(bodies, i, m);
        }
    }
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void InitializeVelocityConstraint(in SolverBodies<T> bodies, int i, T m)
    {
        T zero = F(0f);
        T radius = F(Settings.PolygonRadius);
        var island = IslandAt(i, m);
        var which = SolverBodies<T>.Of(island.Body, m);
        bodies.Position(which, out Vec2<T> cB, out T aB);
        Transform<T> xfA = Transform<T>.Identity;
        Transform<T> xfB = SolverTransform(cB, aB, island.LocalCenter);

        // b2WorldManifold::Initialize (both radii are b2_polygonRadius, so face A's and face B's midpoints are one sum).
        T manifoldPoints = island.ManifoldPoints;
        T faceA = T.Equal(island.ManifoldKind, F(1f));
        Vec2<T> normal = Rot<T>.Mul(Rot<T>.Select(faceA, xfA.Q, xfB.Q), island.LocalNormal);
        Vec2<T> planePoint = Transform<T>.Mul(Transform<T>.Select(faceA, xfA, xfB), island.LocalPlane);
        Transform<T> clipXf = Transform<T>.Select(faceA, xfB, xfA);
        Vec2<T> point0 = WorldPoint(clipXf, island.LocalPoint(0), planePoint, normal, radius);
        Vec2<T> point1 = WorldPoint(clipXf, island.LocalPoint(1), planePoint, normal, radius);
        T any = T.Greater(manifoldPoints, zero);
        Vec2<T> none = Vec2<T>.From(0f, 0f);
        normal = Vec2<T>.Select(any, Vec2<T>.Select(faceA, normal, -normal), none);
        point0 = Vec2<T>.Select(any, point0, none);
        point1 = Vec2<T>.Select(T.Greater(manifoldPoints, F(1f)), point1, none);
        island.Normal = normal;

        bodies.Velocity(which, out Vec2<T> vB, out T wB);
        T pointCount = island.PointCount;
        InitializePoint(IslandAt(i, T.And(m, T.Less(zero, pointCount))), 0, point0, point0 - cB, normal, vB, wB);
        InitializePoint(IslandAt(i, T.And(m, T.Less(F(1f), pointCount))), 1, point1, point1 - cB, normal, vB, wB);

        T two = T.And(m, T.Equal(pointCount, F(2f)));
        if (T.Any(two)) InitializeBlock(i, two, point0, point0 - cB, point1, point1 - cB, normal);
    }

    // A constraint point's anchors, normal and tangent masses and velocity bias (body A's mass and velocity are 0).
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void InitializePoint(IslandSlots<T, TState> point, int j, Vec2<T> rA, Vec2<T> rB, Vec2<T> normal, Vec2<T> vB, T wB)
    {
        T zero = F(0f);
        T mA = zero, iA = zero;
        T mB = point.InvMass, iB = point.InvI;
        Vec2<T> tangent = Vec2<T>.Cross(normal, F(1f));
        T rnA = Vec2<T>.Cross(rA, normal);
        T rnB = Vec2<T>.Cross(rB, normal);
        T kNormal = mA + mB + iA * rnA * rnA + iB * rnB * rnB;
        T rtA = Vec2<T>.Cross(rA, tangent);
        T rtB = Vec2<T>.Cross(rB, tangent);
        T kTangent = mA + mB + iA * rtA * rtA + iB * rtB * rtB;
        // Restitution is 0 everywhere, so the bias is 0 or -0 x vRel.
        T vRel = Vec2<T>.Dot(normal, vB + Vec2<T>.Cross(wB, rB) - Vec2<T>.From(0f, 0f) - Vec2<T>.Cross(zero, rA));
        T bias = T.Select(T.Less(vRel, F(-Settings.VelocityThreshold)), F(-0f) * vRel, zero);
        point.SetPoint(j, rA, rB, T.Select(T.Greater(kNormal, zero), F(1f) / kNormal, zero),
            T.Select(T.Greater(kTangent, zero), F(1f) / kTangent, zero), bias);
    }

    // The block solver's mass matrix and its inverse, where well conditioned; otherwise one point.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void InitializeBlock(int i, T two, Vec2<T> rA1, Vec2<T> rB1, Vec2<T> rA2, Vec2<T> rB2, Vec2<T> normal)
    {
        var island = IslandAt(i, two);
        T mA = F(0f), iA = F(0f);
        T mB = island.InvMass, iB = island.InvI;
        T rn1A = Vec2<T>.Cross(rA1, normal);
        T rn1B = Vec2<T>.Cross(rB1, normal);
        T rn2A = Vec2<T>.Cross(rA2, normal);
        T rn2B = Vec2<T>.Cross(rB2, normal);
        T k11 = mA + mB + iA * rn1A * rn1A + iB * rn1B * rn1B;
        T k22 = mA + mB + iA * rn2A * rn2A + iB * rn2B * rn2B;
        T k12 = mA + mB + iA * rn1A * rn2A + iB * rn1B * rn2B;
        const float maxConditionNumber = 1000f;
        T wellConditioned = T.Less(k11 * k11, F(maxConditionNumber) * (k11 * k22 - k12 * k12));
        var k = new Mat22<T>(new Vec2<T>(k11, k12), new Vec2<T>(k12, k22));
        var block = IslandAt(i, T.And(two, wellConditioned));
        block.K = k;
        block.NormalMass = k.GetInverse();
        // Redundant constraints: use one point.
        var single = IslandAt(i, T.AndNot(two, wellConditioned));
        single.PointCount = F(1f);
    }

    // The midpoint between the two surfaces at a clip point (b2WorldManifold::Initialize's cA and cB).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vec2<T> WorldPoint(in Transform<T> clipXf, Vec2<T> localPoint, Vec2<T> planePoint, Vec2<T> normal, T radius)
    {
        Vec2<T> clipPoint = Transform<T>.Mul(clipXf, localPoint);
        Vec2<T> onPlane = clipPoint + (radius - Vec2<T>.Dot(clipPoint - planePoint, normal)) * normal;
        Vec2<T> onClip = clipPoint - radius * normal;
        return F(0.5f) * (onPlane + onClip);
    }

    /// <summary><c>b2ContactSolver::WarmStart</c>.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void WarmStart(ref SolverBodies<T> bodies, T count, T mask)
    {
        for (int i = 0; i < BipedLayout.ContactCapacity; i++)
        {
            T m = T.And(mask, T.Less(F(i), count));
            if (!T.Any(m)) break;
            var island = IslandAt(i, m);
            var which = SolverBodies<T>.Of(island.Body, m);
            T mB = island.InvMass, iB = island.InvI;
            T pointCount = island.PointCount;
            bodies.Velocity(which, out Vec2<T> vB, out T wB);
            Vec2<T> normal = island.Normal;
            Vec2<T> tangent = Vec2<T>.Cross(normal, F(1f));
            for (int j = 0; j < 2; j++)
            {
                T here = T.Less(F(j), pointCount);
                Vec2<T> p = island.NormalImpulseOf(j) * normal + island.TangentImpulseOf(j) * tangent;
                wB = T.Select(here, wB + iB * Vec2<T>.Cross(island.RB(j), p), wB);
                vB = Vec2<T>.Select(here, vB + mB * p, vB);
            }
            bodies.SetVelocity(which, vB, wB);
        }
    }

    /// <summary>
    /// <c>b2ContactSolver::SolveVelocityConstraints</c>: friction first, then the normal impulses (the block solver
    /// for two points). With <paramref name="watch"/> it returns the lanes where a body's velocity or an impulse
    /// changed its bits (otherwise no lane).
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private T SolveVelocityConstraints(ref SolverBodies<T> bodies, T count, T mask, bool watch = false)
    {
        T changed = T.False;
        for (int i = 0; i < BipedLayout.ContactCapacity; i++)
        {
            T m = T.And(mask, T.Less(F(i), count));
            if (!T.Any(m)) break;
            T here = SolveVelocityConstraint(ref bodies, i, m, watch);
            if (watch) changed = T.Or(changed, here);
        }
        return changed;
    }

    // One contact's velocity constraint, each lane's body taken from and put back into the solver's bodies. Kept
    // apart from the loop (and the normal solves apart from it) so that RyuJIT inlines every lane operation.
    // Watched, it returns the lanes where the body's velocity or one of the four impulses changed its bits.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private T SolveVelocityConstraint(ref SolverBodies<T> bodies, int i, T m, bool watch)
    {
        var island = IslandAt(i, m);
        var which = SolverBodies<T>.Of(island.Body, m);
        T pointCount = island.PointCount;
        bodies.Velocity(which, out Vec2<T> vB, out T wB);
        Vec2<T> normal = island.Normal;
        Vec2<T> vBefore = vB;
        T wBefore = wB;
        ImpulsesOf(island, out T normal0, out T tangent0, out T normal1, out T tangent1);

        // Tangent constraints first: non-penetration matters more than friction.
        SolveTangent(ref island, 0, T.True, normal, ref vB, ref wB);
        T second = T.And(m, T.Less(F(1f), pointCount));
        if (T.Any(second)) SolveTangent(ref island, 1, second, normal, ref vB, ref wB);

        T single = T.And(m, T.Equal(pointCount, F(1f)));
        T block = T.AndNot(m, single);
        Vec2<T> singleV = vB, blockV = vB;
        T singleW = wB, blockW = wB;
        if (T.Any(single)) SolveNormal(ref island, single, normal, ref singleV, ref singleW);
        if (T.Any(block)) SolveBlock(ref island, block, normal, ref blockV, ref blockW);
        vB = Vec2<T>.Select(single, singleV, blockV);
        wB = T.Select(single, singleW, blockW);
        bodies.SetVelocity(which, vB, wB);
        if (!watch) return T.False;

        ImpulsesOf(island, out T normal0After, out T tangent0After, out T normal1After, out T tangent1After);
        T same = T.And(T.And(T.SameBits(vB.X, vBefore.X), T.SameBits(vB.Y, vBefore.Y)), T.SameBits(wB, wBefore));
        same = T.And(same, T.And(T.SameBits(normal0After, normal0), T.SameBits(tangent0After, tangent0)));
        same = T.And(same, T.And(T.SameBits(normal1After, normal1), T.SameBits(tangent1After, tangent1)));
        return T.AndNot(m, same);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void ImpulsesOf(in IslandSlots<T, TState> island, out T normal0, out T tangent0, out T normal1, out T tangent1)
    {
        normal0 = island.NormalImpulseOf(0);
        tangent0 = island.TangentImpulseOf(0);
        normal1 = island.NormalImpulseOf(1);
        tangent1 = island.TangentImpulseOf(1);
    }

    // Point j's friction impulse, in the lanes of here (within the view's).
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void SolveTangent(ref IslandSlots<T, TState> slots, int j, T here, Vec2<T> normal, ref Vec2<T> vB, ref T wB)
    {
        // A copy the JIT can keep in registers (the view holds only the state's array and offsets).
        IslandSlots<T, TState> island = slots;
        T mB = island.InvMass, iB = island.InvI;
        Vec2<T> tangent = Vec2<T>.Cross(normal, F(1f));
        Vec2<T> rA = island.RA(j), rB = island.RB(j);
        Vec2<T> dv = vB + Vec2<T>.Cross(wB, rB) - Vec2<T>.Cross(F(0f), rA);
        T vt = Vec2<T>.Dot(dv, tangent);
        T lambda = island.TangentMassOf(j) * (-vt);
        T maxFriction = island.Friction * island.NormalImpulseOf(j);
        T oldImpulse = island.TangentImpulseOf(j);
        T newImpulse = Clamp(oldImpulse + lambda, -maxFriction, maxFriction);
        lambda = newImpulse - oldImpulse;
        island.SetTangentImpulse(j, newImpulse, here);
        Vec2<T> p = lambda * tangent;
        vB = Vec2<T>.Select(here, vB + mB * p, vB);
        wB = T.Select(here, wB + iB * Vec2<T>.Cross(rB, p), wB);
    }

    // The normal impulse of a one-point constraint.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void SolveNormal(ref IslandSlots<T, TState> slots, T here, Vec2<T> normal, ref Vec2<T> vB, ref T wB)
    {
        // A copy the JIT can keep in registers (the view holds only the state's array and offsets).
        IslandSlots<T, TState> island = slots;
        T zero = F(0f);
        T mB = island.InvMass, iB = island.InvI;
        Vec2<T> rA = island.RA(0), rB = island.RB(0);
        Vec2<T> dv = vB + Vec2<T>.Cross(wB, rB) - Vec2<T>.Cross(zero, rA);
        T vn = Vec2<T>.Dot(dv, normal);
        T lambda = -island.NormalMassOf(0) * (vn - island.VelocityBiasOf(0));
        T oldImpulse = island.NormalImpulseOf(0);
        T sum = oldImpulse + lambda;
        T newImpulse = T.Select(T.Greater(sum, zero), sum, zero);
        lambda = newImpulse - oldImpulse;
        island.SetNormalImpulse(0, newImpulse, here);
        Vec2<T> p = lambda * normal;
        vB = vB + mB * p;
        wB = wB + iB * Vec2<T>.Cross(rB, p);
    }

    // The block solver for a two-point constraint: the first of Box2D's four cases that holds, or no change.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void SolveBlock(ref IslandSlots<T, TState> slots, T here, Vec2<T> normal, ref Vec2<T> vB, ref T wB)
    {
        // A copy the JIT can keep in registers (the view holds only the state's array and offsets).
        IslandSlots<T, TState> island = slots;
        T zero = F(0f);
        T mB = island.InvMass, iB = island.InvI;
        Vec2<T> rA1 = island.RA(0), rB1 = island.RB(0), rA2 = island.RA(1), rB2 = island.RB(1);
        Mat22<T> k = island.K, normalMass = island.NormalMass;
        var a = new Vec2<T>(island.NormalImpulseOf(0), island.NormalImpulseOf(1));
        Vec2<T> dv1 = vB + Vec2<T>.Cross(wB, rB1) - Vec2<T>.Cross(zero, rA1);
        Vec2<T> dv2 = vB + Vec2<T>.Cross(wB, rB2) - Vec2<T>.Cross(zero, rA2);
        T vn1 = Vec2<T>.Dot(dv1, normal);
        T vn2 = Vec2<T>.Dot(dv2, normal);
        var b = new Vec2<T>(vn1 - island.VelocityBiasOf(0), vn2 - island.VelocityBiasOf(1));
        b -= Mat22<T>.Mul(k, a);
        // Case 1: both constraints active, x = -inv(K) b.
        Vec2<T> x1 = -Mat22<T>.Mul(normalMass, b);
        T case1 = T.Not(T.Or(T.Less(x1.X, zero), T.Less(x1.Y, zero)));
        // Case 2: only the first point active.
        var x2 = new Vec2<T>(-island.NormalMassOf(0) * b.X, zero);
        T case2 = T.Not(T.Or(T.Less(x2.X, zero), T.Less(k.Ex.Y * x2.X + b.Y, zero)));
        // Case 3: only the second point active.
        var x3 = new Vec2<T>(zero, -island.NormalMassOf(1) * b.Y);
        T case3 = T.Not(T.Or(T.Less(x3.Y, zero), T.Less(k.Ey.X * x3.Y + b.X, zero)));
        // Case 4: neither; otherwise no solution, and the impulses stay as they are.
        T case4 = T.Not(T.Or(T.Less(b.X, zero), T.Less(b.Y, zero)));
        Vec2<T> x = Vec2<T>.Select(case1, x1, Vec2<T>.Select(case2, x2, Vec2<T>.Select(case3, x3, Vec2<T>.From(0f, 0f))));
        T solved = T.And(here, T.Or(T.Or(case1, case2), T.Or(case3, case4)));
        Vec2<T> d = x - a;
        Vec2<T> p1 = d.X * normal;
        Vec2<T> p2 = d.Y * normal;
        vB = Vec2<T>.Select(solved, vB + mB * (p1 + p2), vB);
        wB = T.Select(solved, wB + iB * (Vec2<T>.Cross(rB1, p1) + Vec2<T>.Cross(rB2, p2)), wB);
        island.SetNormalImpulse(0, x.X, solved);
        island.SetNormalImpulse(1, x.Y, solved);
    }

    /// <summary><c>b2ContactSolver::StoreImpulses</c>: the accumulated impulses back to the contacts' manifold points.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void StoreImpulses(T count, T mask)
    {
        for (int i = 0; i < BipedLayout.ContactCapacity; i++)
        {
            T m = T.And(mask, T.Less(F(i), count));
            if (!T.Any(m)) break;
            var island = IslandAt(i, m);
            for (int j = 0; j < 2; j++)
            {
                var contact = Contact(island.Contact, T.And(m, T.Less(F(j), island.PointCount)));
                contact.SetImpulses(j, island.NormalImpulseOf(j), island.TangentImpulseOf(j));
            }
        }
    }

    /// <summary>
    /// <c>b2ContactSolver::SolvePositionConstraints</c>, or with <paramref name="toi"/> SolveTOIPositionConstraints
    /// (only each lane's <paramref name="toiBody"/> and the static edges take part; the static ones have no mass
    /// either way), in the lanes of <paramref name="mask"/>. Returns the smallest separation.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private readonly T SolvePositionConstraints(T baumgarte, ref SolverBodies<T> bodies, T count, T mask, T toiBody, bool toi)
    {
        T minSeparation = F(0f);
        for (int i = 0; i < BipedLayout.ContactCapacity; i++)
        {
            T m = T.And(mask, T.Less(F(i), count));
            if (!T.Any(m)) break;
            SolvePositionConstraint(baumgarte, ref bodies, i, m, toiBody, toi, ref minSeparation);
        }
        return minSeparation;
    }
    [MethodImpl(MethodImplOptions.NoInlining)]
    private readonly void SolvePositionConstraint(T baumgarte, ref SolverBodies<T> bodies, int i, T m, T toiBody, bool toi, ref T minSeparation)
    {
        T zero = F(0f);
        var island = IslandAt(i, m);
        T body = island.Body;
        var which = SolverBodies<T>.Of(body, m);
        T mB = island.InvMass, iB = island.InvI;
        if (toi)
        {
            T other = T.Not(T.Equal(body, toiBody));
            mB = T.Select(other, zero, mB);
            iB = T.Select(other, zero, iB);
        }
        T pointCount = island.ManifoldPoints;
        bodies.Position(which, out Vec2<T> cB, out T aB);
        for (int j = 0; j < 2; j++)
        {
            T here = T.And(m, T.Less(F(j), pointCount));
            if (!T.Any(here)) break;
            SolvePositionPoint(ref island, j, here, baumgarte, mB, iB, ref cB, ref aB, ref minSeparation);
        }
        bodies.SetPosition(which, cB, aB);
    }

    // One manifold point's position correction of body B (body A, a static edge, stays at the identity).
    [MethodImpl(MethodImplOptions.NoInlining)]
    private readonly void SolvePositionPoint(ref IslandSlots<T, TState> island, int j, T here, T baumgarte, T mB, T iB, ref Vec2<T> cB, ref T aB, ref T minSeparation)
    {
        T zero = F(0f);
        T mA = zero, iA = zero;
        // Not a constant: ILGPU would regroup (d - r) - r into d - (r + r) (see BipedLayout.ShapeRadius).
        T radiusA = Episode.Shared(BipedLayout.ShapeRadius), radiusB = Episode.Shared(BipedLayout.ShapeRadius);
        T faceA = T.Equal(island.ManifoldKind, F(1f));
        Transform<T> xfA = Transform<T>.Identity;
        Transform<T> xfB = SolverTransform(cB, aB, island.LocalCenter);
        Vec2<T> normal = Rot<T>.Mul(Rot<T>.Select(faceA, xfA.Q, xfB.Q), island.LocalNormal);
        Vec2<T> planePoint = Transform<T>.Mul(Transform<T>.Select(faceA, xfA, xfB), island.LocalPlane);
        Vec2<T> clipPoint = Transform<T>.Mul(Transform<T>.Select(faceA, xfB, xfA), island.LocalPoint(j));
        T separation = Vec2<T>.Dot(clipPoint - planePoint, normal) - radiusA - radiusB;
        normal = Vec2<T>.Select(faceA, normal, -normal);
        Vec2<T> rA = clipPoint, rB = clipPoint - cB;
        minSeparation = T.Select(T.AndNot(here, T.Less(minSeparation, separation)), separation, minSeparation);
        T c = Clamp(baumgarte * (separation + F(Settings.LinearSlop)), F(-Settings.MaxLinearCorrection), zero);
        T rnA = Vec2<T>.Cross(rA, normal);
        T rnB = Vec2<T>.Cross(rB, normal);
        T k = mA + mB + iA * rnA * rnA + iB * rnB * rnB;
        T impulse = T.Select(T.Greater(k, zero), -c / k, zero);
        Vec2<T> p = impulse * normal;
        cB = Vec2<T>.Select(here, cB + mB * p, cB);
        aB = T.Select(here, aB + iB * Vec2<T>.Cross(rB, p), aB);
    }
}
