using Wann.Kernels.Tasks.Biped.Physics;
using static Wann.Kernels.Tasks.Biped.Lanes.BipedLayout;

namespace Wann.Kernels.Tasks.Biped.Lanes;

// b2ContactSolver over the island's contacts (slots Island[0, IslandCount)), each constraint kept in its
// contact's slots. Body A of every contact is a static edge: its position, angle and velocities are zero.
public partial struct LaneWorld<T, TState, TEpisode, TTrig>
{
    private float InvMassOf(int body) => E(EB(body) + BodyInvMass);

    private float InvIOf(int body) => E(EB(body) + BodyInvI);

    private Vec2 LocalCenterOf(int body) => new(E(EB(body) + BodyLocalCx), E(EB(body) + BodyLocalCy));

    private Vec2 SolverC(int body) => new(S(B(body) + SolverCx), S(B(body) + SolverCy));

    private Vec2 SolverV(int body) => new(S(B(body) + SolverVx), S(B(body) + SolverVy));

    private void SetSolverC(int body, Vec2 c, float a)
    {
        Set(B(body) + SolverCx, c.X);
        Set(B(body) + SolverCy, c.Y);
        Set(B(body) + SolverA, a);
    }

    private void SetSolverV(int body, Vec2 v, float w)
    {
        Set(B(body) + SolverVx, v.X);
        Set(B(body) + SolverVy, v.Y);
        Set(B(body) + SolverW, w);
    }

    private static int Cp(int s, int j) => s + Constraint + j * ConstraintStride;

    // b2ContactSolver's constructor: impulses scaled for warm starting (or zero), the rest cleared.
    private void InitializeContacts(float dtRatio, bool warmStarting)
    {
        int count = SI(IslandCount);
        for (int i = 0; i < count; i++)
        {
            int s = C(SI(IslandContacts + i));
            int pointCount = SI(s + PointCount);
            SetI(s + ConstraintPoints, pointCount);
            for (int k = K11; k <= K22; k++) Set(s + k, 0f);
            for (int k = NormalMass11; k <= NormalMass22; k++) Set(s + k, 0f);
            for (int j = 0; j < pointCount; j++)
            {
                int p = s + Points + j * PointStride, cp = Cp(s, j);
                Set(cp + CpNormalImpulse, warmStarting ? dtRatio * S(p + NormalImpulse) : 0f);
                Set(cp + CpTangentImpulse, warmStarting ? dtRatio * S(p + TangentImpulse) : 0f);
                Set(cp + RAx, 0f);
                Set(cp + RAy, 0f);
                Set(cp + RBx, 0f);
                Set(cp + RBy, 0f);
                Set(cp + CpNormalMass, 0f);
                Set(cp + CpTangentMass, 0f);
                Set(cp + VelocityBias, 0f);
            }
        }
    }

    private Transform SolverTransform(Vec2 c, float a, Vec2 localCenter)
    {
        Transform xf;
        xf.Q = RotOf(a);
        xf.P = c - Rot.Mul(xf.Q, localCenter);
        return xf;
    }

