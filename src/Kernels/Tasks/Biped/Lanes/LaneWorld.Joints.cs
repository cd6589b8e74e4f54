using Wann.Kernels.Tasks.Biped.Physics;
using static Wann.Kernels.Tasks.Biped.Lanes.BipedLayout;

namespace Wann.Kernels.Tasks.Biped.Lanes;

// b2RevoluteJoint for the walker's four joints: motor and limit on, both bodies dynamic (so never fixed rotation).
// Limit states: 0 inactive, 1 at lower, 2 at upper, 3 equal (as Box2D's b2LimitState).
public partial struct LaneWorld<T, TState, TEpisode, TTrig>
{
    private Vec2 AnchorA(int joint) => new(E(EJ(joint) + JointAnchorAx), E(EJ(joint) + JointAnchorAy));

    private Vec2 AnchorB(int joint) => new(E(EJ(joint) + JointAnchorBx), E(EJ(joint) + JointAnchorBy));

    private void InitJoint(int joint, float dt, float dtRatio)
    {
        int j = J(joint), bodyA = JointBodyA(joint), bodyB = JointBodyB(joint);
        Vec2 localCenterA = LocalCenterOf(bodyA), localCenterB = LocalCenterOf(bodyB);
        float mA = InvMassOf(bodyA), mB = InvMassOf(bodyB);
        float iA = InvIOf(bodyA), iB = InvIOf(bodyB);
        float aA = S(B(bodyA) + SolverA);
        Vec2 vA = SolverV(bodyA);
        float wA = S(B(bodyA) + SolverW);
        float aB = S(B(bodyB) + SolverA);
        Vec2 vB = SolverV(bodyB);
        float wB = S(B(bodyB) + SolverW);

        Rot qA = RotOf(aA), qB = RotOf(aB);
        Vec2 rA = Rot.Mul(qA, AnchorA(joint) - localCenterA);
        Vec2 rB = Rot.Mul(qB, AnchorB(joint) - localCenterB);
        Set(j + JointRax, rA.X);
        Set(j + JointRay, rA.Y);
        Set(j + JointRbx, rB.X);
        Set(j + JointRby, rB.Y);
        bool fixedRotation = iA + iB == 0f;

        float m11 = mA + mB + rA.Y * rA.Y * iA + rB.Y * rB.Y * iB;
        float m12 = -rA.Y * rA.X * iA - rB.Y * rB.X * iB;
        float m13 = -rA.Y * iA - rB.Y * iB;
        float m22 = mA + mB + rA.X * rA.X * iA + rB.X * rB.X * iB;
        float m23 = rA.X * iA + rB.X * iB;
        float m33 = iA + iB;
        Set(j + Mass11, m11);
        Set(j + Mass12, m12);
        Set(j + Mass13, m13);
        Set(j + Mass22, m22);
        Set(j + Mass23, m23);
        Set(j + Mass33, m33);

        float motorMass = iA + iB;
        if (motorMass > 0f) motorMass = 1f / motorMass;
        Set(j + MotorMass, motorMass);
        float motorImpulse = S(j + MotorImpulse);
        if (fixedRotation) motorImpulse = 0f;

        var impulse = new Vec3(S(j + ImpulseX), S(j + ImpulseY), S(j + ImpulseZ));
        int limitState = SI(j + JointLimit);
        if (!fixedRotation)
        {
            float jointAngle = aB - aA - E(EJ(joint) + JointReference);
            float lower = E(EJ(joint) + JointLower), upper = E(EJ(joint) + JointUpper);
            float spread = upper - lower;
            if ((spread > 0f ? spread : -spread) < 2f * Settings.AngularSlop)
            {
                limitState = 3;
            }
            else if (jointAngle <= lower)
            {
                if (limitState != 1) impulse.Z = 0f;
                limitState = 1;
            }
            else if (jointAngle >= upper)
            {
                if (limitState != 2) impulse.Z = 0f;
                limitState = 2;
            }
            else
            {
                limitState = 0;
                impulse.Z = 0f;
            }
        }
        else
        {
            limitState = 0;
        }
        SetI(j + JointLimit, limitState);

        // Warm starting: scale the impulses for a variable time step.
        impulse = dtRatio * impulse;
        motorImpulse *= dtRatio;
        var p = new Vec2(impulse.X, impulse.Y);
        vA -= mA * p;
        wA -= iA * (Vec2.Cross(rA, p) + motorImpulse + impulse.Z);
        vB += mB * p;
        wB += iB * (Vec2.Cross(rB, p) + motorImpulse + impulse.Z);
        Set(j + ImpulseX, impulse.X);
        Set(j + ImpulseY, impulse.Y);
        Set(j + ImpulseZ, impulse.Z);
        Set(j + MotorImpulse, motorImpulse);
        SetSolverV(bodyA, vA, wA);
        SetSolverV(bodyB, vB, wB);
    }

