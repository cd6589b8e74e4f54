using System.Runtime.CompilerServices;
using Settings = Wann.Kernels.Tasks.Biped.Physics.Settings;
using static Wann.Kernels.Tasks.Biped.Lanes.BipedLayout;

namespace Wann.Kernels.Tasks.Biped.Lanes;

// b2RevoluteJoint for the walker's four joints: motor and limit on, both bodies dynamic (so never fixed rotation).
// Limit states: 0 inactive, 1 at lower, 2 at upper, 3 equal (as Box2D's b2LimitState). A joint's per-step values
// live in a JointSolver for the whole step; what Solve33 and Solve22 compute from the mass alone is computed once.
public partial struct LaneWorld<T, TState, TEpisode, TTrig>
{
    /// <summary><c>b2RevoluteJoint::InitVelocityConstraints</c> with warm starting.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private readonly JointSolver<T> InitVelocityConstraints(int joint, T dt, T dtRatio, ref SolverBody<T> a, ref SolverBody<T> b)
    {
        var j = new JointSolver<T> { Joint = joint, BodyA = JointBodyA(joint), BodyB = JointBodyB(joint) };
        var modelA = Model(j.BodyA);
        var modelB = Model(j.BodyB);
        int e = Joints + joint * JointStride;
        Vec2<T> localCenterA = modelA.LocalCenter, localCenterB = modelB.LocalCenter;
        j.LocalAnchorA = new Vec2<T>(Episode.Shared(e + JointAnchorAx), Episode.Shared(e + JointAnchorAy)) - localCenterA;
        j.LocalAnchorB = new Vec2<T>(Episode.Shared(e + JointAnchorBx), Episode.Shared(e + JointAnchorBy)) - localCenterB;
        j.ReferenceAngle = Episode.Shared(e + JointReference);
        j.Lower = Episode.Shared(e + JointLower);
        j.Upper = Episode.Shared(e + JointUpper);
        T mA = modelA.InvMass, mB = modelB.InvMass;
        T iA = modelA.InvI, iB = modelB.InvI;
        j.MassA = mA;
        j.MassB = mB;
        j.InvIA = iA;
        j.InvIB = iB;
        Rot<T> qA = RotOf(a.A), qB = RotOf(b.A);
        Vec2<T> rA = Rot<T>.Mul(qA, j.LocalAnchorA);
        Vec2<T> rB = Rot<T>.Mul(qB, j.LocalAnchorB);
        j.RA = rA;
        j.RB = rB;
        T fixedRotation = T.Equal(iA + iB, F(0f));
        j.FixedRotation = fixedRotation;

        T m11 = mA + mB + rA.Y * rA.Y * iA + rB.Y * rB.Y * iB;
        T m12 = -rA.Y * rA.X * iA - rB.Y * rB.X * iB;
        T m13 = -rA.Y * iA - rB.Y * iB;
        T m22 = mA + mB + rA.X * rA.X * iA + rB.X * rB.X * iB;
        T m23 = rA.X * iA + rB.X * iB;
        T m33 = iA + iB;
        j.Mass = new Mat33<T>(new Vec3<T>(m11, m12, m13), new Vec3<T>(m12, m22, m23), new Vec3<T>(m13, m23, m33));

        T motorMass = iA + iB;
        j.MotorMass = T.Select(T.Greater(motorMass, F(0f)), F(1f) / motorMass, motorMass);
        var slots = Joint(joint);
        j.MotorSpeed = slots.MotorSpeed;
        j.MaxMotorImpulse = dt * slots.MaxMotorTorque;
        T motorImpulse = T.Select(fixedRotation, F(0f), slots.MotorImpulse);

        Vec3<T> impulse = slots.Impulse;
        impulse.Z = UpdateLimitState(ref j, slots.Limit, b.A - a.A - j.ReferenceAngle, impulse.Z);
        slots.Limit = j.LimitState;

        // Warm starting: scale the impulses for a variable time step.
        impulse = new Vec3<T>(dtRatio * impulse.X, dtRatio * impulse.Y, dtRatio * impulse.Z);
        motorImpulse *= dtRatio;
        var p = new Vec2<T>(impulse.X, impulse.Y);
        a.V -= mA * p;
        a.W -= iA * (Vec2<T>.Cross(rA, p) + motorImpulse + impulse.Z);
        b.V += mB * p;
        b.W += iB * (Vec2<T>.Cross(rB, p) + motorImpulse + impulse.Z);
        j.Impulse = impulse;
        j.MotorImpulse = motorImpulse;
        return j;
    }

