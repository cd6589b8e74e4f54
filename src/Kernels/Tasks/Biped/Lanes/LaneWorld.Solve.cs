using Wann.Kernels.Tasks.Biped.Physics;
using static Wann.Kernels.Tasks.Biped.Lanes.BipedLayout;

namespace Wann.Kernels.Tasks.Biped.Lanes;

// b2World::Solve and b2Island::Solve. The five dynamic bodies are joined by the joints, so there is one island
// and its depth-first search from the last created body always meets them as lower leg 1, upper leg 1, hull,
// upper leg 0, lower leg 0, and the joints as knee 1, hip 1, hip 0, knee 0; contacts join the island in that
// body order, each body's in its contact-list order. Every contact's fixture A is a static edge (origin,
// angle 0, no mass), whose solver values stay zero: the arithmetic on them is kept as Box2D does it.
public partial struct LaneWorld<T, TState, TEpisode, TTrig>
{
    private static int IslandBody(int k) => k switch { 0 => 4, 1 => 3, 2 => 0, 3 => 1, _ => 2 };

    private static int IslandJoint(int k) => k switch { 0 => 3, 1 => 2, 2 => 0, _ => 1 };

    private void Solve(float dt, float invDt, float dtRatio)
    {
        // The island's contacts.
        int count = 0;
        for (int k = 0; k < BodyCount; k++)
        {
            for (int c = SI(B(IslandBody(k)) + BodyContacts); c != -1; c = SI(C(c) + NextB))
            {
                if (S(C(c) + Enabled) == 0f || S(C(c) + Touching) == 0f) continue;
                SetI(IslandContacts + count, c);
                count++;
            }
        }
        SetI(IslandCount, count);

        float h = dt;
        for (int b = 0; b < BodyCount; b++)
        {
            int s = B(b);
            float cx = S(s + Cx), cy = S(s + Cy), a = S(s + A);
            var v = new Vec2(S(s + Vx), S(s + Vy));
            float w = S(s + W);
            Set(s + C0x, cx);
            Set(s + C0y, cy);
            Set(s + A0, a);
            float invMass = E(EB(b) + BodyInvMass), invI = E(EB(b) + BodyInvI);
            var force = new Vec2(b == 0 ? S(HullForceX) : 0f, 0f);
            v += h * (1f * new Vec2(0f, -10f) + invMass * force);
            w += h * invI * 0f;
            Set(s + SolverCx, cx);
            Set(s + SolverCy, cy);
            Set(s + SolverA, a);
            Set(s + SolverVx, v.X);
            Set(s + SolverVy, v.Y);
            Set(s + SolverW, w);
        }

        InitializeContacts(dtRatio, warmStarting: true);
        InitializeVelocityConstraints();
        WarmStart();
        for (int k = 0; k < JointCount; k++) InitJoint(IslandJoint(k), dt, dtRatio);

        for (int i = 0; i < BipedConstants.VelocityIterations; i++)
        {
            for (int k = 0; k < JointCount; k++) SolveJointVelocity(IslandJoint(k), dt);
            SolveVelocityConstraints();
        }
        StoreImpulses();
        Integrate(h, writeBack: false);

        for (int i = 0; i < BipedConstants.PositionIterations; i++)
        {
            bool contactsOkay = !(SolvePositions(Settings.Baumgarte, -1, false) < -3f * Settings.LinearSlop);
            bool jointsOkay = true;
            for (int k = 0; k < JointCount; k++)
            {
                bool jointOkay = SolveJointPosition(IslandJoint(k));
                jointsOkay = jointsOkay && jointOkay;
            }
            if (contactsOkay && jointsOkay) break;
        }

        for (int b = 0; b < BodyCount; b++)
        {
            int s = B(b);
            Set(s + Cx, S(s + SolverCx));
            Set(s + Cy, S(s + SolverCy));
            Set(s + A, S(s + SolverA));
            Set(s + Vx, S(s + SolverVx));
            Set(s + Vy, S(s + SolverVy));
            Set(s + W, S(s + SolverW));
            SynchronizeTransform(b);
        }
        // Sleeping never triggers for the walker (its bodies never rest for half a second), so it is left out.

        for (int b = BodyCount - 1; b >= 0; b--) SynchronizeFixtures(b);
        FindNewContacts(allMoved: false);
    }