    private Mat33 JointMass(int j)
    {
        Mat33 m;
        m.Ex = new Vec3(S(j + Mass11), S(j + Mass12), S(j + Mass13));
        m.Ey = new Vec3(S(j + Mass12), S(j + Mass22), S(j + Mass23));
        m.Ez = new Vec3(S(j + Mass13), S(j + Mass23), S(j + Mass33));
        return m;
    }

    private void SolveJointVelocity(int joint, float dt)
    {
        int j = J(joint), bodyA = JointBodyA(joint), bodyB = JointBodyB(joint);
        Vec2 vA = SolverV(bodyA);
        float wA = S(B(bodyA) + SolverW);
        Vec2 vB = SolverV(bodyB);
        float wB = S(B(bodyB) + SolverW);
        float mA = InvMassOf(bodyA), mB = InvMassOf(bodyB);
        float iA = InvIOf(bodyA), iB = InvIOf(bodyB);
        bool fixedRotation = iA + iB == 0f;
        int limitState = SI(j + JointLimit);
        var rA = new Vec2(S(j + JointRax), S(j + JointRay));
        var rB = new Vec2(S(j + JointRbx), S(j + JointRby));

        if (limitState != 3 && !fixedRotation)
        {
            float cdot = wB - wA - S(j + MotorSpeed);
            float impulse = -S(j + MotorMass) * cdot;
            float oldImpulse = S(j + MotorImpulse);
            float maxImpulse = dt * S(j + MaxMotorTorque);
            float motorImpulse = Clamp(oldImpulse + impulse, -maxImpulse, maxImpulse);
            Set(j + MotorImpulse, motorImpulse);
            impulse = motorImpulse - oldImpulse;
            wA -= iA * impulse;
            wB += iB * impulse;
        }

        if (limitState != 0 && !fixedRotation)
        {
            Vec2 cdot1 = vB + Vec2.Cross(wB, rB) - vA - Vec2.Cross(wA, rA);
            float cdot2 = wB - wA;
            var cdot = new Vec3(cdot1.X, cdot1.Y, cdot2);
            Mat33 mass = JointMass(j);
            Vec3 impulse = -mass.Solve33(cdot);
            var total = new Vec3(S(j + ImpulseX), S(j + ImpulseY), S(j + ImpulseZ));
            if (limitState == 3)
            {
                total += impulse;
            }
            else if (limitState == 1 || limitState == 2)
            {
                float newImpulse = total.Z + impulse.Z;
                if (limitState == 1 ? newImpulse < 0f : newImpulse > 0f)
                {
                    Vec2 rhs = -cdot1 + total.Z * new Vec2(mass.Ez.X, mass.Ez.Y);
                    Vec2 reduced = mass.Solve22(rhs);
                    impulse.X = reduced.X;
                    impulse.Y = reduced.Y;
                    impulse.Z = -total.Z;
                    total.X += reduced.X;
                    total.Y += reduced.Y;
                    total.Z = 0f;
                }
                else
                {
                    total += impulse;
                }
            }
            Set(j + ImpulseX, total.X);
            Set(j + ImpulseY, total.Y);
            Set(j + ImpulseZ, total.Z);
            var p = new Vec2(impulse.X, impulse.Y);
            vA -= mA * p;
            wA -= iA * (Vec2.Cross(rA, p) + impulse.Z);
            vB += mB * p;
            wB += iB * (Vec2.Cross(rB, p) + impulse.Z);
        }
        else
        {
            // The point-to-point constraint.
            Vec2 cdot = vB + Vec2.Cross(wB, rB) - vA - Vec2.Cross(wA, rA);
            Vec2 impulse = JointMass(j).Solve22(-cdot);
            Set(j + ImpulseX, S(j + ImpulseX) + impulse.X);
            Set(j + ImpulseY, S(j + ImpulseY) + impulse.Y);
            vA -= mA * impulse;
            wA -= iA * Vec2.Cross(rA, impulse);
            vB += mB * impulse;
            wB += iB * Vec2.Cross(rB, impulse);
        }
        SetSolverV(bodyA, vA, wA);
        SetSolverV(bodyB, vB, wB);
    }