    private void InitializeVelocityConstraints()
    {
        int count = SI(IslandCount);
        for (int i = 0; i < count; i++)
        {
            int s = C(SI(IslandContacts + i));
            int body = SI(s + ContactBody);
            const float radiusA = Settings.PolygonRadius, radiusB = Settings.PolygonRadius;
            const float mA = 0f, iA = 0f;
            float mB = InvMassOf(body), iB = InvIOf(body);
            Vec2 cA = default;
            const float aA = 0f;
            Vec2 vA = default;
            const float wA = 0f;
            Vec2 cB = SolverC(body);
            float aB = S(B(body) + SolverA);
            Vec2 vB = SolverV(body);
            float wB = S(B(body) + SolverW);
            Transform xfA = SolverTransform(cA, aA, default);
            Transform xfB = SolverTransform(cB, aB, LocalCenterOf(body));

            // b2WorldManifold::Initialize
            int manifoldPoints = SI(s + PointCount);
            var localNormal = new Vec2(S(s + LocalNormalX), S(s + LocalNormalY));
            var localPoint = new Vec2(S(s + LocalPointX), S(s + LocalPointY));
            Vec2 normal = default, point0 = default, point1 = default;
            if (manifoldPoints > 0)
            {
                bool faceA = S(s + ManifoldKind) == 1f;
                normal = Rot.Mul(faceA ? xfA.Q : xfB.Q, localNormal);
                Vec2 planePoint = Transform.Mul(faceA ? xfA : xfB, localPoint);
                for (int j = 0; j < manifoldPoints; j++)
                {
                    int p = s + Points + j * PointStride;
                    Vec2 clipPoint = Transform.Mul(faceA ? xfB : xfA, new Vec2(S(p + PointX), S(p + PointY)));
                    Vec2 mid;
                    if (faceA)
                    {
                        Vec2 pa = clipPoint + (radiusA - Vec2.Dot(clipPoint - planePoint, normal)) * normal;
                        Vec2 pb = clipPoint - radiusB * normal;
                        mid = 0.5f * (pa + pb);
                    }
                    else
                    {
                        Vec2 pb = clipPoint + (radiusB - Vec2.Dot(clipPoint - planePoint, normal)) * normal;
                        Vec2 pa = clipPoint - radiusA * normal;
                        mid = 0.5f * (pa + pb);
                    }
                    if (j == 0) point0 = mid; else point1 = mid;
                }
                if (!faceA) normal = -normal;
            }
            Set(s + NormalX, normal.X);
            Set(s + NormalY, normal.Y);

            int pointCount = SI(s + ConstraintPoints);
            for (int j = 0; j < pointCount; j++)
            {
                int cp = Cp(s, j);
                Vec2 point = j == 0 ? point0 : point1;
                Vec2 rA = point - cA;
                Vec2 rB = point - cB;
                Set(cp + RAx, rA.X);
                Set(cp + RAy, rA.Y);
                Set(cp + RBx, rB.X);
                Set(cp + RBy, rB.Y);
                float rnA = Vec2.Cross(rA, normal);
                float rnB = Vec2.Cross(rB, normal);
                float kNormal = mA + mB + iA * rnA * rnA + iB * rnB * rnB;
                Set(cp + CpNormalMass, kNormal > 0f ? 1f / kNormal : 0f);
                Vec2 tangent = Vec2.Cross(normal, 1f);
                float rtA = Vec2.Cross(rA, tangent);
                float rtB = Vec2.Cross(rB, tangent);
                float kTangent = mA + mB + iA * rtA * rtA + iB * rtB * rtB;
                Set(cp + CpTangentMass, kTangent > 0f ? 1f / kTangent : 0f);
                // Restitution is 0 everywhere, so the bias is 0 or -0 x vRel.
                float bias = 0f;
                float vRel = Vec2.Dot(normal, vB + Vec2.Cross(wB, rB) - vA - Vec2.Cross(wA, rA));
                if (vRel < -Settings.VelocityThreshold) bias = -0f * vRel;
                Set(cp + VelocityBias, bias);
            }

            if (pointCount == 2)
            {
                int cp1 = Cp(s, 0), cp2 = Cp(s, 1);
                var rA1 = new Vec2(S(cp1 + RAx), S(cp1 + RAy));
                var rB1 = new Vec2(S(cp1 + RBx), S(cp1 + RBy));
                var rA2 = new Vec2(S(cp2 + RAx), S(cp2 + RAy));
                var rB2 = new Vec2(S(cp2 + RBx), S(cp2 + RBy));
                float rn1A = Vec2.Cross(rA1, normal);
                float rn1B = Vec2.Cross(rB1, normal);
                float rn2A = Vec2.Cross(rA2, normal);
                float rn2B = Vec2.Cross(rB2, normal);
                float k11 = mA + mB + iA * rn1A * rn1A + iB * rn1B * rn1B;
                float k22 = mA + mB + iA * rn2A * rn2A + iB * rn2B * rn2B;
                float k12 = mA + mB + iA * rn1A * rn2A + iB * rn1B * rn2B;
                const float kMaxConditionNumber = 1000f;
                if (k11 * k11 < kMaxConditionNumber * (k11 * k22 - k12 * k12))
                {
                    Mat22 k;
                    k.Ex = new Vec2(k11, k12);
                    k.Ey = new Vec2(k12, k22);
                    Mat22 inverse = k.GetInverse();
                    Set(s + K11, k.Ex.X);
                    Set(s + K21, k.Ex.Y);
                    Set(s + K12, k.Ey.X);
                    Set(s + K22, k.Ey.Y);
                    Set(s + NormalMass11, inverse.Ex.X);
                    Set(s + NormalMass21, inverse.Ex.Y);
                    Set(s + NormalMass12, inverse.Ey.X);
                    Set(s + NormalMass22, inverse.Ey.Y);
                }
                else
                {
                    // Redundant constraints: use one point.
                    SetI(s + ConstraintPoints, 1);
                }
            }
        }
    }