    // The limit state from the joint angle (b2RevoluteJoint::InitVelocityConstraints' limit block) and the limit
    // impulse it keeps (zeroed on a new state or an inactive limit); sets the joint's limit masks.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static T UpdateLimitState(ref JointSolver<T> j, T limitState, T jointAngle, T impulseZ)
    {
        T fixedRotation = j.FixedRotation;
        T spread = j.Upper - j.Lower;
        T equal = T.Less(T.Select(T.Greater(spread, F(0f)), spread, -spread), F(2f * Settings.AngularSlop));
        T atLower = T.AndNot(T.Or(T.Less(jointAngle, j.Lower), T.Equal(jointAngle, j.Lower)), equal);
        T atUpper = T.AndNot(T.AndNot(T.Or(T.Greater(jointAngle, j.Upper), T.Equal(jointAngle, j.Upper)), equal), atLower);
        T inactive = T.Not(T.Or(equal, T.Or(atLower, atUpper)));
        T freshLimit = T.Or(T.And(atLower, T.Not(T.Equal(limitState, F(1f)))), T.And(atUpper, T.Not(T.Equal(limitState, F(2f)))));
        T clearZ = T.AndNot(T.Or(freshLimit, inactive), fixedRotation);
        T newState = T.Select(equal, F(3f), T.Select(atLower, F(1f), T.Select(atUpper, F(2f), F(0f))));
        limitState = T.Select(fixedRotation, F(0f), newState);
        j.LimitState = limitState;
        j.MotorOn = T.AndNot(T.Not(T.Equal(limitState, F(3f))), fixedRotation);
        j.LimitOn = T.AndNot(T.Not(T.Equal(limitState, F(0f))), fixedRotation);
        j.Equal = T.Equal(limitState, F(3f));
        j.AtLower = T.Equal(limitState, F(1f));
        j.AtUpper = T.Equal(limitState, F(2f));
        return T.Select(clearZ, F(0f), impulseZ);
    }

    /// <summary><c>b2RevoluteJoint::SolveVelocityConstraints</c>.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void SolveVelocityConstraints(ref JointSolver<T> j, ref SolverBody<T> a, ref SolverBody<T> b)
    {
        Vec2<T> vA = a.V, vB = b.V;
        T wA = a.W, wB = b.W;
        T mA = j.MassA, mB = j.MassB, iA = j.InvIA, iB = j.InvIB;

        if (T.Any(j.MotorOn))
        {
            T cdot = wB - wA - j.MotorSpeed;
            T impulse = -j.MotorMass * cdot;
            T oldImpulse = j.MotorImpulse;
            T motorImpulse = Clamp(oldImpulse + impulse, -j.MaxMotorImpulse, j.MaxMotorImpulse);
            impulse = motorImpulse - oldImpulse;
            j.MotorImpulse = T.Select(j.MotorOn, motorImpulse, oldImpulse);
            wA = T.Select(j.MotorOn, wA - iA * impulse, wA);
            wB = T.Select(j.MotorOn, wB + iB * impulse, wB);
        }

        Vec2<T> cdot1 = vB + Vec2<T>.Cross(wB, j.RB) - vA - Vec2<T>.Cross(wA, j.RA);
        Vec2<T> limitVA = vA, limitVB = vB, pointVA = vA, pointVB = vB;
        T limitWA = wA, limitWB = wB, pointWA = wA, pointWB = wB;
        Vec3<T> limitTotal = j.Impulse;
        if (T.Any(j.LimitOn))
        {
            T cdot2 = wB - wA;
            var cdot = new Vec3<T>(cdot1.X, cdot1.Y, cdot2);
            Vec3<T> solved = j.Mass.Solve33(cdot);
            var impulse = new Vec3<T>(-solved.X, -solved.Y, -solved.Z);
            Vec3<T> total = j.Impulse;
            // At a limit, an impulse that would pull the angle back through it is replaced by the point solve alone.
            T newImpulse = total.Z + impulse.Z;
            T clamp = T.Or(T.And(j.AtLower, T.Less(newImpulse, F(0f))), T.And(j.AtUpper, T.Greater(newImpulse, F(0f))));
            var rhs = new Vec2<T>(-cdot1.X + total.Z * j.Mass.Ez.X, -cdot1.Y + total.Z * j.Mass.Ez.Y);
            Vec2<T> reduced = j.Mass.Solve22(rhs);
            T sum = T.Or(j.Equal, T.AndNot(T.Or(j.AtLower, j.AtUpper), clamp));
            limitTotal = new Vec3<T>(
                T.Select(clamp, total.X + reduced.X, T.Select(sum, total.X + impulse.X, total.X)),
                T.Select(clamp, total.Y + reduced.Y, T.Select(sum, total.Y + impulse.Y, total.Y)),
                T.Select(clamp, F(0f), T.Select(sum, total.Z + impulse.Z, total.Z)));
            impulse = new Vec3<T>(T.Select(clamp, reduced.X, impulse.X), T.Select(clamp, reduced.Y, impulse.Y), T.Select(clamp, -total.Z, impulse.Z));
            var p = new Vec2<T>(impulse.X, impulse.Y);
            limitVA = vA - mA * p;
            limitWA = wA - iA * (Vec2<T>.Cross(j.RA, p) + impulse.Z);
            limitVB = vB + mB * p;
            limitWB = wB + iB * (Vec2<T>.Cross(j.RB, p) + impulse.Z);
        }
        Vec3<T> pointTotal = j.Impulse;
        if (T.Any(T.Not(j.LimitOn)))
        {
            // The point-to-point constraint.
            Vec2<T> impulse = j.Mass.Solve22(-cdot1);
            pointTotal = new Vec3<T>(pointTotal.X + impulse.X, pointTotal.Y + impulse.Y, pointTotal.Z);
            pointVA = vA - mA * impulse;
            pointWA = wA - iA * Vec2<T>.Cross(j.RA, impulse);
            pointVB = vB + mB * impulse;
            pointWB = wB + iB * Vec2<T>.Cross(j.RB, impulse);
        }
        T limit = j.LimitOn;
        j.Impulse = new Vec3<T>(T.Select(limit, limitTotal.X, pointTotal.X), T.Select(limit, limitTotal.Y, pointTotal.Y), T.Select(limit, limitTotal.Z, pointTotal.Z));
        a.V = Vec2<T>.Select(limit, limitVA, pointVA);
        a.W = T.Select(limit, limitWA, pointWA);
        b.V = Vec2<T>.Select(limit, limitVB, pointVB);
        b.W = T.Select(limit, limitWB, pointWB);
    }