    private bool SolveJointPosition(int joint)
    {
        int j = J(joint), bodyA = JointBodyA(joint), bodyB = JointBodyB(joint);
        Vec2 cA = SolverC(bodyA);
        float aA = S(B(bodyA) + SolverA);
        Vec2 cB = SolverC(bodyB);
        float aB = S(B(bodyB) + SolverA);
        float invIA = InvIOf(bodyA), invIB = InvIOf(bodyB);
        float angularError = 0f;
        bool fixedRotation = invIA + invIB == 0f;
        int limitState = SI(j + JointLimit);

        if (limitState != 0 && !fixedRotation)
        {
            float angle = aB - aA - E(EJ(joint) + JointReference);
            float lower = E(EJ(joint) + JointLower), upper = E(EJ(joint) + JointUpper);
            float limitImpulse = 0f;
            float motorMass = S(j + MotorMass);
            if (limitState == 3)
            {
                float c = Clamp(angle - lower, -Settings.MaxAngularCorrection, Settings.MaxAngularCorrection);
                limitImpulse = -motorMass * c;
                angularError = c > 0f ? c : -c;
            }
            else if (limitState == 1)
            {
                float c = angle - lower;
                angularError = -c;
                c = Clamp(c + Settings.AngularSlop, -Settings.MaxAngularCorrection, 0f);
                limitImpulse = -motorMass * c;
            }
            else if (limitState == 2)
            {
                float c = angle - upper;
                angularError = c;
                c = Clamp(c - Settings.AngularSlop, 0f, Settings.MaxAngularCorrection);
                limitImpulse = -motorMass * c;
            }
            aA -= invIA * limitImpulse;
            aB += invIB * limitImpulse;
        }

        float positionError;
        {
            Rot qA = RotOf(aA), qB = RotOf(aB);
            Vec2 rA = Rot.Mul(qA, AnchorA(joint) - LocalCenterOf(bodyA));
            Vec2 rB = Rot.Mul(qB, AnchorB(joint) - LocalCenterOf(bodyB));
            Vec2 c = cB + rB - cA - rA;
            positionError = c.Length();
            float mA = InvMassOf(bodyA), mB = InvMassOf(bodyB);
            float iA = invIA, iB = invIB;
            Mat22 k;
            k.Ex.X = mA + mB + iA * rA.Y * rA.Y + iB * rB.Y * rB.Y;
            k.Ex.Y = -iA * rA.X * rA.Y - iB * rB.X * rB.Y;
            k.Ey.X = k.Ex.Y;
            k.Ey.Y = mA + mB + iA * rA.X * rA.X + iB * rB.X * rB.X;
            Vec2 impulse = -k.Solve(c);
            cA -= mA * impulse;
            aA -= iA * Vec2.Cross(rA, impulse);
            cB += mB * impulse;
            aB += iB * Vec2.Cross(rB, impulse);
        }
        SetSolverC(bodyA, cA, aA);
        SetSolverC(bodyB, cB, aB);
        return !(positionError > Settings.LinearSlop) && !(angularError > Settings.AngularSlop);
    }
}