    private void WarmStart()
    {
        int count = SI(IslandCount);
        for (int i = 0; i < count; i++)
        {
            int s = C(SI(IslandContacts + i));
            int body = SI(s + ContactBody);
            const float mA = 0f, iA = 0f;
            float mB = InvMassOf(body), iB = InvIOf(body);
            int pointCount = SI(s + ConstraintPoints);
            Vec2 vA = default;
            float wA = 0f;
            Vec2 vB = SolverV(body);
            float wB = S(B(body) + SolverW);
            var normal = new Vec2(S(s + NormalX), S(s + NormalY));
            Vec2 tangent = Vec2.Cross(normal, 1f);
            for (int j = 0; j < pointCount; j++)
            {
                int cp = Cp(s, j);
                Vec2 p = S(cp + CpNormalImpulse) * normal + S(cp + CpTangentImpulse) * tangent;
                wA -= iA * Vec2.Cross(new Vec2(S(cp + RAx), S(cp + RAy)), p);
                vA -= mA * p;
                wB += iB * Vec2.Cross(new Vec2(S(cp + RBx), S(cp + RBy)), p);
                vB += mB * p;
            }
            SetSolverV(body, vB, wB);
        }
    }

    private void SolveVelocityConstraints()
    {
        int count = SI(IslandCount);
        for (int i = 0; i < count; i++)
        {
            int s = C(SI(IslandContacts + i));
            int body = SI(s + ContactBody);
            const float mA = 0f, iA = 0f;
            float mB = InvMassOf(body), iB = InvIOf(body);
            int pointCount = SI(s + ConstraintPoints);
            Vec2 vA = default;
            float wA = 0f;
            Vec2 vB = SolverV(body);
            float wB = S(B(body) + SolverW);
            var normal = new Vec2(S(s + NormalX), S(s + NormalY));
            Vec2 tangent = Vec2.Cross(normal, 1f);
            float friction = MathF.Sqrt(BipedConstants.Friction * E(EB(body) + BodyFriction));

            // Tangent constraints first: non-penetration matters more than friction.
            for (int j = 0; j < pointCount; j++)
            {
                int cp = Cp(s, j);
                var rA = new Vec2(S(cp + RAx), S(cp + RAy));
                var rB = new Vec2(S(cp + RBx), S(cp + RBy));
                Vec2 dv = vB + Vec2.Cross(wB, rB) - vA - Vec2.Cross(wA, rA);
                float vt = Vec2.Dot(dv, tangent) - 0f;
                float lambda = S(cp + CpTangentMass) * (-vt);
                float maxFriction = friction * S(cp + CpNormalImpulse);
                float oldImpulse = S(cp + CpTangentImpulse);
                float newImpulse = Clamp(oldImpulse + lambda, -maxFriction, maxFriction);
                lambda = newImpulse - oldImpulse;
                Set(cp + CpTangentImpulse, newImpulse);
                Vec2 p = lambda * tangent;
                vA -= mA * p;
                wA -= iA * Vec2.Cross(rA, p);
                vB += mB * p;
                wB += iB * Vec2.Cross(rB, p);
            }

            if (pointCount == 1)
            {
                int cp = Cp(s, 0);
                var rA = new Vec2(S(cp + RAx), S(cp + RAy));
                var rB = new Vec2(S(cp + RBx), S(cp + RBy));
                Vec2 dv = vB + Vec2.Cross(wB, rB) - vA - Vec2.Cross(wA, rA);
                float vn = Vec2.Dot(dv, normal);
                float lambda = -S(cp + CpNormalMass) * (vn - S(cp + VelocityBias));
                float oldImpulse = S(cp + CpNormalImpulse);
                float sum = oldImpulse + lambda;
                float newImpulse = sum > 0f ? sum : 0f;
                lambda = newImpulse - oldImpulse;
                Set(cp + CpNormalImpulse, newImpulse);
                Vec2 p = lambda * normal;
                vA -= mA * p;
                wA -= iA * Vec2.Cross(rA, p);
                vB += mB * p;
                wB += iB * Vec2.Cross(rB, p);
            }
            else
            {
                int cp1 = Cp(s, 0), cp2 = Cp(s, 1);
                var rA1 = new Vec2(S(cp1 + RAx), S(cp1 + RAy));
                var rB1 = new Vec2(S(cp1 + RBx), S(cp1 + RBy));
                var rA2 = new Vec2(S(cp2 + RAx), S(cp2 + RAy));
                var rB2 = new Vec2(S(cp2 + RBx), S(cp2 + RBy));
                Mat22 k, normalMass;
                k.Ex = new Vec2(S(s + K11), S(s + K21));
                k.Ey = new Vec2(S(s + K12), S(s + K22));
                normalMass.Ex = new Vec2(S(s + NormalMass11), S(s + NormalMass21));
                normalMass.Ey = new Vec2(S(s + NormalMass12), S(s + NormalMass22));
                var a = new Vec2(S(cp1 + CpNormalImpulse), S(cp2 + CpNormalImpulse));
                Vec2 dv1 = vB + Vec2.Cross(wB, rB1) - vA - Vec2.Cross(wA, rA1);
                Vec2 dv2 = vB + Vec2.Cross(wB, rB2) - vA - Vec2.Cross(wA, rA2);
                float vn1 = Vec2.Dot(dv1, normal);
                float vn2 = Vec2.Dot(dv2, normal);
                Vec2 b;
                b.X = vn1 - S(cp1 + VelocityBias);
                b.Y = vn2 - S(cp2 + VelocityBias);
                b -= Mat22.Mul(k, a);
                Vec2 x;
                bool solved = true;
                for (;;)
                {
                    // Case 1: both constraints active, x = -inv(K) b.
                    x = -Mat22.Mul(normalMass, b);
                    if (!(x.X < 0f) && !(x.Y < 0f)) break;
                    // Case 2: only the first point active.
                    x.X = -S(cp1 + CpNormalMass) * b.X;
                    x.Y = 0f;
                    vn2 = k.Ex.Y * x.X + b.Y;
                    if (!(x.X < 0f) && !(vn2 < 0f)) break;
                    // Case 3: only the second point active.
                    x.X = 0f;
                    x.Y = -S(cp2 + CpNormalMass) * b.Y;
                    vn1 = k.Ey.X * x.Y + b.X;
                    if (!(x.Y < 0f) && !(vn1 < 0f)) break;
                    // Case 4: neither.
                    x.X = 0f;
                    x.Y = 0f;
                    vn1 = b.X;
                    vn2 = b.Y;
                    if (!(vn1 < 0f) && !(vn2 < 0f)) break;
                    // No solution: leave the impulses as they are.
                    solved = false;
                    break;
                }
                if (solved)
                {
                    Vec2 d = x - a;
                    Vec2 p1 = d.X * normal;
                    Vec2 p2 = d.Y * normal;
                    vA -= mA * (p1 + p2);
                    wA -= iA * (Vec2.Cross(rA1, p1) + Vec2.Cross(rA2, p2));
                    vB += mB * (p1 + p2);
                    wB += iB * (Vec2.Cross(rB1, p1) + Vec2.Cross(rB2, p2));
                    Set(cp1 + CpNormalImpulse, x.X);
                    Set(cp2 + CpNormalImpulse, x.Y);
                }
            }
            SetSolverV(body, vB, wB);
        }
    }