    /// <summary><c>b2RevoluteJoint::SolvePositionConstraints</c> in the lanes of <paramref name="mask"/>; returns where the joint is within tolerance.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private readonly T SolvePositionConstraints(in JointSolver<T> j, ref SolverBody<T> a, ref SolverBody<T> b, T mask)
    {
        Vec2<T> cA = a.C, cB = b.C;
        T aA = a.A, aB = b.A;
        T invIA = j.InvIA, invIB = j.InvIB;
        T angularError = F(0f);

        T limit = j.LimitOn;
        if (T.Any(limit))
        {
            T angle = aB - aA - j.ReferenceAngle;
            T maxCorrection = F(Settings.MaxAngularCorrection);
            T cEqual = Clamp(angle - j.Lower, -maxCorrection, maxCorrection);
            T cLower = angle - j.Lower;
            T cLowerClamped = Clamp(cLower + F(Settings.AngularSlop), -maxCorrection, F(0f));
            T cUpper = angle - j.Upper;
            T cUpperClamped = Clamp(cUpper - F(Settings.AngularSlop), F(0f), maxCorrection);
            T c = T.Select(j.Equal, cEqual, T.Select(j.AtLower, cLowerClamped, T.Select(j.AtUpper, cUpperClamped, F(0f))));
            T limitImpulse = T.Select(T.Or(j.Equal, T.Or(j.AtLower, j.AtUpper)), -j.MotorMass * c, F(0f));
            angularError = T.Select(j.Equal, T.Select(T.Greater(cEqual, F(0f)), cEqual, -cEqual),
                T.Select(j.AtLower, -cLower, T.Select(j.AtUpper, cUpper, F(0f))));
            angularError = T.Select(limit, angularError, F(0f));
            aA = T.Select(limit, aA - invIA * limitImpulse, aA);
            aB = T.Select(limit, aB + invIB * limitImpulse, aB);
        }

        Rot<T> qA = RotOf(aA), qB = RotOf(aB);
        Vec2<T> rA = Rot<T>.Mul(qA, j.LocalAnchorA);
        Vec2<T> rB = Rot<T>.Mul(qB, j.LocalAnchorB);
        Vec2<T> cv = cB + rB - cA - rA;
        T positionError = cv.Length();
        T mA = j.MassA, mB = j.MassB, iA = invIA, iB = invIB;
        var k = new Mat22<T>(
            new Vec2<T>(mA + mB + iA * rA.Y * rA.Y + iB * rB.Y * rB.Y, -iA * rA.X * rA.Y - iB * rB.X * rB.Y),
            default);
        k.Ey = new Vec2<T>(k.Ex.Y, mA + mB + iA * rA.X * rA.X + iB * rB.X * rB.X);
        Vec2<T> impulse = -k.Solve(cv);
        cA -= mA * impulse;
        aA -= iA * Vec2<T>.Cross(rA, impulse);
        cB += mB * impulse;
        aB += iB * Vec2<T>.Cross(rB, impulse);
        a.C = Vec2<T>.Select(mask, cA, a.C);
        a.A = T.Select(mask, aA, a.A);
        b.C = Vec2<T>.Select(mask, cB, b.C);
        b.A = T.Select(mask, aB, b.A);
        return T.Not(T.Or(T.Greater(positionError, F(Settings.LinearSlop)), T.Greater(angularError, F(Settings.AngularSlop))));
    }

    // b2Clamp(a, low, high) = b2Max(low, b2Min(a, high)).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T Clamp(T a, T low, T high)
    {
        T m = T.Select(T.Less(a, high), a, high);
        return T.Select(T.Less(m, low), low, m);
    }
}