    private void SynchronizeTransform(int b)
    {
        int s = B(b);
        Rot q = RotOf(S(s + A));
        Vec2 p = new Vec2(S(s + Cx), S(s + Cy)) - Rot.Mul(q, new Vec2(E(EB(b) + BodyLocalCx), E(EB(b) + BodyLocalCy)));
        Set(s + QSin, q.S);
        Set(s + QCos, q.C);
        Set(s + Px, p.X);
        Set(s + Py, p.Y);
    }

    // b2Body::SynchronizeFixtures + b2BroadPhase::MoveProxy: the AABB swept from (c0, a0) to the transform.
    private void SynchronizeFixtures(int b)
    {
        int s = B(b);
        Transform xf1;
        xf1.Q = RotOf(S(s + A0));
        xf1.P = new Vec2(S(s + C0x), S(s + C0y)) - Rot.Mul(xf1.Q, new Vec2(E(EB(b) + BodyLocalCx), E(EB(b) + BodyLocalCy)));
        Transform xf2 = BodyTransform(b);
        Aabb aabb1 = PolygonAabb(b, xf1);
        Aabb aabb2 = PolygonAabb(b, xf2);
        Aabb aabb = Aabb.Combine(aabb1, aabb2);
        Vec2 displacement = xf2.P - xf1.P;
        if (!(S(s + FatLowerX) > aabb.Lower.X) && !(S(s + FatLowerY) > aabb.Lower.Y) && !(aabb.Upper.X > S(s + FatUpperX)) && !(aabb.Upper.Y > S(s + FatUpperY)))
            return;
        var r = new Vec2(Settings.AabbExtension, Settings.AabbExtension);
        Aabb fat;
        fat.Lower = aabb.Lower - r;
        fat.Upper = aabb.Upper + r;
        Vec2 d = Settings.AabbMultiplier * displacement;
        if (d.X < 0f) fat.Lower.X += d.X; else fat.Upper.X += d.X;
        if (d.Y < 0f) fat.Lower.Y += d.Y; else fat.Upper.Y += d.Y;
        Set(s + FatLowerX, fat.Lower.X);
        Set(s + FatLowerY, fat.Lower.Y);
        Set(s + FatUpperX, fat.Upper.X);
        Set(s + FatUpperY, fat.Upper.Y);
        Set(s + Moved, 1f);
    }

    private Aabb PolygonAabb(int b, in Transform xf)
    {
        int count = (int)E(EB(b) + BodyVertexCount);
        Vec2 lower = Transform.Mul(xf, LocalVertex(b, 0));
        Vec2 upper = lower;
        for (int i = 1; i < count; i++)
        {
            Vec2 v = Transform.Mul(xf, LocalVertex(b, i));
            lower = Vec2.Min(lower, v);
            upper = Vec2.Max(upper, v);
        }
        var r = new Vec2(Settings.PolygonRadius, Settings.PolygonRadius);
        return new Aabb { Lower = lower - r, Upper = upper + r };
    }

    private void Integrate(float h, bool writeBack)
    {
        for (int b = 0; b < BodyCount; b++)
        {
            if (writeBack && S(B(b) + IslandFlag) == 0f) continue;
            int s = B(b);
            var c = new Vec2(S(s + SolverCx), S(s + SolverCy));
            float a = S(s + SolverA);
            var v = new Vec2(S(s + SolverVx), S(s + SolverVy));
            float w = S(s + SolverW);
            Vec2 translation = h * v;
            if (Vec2.Dot(translation, translation) > Settings.MaxTranslationSquared)
            {
                float ratio = Settings.MaxTranslation / translation.Length();
                v = ratio * v;
            }
            float rotation = h * w;
            if (rotation * rotation > Settings.MaxRotationSquared)
            {
                float ratio = Settings.MaxRotation / (rotation > 0f ? rotation : -rotation);
                w *= ratio;
            }
            c += h * v;
            a += h * w;
            Set(s + SolverCx, c.X);
            Set(s + SolverCy, c.Y);
            Set(s + SolverA, a);
            Set(s + SolverVx, v.X);
            Set(s + SolverVy, v.Y);
            Set(s + SolverW, w);
            if (writeBack)
            {
                Set(s + Cx, c.X);
                Set(s + Cy, c.Y);
                Set(s + A, a);
                Set(s + Vx, v.X);
                Set(s + Vy, v.Y);
                Set(s + W, w);
                SynchronizeTransform(b);
            }
        }
    }
}