    private void StoreImpulses()
    {
        int count = SI(IslandCount);
        for (int i = 0; i < count; i++)
        {
            int s = C(SI(IslandContacts + i));
            int pointCount = SI(s + ConstraintPoints);
            for (int j = 0; j < pointCount; j++)
            {
                Set(s + Points + j * PointStride + NormalImpulse, S(Cp(s, j) + CpNormalImpulse));
                Set(s + Points + j * PointStride + TangentImpulse, S(Cp(s, j) + CpTangentImpulse));
            }
        }
    }

    // b2ContactSolver::SolvePositionConstraints (toiBody &lt; 0) or SolveTOIPositionConstraints (only toiBody and
    // the static edges take part: the static ones have no mass either way). Returns the smallest separation.
    private float SolvePositions(float baumgarte, int toiBody, bool toi)
    {
        float minSeparation = 0f;
        int count = SI(IslandCount);
        for (int i = 0; i < count; i++)
        {
            int s = C(SI(IslandContacts + i));
            int body = SI(s + ContactBody);
            Vec2 localCenterB = LocalCenterOf(body);
            float mA = 0f, iA = 0f;
            float mB = InvMassOf(body), iB = InvIOf(body);
            if (toi && body != toiBody)
            {
                mB = 0f;
                iB = 0f;
            }
            int pointCount = SI(s + PointCount);
            Vec2 cA = default;
            float aA = 0f;
            Vec2 cB = SolverC(body);
            float aB = S(B(body) + SolverA);
            bool faceA = S(s + ManifoldKind) == 1f;
            float radiusA = E(ShapeRadius), radiusB = E(ShapeRadius); // not constants: see BipedLayout.ShapeRadius
            var localNormal = new Vec2(S(s + LocalNormalX), S(s + LocalNormalY));
            var planeLocal = new Vec2(S(s + LocalPointX), S(s + LocalPointY));
            for (int j = 0; j < pointCount; j++)
            {
                Transform xfA = SolverTransform(cA, aA, default);
                Transform xfB = SolverTransform(cB, aB, localCenterB);
                int p = s + Points + j * PointStride;
                var localPoint = new Vec2(S(p + PointX), S(p + PointY));
                Vec2 normal, point;
                float separation;
                if (faceA)
                {
                    normal = Rot.Mul(xfA.Q, localNormal);
                    Vec2 planePoint = Transform.Mul(xfA, planeLocal);
                    Vec2 clipPoint = Transform.Mul(xfB, localPoint);
                    separation = Vec2.Dot(clipPoint - planePoint, normal) - radiusA - radiusB;
                    point = clipPoint;
                }
                else
                {
                    normal = Rot.Mul(xfB.Q, localNormal);
                    Vec2 planePoint = Transform.Mul(xfB, planeLocal);
                    Vec2 clipPoint = Transform.Mul(xfA, localPoint);
                    separation = Vec2.Dot(clipPoint - planePoint, normal) - radiusA - radiusB;
                    point = clipPoint;
                    normal = -normal;
                }
                Vec2 rA = point - cA;
                Vec2 rB = point - cB;
                minSeparation = minSeparation < separation ? minSeparation : separation;
                float c = Clamp(baumgarte * (separation + Settings.LinearSlop), -Settings.MaxLinearCorrection, 0f);
                float rnA = Vec2.Cross(rA, normal);
                float rnB = Vec2.Cross(rB, normal);
                float k = mA + mB + iA * rnA * rnA + iB * rnB * rnB;
                float impulse = k > 0f ? -c / k : 0f;
                Vec2 pv = impulse * normal;
                cA -= mA * pv;
                aA -= iA * Vec2.Cross(rA, pv);
                cB += mB * pv;
                aB += iB * Vec2.Cross(rB, pv);
            }
            SetSolverC(body, cB, aB);
        }
        return minSeparation;
    }

    // b2Clamp(a, low, high) = b2Max(low, b2Min(a, high)).
    private static float Clamp(float a, float low, float high)
    {
        float m = a < high ? a : high;
        return m < low ? low : m;
    }
}
