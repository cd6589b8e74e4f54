namespace Wann.Kernels.Tasks.Biped.Physics;

/// <summary>
/// Box2D's <c>b2ContactSolver</c> (Dynamics/Contacts/b2ContactSolver.cpp): sequential impulses with friction,
/// the two-point block solver, warm starting, and the position (and TOI position) correction. The
/// constraint objects are allocated once for the largest island.
/// </summary>
public sealed class ContactSolver
{
    private readonly ContactConstraint[] _constraints;
    private TimeStep _step;
    private Position[] _positions = [];
    private Velocity[] _velocities = [];
    private int _count;

    /// <summary>A solver for up to <paramref name="capacity"/> contacts.</summary>
    public ContactSolver(int capacity)
    {
        _constraints = new ContactConstraint[capacity];
        for (int i = 0; i < capacity; ++i) _constraints[i] = new ContactConstraint();
    }

    /// <summary>The <c>b2ContactSolver</c> constructor: copies what the constraints need from the contacts.</summary>
    public void Initialize(in TimeStep step, Contact[] contacts, int count, Position[] positions, Velocity[] velocities)
    {
        _step = step;
        _count = count;
        _positions = positions;
        _velocities = velocities;
        for (int i = 0; i < count; ++i)
        {
            Contact contact = contacts[i];
            Body bodyA = contact.A, bodyB = contact.B;
            Manifold manifold = contact.Manifold;
            int pointCount = manifold.PointCount;
            ContactConstraint vc = _constraints[i];
            vc.Friction = contact.Friction;
            vc.Restitution = contact.Restitution;
            vc.IndexA = bodyA.IslandIndex;
            vc.IndexB = bodyB.IslandIndex;
            vc.InvMassA = bodyA.InvMass;
            vc.InvMassB = bodyB.InvMass;
            vc.InvIA = bodyA.InvI;
            vc.InvIB = bodyB.InvI;
            vc.Contact = contact;
            vc.PointCount = pointCount;
            vc.K = default;
            vc.NormalMass = default;

            vc.LocalCenterA = bodyA.Sweep.LocalCenter;
            vc.LocalCenterB = bodyB.Sweep.LocalCenter;
            vc.LocalNormal = manifold.LocalNormal;
            vc.LocalPoint = manifold.LocalPoint;
            vc.PositionPointCount = pointCount;
            vc.RadiusA = bodyA.Radius;
            vc.RadiusB = bodyB.Polygon!.Radius;
            vc.Type = manifold.Type;

            for (int j = 0; j < pointCount; ++j)
            {
                ref ManifoldPoint cp = ref manifold.Points[j];
                ref VelocityConstraintPoint vcp = ref vc.Points[j];
                if (_step.WarmStarting)
                {
                    vcp.NormalImpulse = _step.DtRatio * cp.NormalImpulse;
                    vcp.TangentImpulse = _step.DtRatio * cp.TangentImpulse;
                }
                else
                {
                    vcp.NormalImpulse = 0f;
                    vcp.TangentImpulse = 0f;
                }
                vcp.RA = Vec2.Zero;
                vcp.RB = Vec2.Zero;
                vcp.NormalMass = 0f;
                vcp.TangentMass = 0f;
                vcp.VelocityBias = 0f;
                if (j == 0) vc.LocalPoint0 = cp.LocalPoint; else vc.LocalPoint1 = cp.LocalPoint;
            }
        }
    }

    /// <summary><c>InitializeVelocityConstraints</c>: world manifold, effective masses, restitution bias, block matrix.</summary>
    public void InitializeVelocityConstraints()
    {
        Span<Vec2> points = stackalloc Vec2[Settings.MaxManifoldPoints];
        for (int i = 0; i < _count; ++i)
        {
            ContactConstraint vc = _constraints[i];
            float radiusA = vc.RadiusA, radiusB = vc.RadiusB;
            Manifold manifold = vc.Contact.Manifold;
            int indexA = vc.IndexA, indexB = vc.IndexB;
            float mA = vc.InvMassA, mB = vc.InvMassB, iA = vc.InvIA, iB = vc.InvIB;
            Vec2 localCenterA = vc.LocalCenterA, localCenterB = vc.LocalCenterB;
            Vec2 cA = _positions[indexA].C;
            float aA = _positions[indexA].A;
            Vec2 vA = _velocities[indexA].V;
            float wA = _velocities[indexA].W;
            Vec2 cB = _positions[indexB].C;
            float aB = _positions[indexB].A;
            Vec2 vB = _velocities[indexB].V;
            float wB = _velocities[indexB].W;

            Transform xfA, xfB;
            xfA.Q = new Rot(aA);
            xfB.Q = new Rot(aB);
            xfA.P = cA - Rot.Mul(xfA.Q, localCenterA);
            xfB.P = cB - Rot.Mul(xfB.Q, localCenterB);
            Vec2 normal = WorldManifold(manifold, xfA, radiusA, xfB, radiusB, points);
            vc.Normal = normal;

            int pointCount = vc.PointCount;
            for (int j = 0; j < pointCount; ++j)
            {
                ref VelocityConstraintPoint vcp = ref vc.Points[j];
                vcp.RA = points[j] - cA;
                vcp.RB = points[j] - cB;
                float rnA = Vec2.Cross(vcp.RA, normal);
                float rnB = Vec2.Cross(vcp.RB, normal);
                float kNormal = mA + mB + iA * rnA * rnA + iB * rnB * rnB;
                vcp.NormalMass = kNormal > 0f ? 1f / kNormal : 0f;
                Vec2 tangent = Vec2.Cross(normal, 1f);
                float rtA = Vec2.Cross(vcp.RA, tangent);
                float rtB = Vec2.Cross(vcp.RB, tangent);
                float kTangent = mA + mB + iA * rtA * rtA + iB * rtB * rtB;
                vcp.TangentMass = kTangent > 0f ? 1f / kTangent : 0f;
                // Restitution bias.
                vcp.VelocityBias = 0f;
                float vRel = Vec2.Dot(normal, vB + Vec2.Cross(wB, vcp.RB) - vA - Vec2.Cross(wA, vcp.RA));
                if (vRel < -Settings.VelocityThreshold) vcp.VelocityBias = -vc.Restitution * vRel;
            }

            // Prepare the block solver.
            if (vc.PointCount == 2)
            {
                ref VelocityConstraintPoint vcp1 = ref vc.Points[0];
                ref VelocityConstraintPoint vcp2 = ref vc.Points[1];
                float rn1A = Vec2.Cross(vcp1.RA, normal);
                float rn1B = Vec2.Cross(vcp1.RB, normal);
                float rn2A = Vec2.Cross(vcp2.RA, normal);
                float rn2B = Vec2.Cross(vcp2.RB, normal);
                float k11 = mA + mB + iA * rn1A * rn1A + iB * rn1B * rn1B;
                float k22 = mA + mB + iA * rn2A * rn2A + iB * rn2B * rn2B;
                float k12 = mA + mB + iA * rn1A * rn2A + iB * rn1B * rn2B;
                const float kMaxConditionNumber = 1000f;
                if (k11 * k11 < kMaxConditionNumber * (k11 * k22 - k12 * k12))
                {
                    vc.K.Ex = new Vec2(k11, k12);
                    vc.K.Ey = new Vec2(k12, k22);
                    vc.NormalMass = vc.K.GetInverse();
                }
                else
                {
                    // Redundant constraints: use one point.
                    vc.PointCount = 1;
                }
            }
        }
    }

    // b2WorldManifold::Initialize for face manifolds: the normal and the mid points between the surfaces.
    private static Vec2 WorldManifold(Manifold manifold, in Transform xfA, float radiusA, in Transform xfB, float radiusB, Span<Vec2> points)
    {
        Vec2 normal;
        if (manifold.PointCount == 0) return Vec2.Zero;
        if (manifold.Type == ManifoldType.FaceA)
        {
            normal = Rot.Mul(xfA.Q, manifold.LocalNormal);
            Vec2 planePoint = Transform.Mul(xfA, manifold.LocalPoint);
            for (int i = 0; i < manifold.PointCount; ++i)
            {
                Vec2 clipPoint = Transform.Mul(xfB, manifold.Points[i].LocalPoint);
                Vec2 cA = clipPoint + (radiusA - Vec2.Dot(clipPoint - planePoint, normal)) * normal;
                Vec2 cB = clipPoint - radiusB * normal;
                points[i] = 0.5f * (cA + cB);
            }
        }
        else
        {
            normal = Rot.Mul(xfB.Q, manifold.LocalNormal);
            Vec2 planePoint = Transform.Mul(xfB, manifold.LocalPoint);
            for (int i = 0; i < manifold.PointCount; ++i)
            {
                Vec2 clipPoint = Transform.Mul(xfA, manifold.Points[i].LocalPoint);
                Vec2 cB = clipPoint + (radiusB - Vec2.Dot(clipPoint - planePoint, normal)) * normal;
                Vec2 cA = clipPoint - radiusA * normal;
                points[i] = 0.5f * (cA + cB);
            }
            // Ensure the normal points from A to B.
            normal = -normal;
        }
        return normal;
    }

    /// <summary><c>WarmStart</c>: applies the carried-over impulses.</summary>
    public void WarmStart()
    {
        for (int i = 0; i < _count; ++i)
        {
            ContactConstraint vc = _constraints[i];
            int indexA = vc.IndexA, indexB = vc.IndexB;
            float mA = vc.InvMassA, iA = vc.InvIA, mB = vc.InvMassB, iB = vc.InvIB;
            int pointCount = vc.PointCount;
            Vec2 vA = _velocities[indexA].V;
            float wA = _velocities[indexA].W;
            Vec2 vB = _velocities[indexB].V;
            float wB = _velocities[indexB].W;
            Vec2 normal = vc.Normal;
            Vec2 tangent = Vec2.Cross(normal, 1f);
            for (int j = 0; j < pointCount; ++j)
            {
                ref VelocityConstraintPoint vcp = ref vc.Points[j];
                Vec2 p = vcp.NormalImpulse * normal + vcp.TangentImpulse * tangent;
                wA -= iA * Vec2.Cross(vcp.RA, p);
                vA -= mA * p;
                wB += iB * Vec2.Cross(vcp.RB, p);
                vB += mB * p;
            }
            _velocities[indexA].V = vA;
            _velocities[indexA].W = wA;
            _velocities[indexB].V = vB;
            _velocities[indexB].W = wB;
        }
    }

    /// <summary><c>SolveVelocityConstraints</c>: friction first, then normal (one point, or the 2x2 LCP by enumeration).</summary>
    public void SolveVelocityConstraints()
    {
        for (int i = 0; i < _count; ++i)
        {
            ContactConstraint vc = _constraints[i];
            int indexA = vc.IndexA, indexB = vc.IndexB;
            float mA = vc.InvMassA, iA = vc.InvIA, mB = vc.InvMassB, iB = vc.InvIB;
            int pointCount = vc.PointCount;
            Vec2 vA = _velocities[indexA].V;
            float wA = _velocities[indexA].W;
            Vec2 vB = _velocities[indexB].V;
            float wB = _velocities[indexB].W;
            Vec2 normal = vc.Normal;
            Vec2 tangent = Vec2.Cross(normal, 1f);
            float friction = vc.Friction;

            // Tangent constraints first: non-penetration matters more than friction.
            for (int j = 0; j < pointCount; ++j)
            {
                ref VelocityConstraintPoint vcp = ref vc.Points[j];
                Vec2 dv = vB + Vec2.Cross(wB, vcp.RB) - vA - Vec2.Cross(wA, vcp.RA);
                float vt = Vec2.Dot(dv, tangent) - 0f; // tangent speed is 0
                float lambda = vcp.TangentMass * (-vt);
                float maxFriction = friction * vcp.NormalImpulse;
                float newImpulse = Clamp(vcp.TangentImpulse + lambda, -maxFriction, maxFriction);
                lambda = newImpulse - vcp.TangentImpulse;
                vcp.TangentImpulse = newImpulse;
                Vec2 p = lambda * tangent;
                vA -= mA * p;
                wA -= iA * Vec2.Cross(vcp.RA, p);
                vB += mB * p;
                wB += iB * Vec2.Cross(vcp.RB, p);
            }

            if (vc.PointCount == 1)
            {
                ref VelocityConstraintPoint vcp = ref vc.Points[0];
                Vec2 dv = vB + Vec2.Cross(wB, vcp.RB) - vA - Vec2.Cross(wA, vcp.RA);
                float vn = Vec2.Dot(dv, normal);
                float lambda = -vcp.NormalMass * (vn - vcp.VelocityBias);
                float sum = vcp.NormalImpulse + lambda;
                float newImpulse = sum > 0f ? sum : 0f;
                lambda = newImpulse - vcp.NormalImpulse;
                vcp.NormalImpulse = newImpulse;
                Vec2 p = lambda * normal;
                vA -= mA * p;
                wA -= iA * Vec2.Cross(vcp.RA, p);
                vB += mB * p;
                wB += iB * Vec2.Cross(vcp.RB, p);
            }
            else
            {
                ref VelocityConstraintPoint cp1 = ref vc.Points[0];
                ref VelocityConstraintPoint cp2 = ref vc.Points[1];
                var a = new Vec2(cp1.NormalImpulse, cp2.NormalImpulse);
                Vec2 dv1 = vB + Vec2.Cross(wB, cp1.RB) - vA - Vec2.Cross(wA, cp1.RA);
                Vec2 dv2 = vB + Vec2.Cross(wB, cp2.RB) - vA - Vec2.Cross(wA, cp2.RA);
                float vn1 = Vec2.Dot(dv1, normal);
                float vn2 = Vec2.Dot(dv2, normal);
                Vec2 b;
                b.X = vn1 - cp1.VelocityBias;
                b.Y = vn2 - cp2.VelocityBias;
                b -= Mat22.Mul(vc.K, a);
                Vec2 x;
                for (;;)
                {
                    // Case 1: both constraints active, x = -inv(K) b.
                    x = -Mat22.Mul(vc.NormalMass, b);
                    if (x.X >= 0f && x.Y >= 0f) break;
                    // Case 2: only the first point active.
                    x.X = -cp1.NormalMass * b.X;
                    x.Y = 0f;
                    vn2 = vc.K.Ex.Y * x.X + b.Y;
                    if (x.X >= 0f && vn2 >= 0f) break;
                    // Case 3: only the second point active.
                    x.X = 0f;
                    x.Y = -cp2.NormalMass * b.Y;
                    vn1 = vc.K.Ey.X * x.Y + b.X;
                    if (x.Y >= 0f && vn1 >= 0f) break;
                    // Case 4: neither.
                    x.X = 0f;
                    x.Y = 0f;
                    vn1 = b.X;
                    vn2 = b.Y;
                    if (vn1 >= 0f && vn2 >= 0f) break;
                    // No solution: leave the impulses as they are.
                    goto Done;
                }
                {
                    Vec2 d = x - a;
                    Vec2 p1 = d.X * normal;
                    Vec2 p2 = d.Y * normal;
                    vA -= mA * (p1 + p2);
                    wA -= iA * (Vec2.Cross(cp1.RA, p1) + Vec2.Cross(cp2.RA, p2));
                    vB += mB * (p1 + p2);
                    wB += iB * (Vec2.Cross(cp1.RB, p1) + Vec2.Cross(cp2.RB, p2));
                    cp1.NormalImpulse = x.X;
                    cp2.NormalImpulse = x.Y;
                }
            Done:;
            }

            _velocities[indexA].V = vA;
            _velocities[indexA].W = wA;
            _velocities[indexB].V = vB;
            _velocities[indexB].W = wB;
        }
    }

    /// <summary><c>StoreImpulses</c>: writes the impulses back into the manifolds for the next step.</summary>
    public void StoreImpulses()
    {
        for (int i = 0; i < _count; ++i)
        {
            ContactConstraint vc = _constraints[i];
            Manifold manifold = vc.Contact.Manifold;
            for (int j = 0; j < vc.PointCount; ++j)
            {
                manifold.Points[j].NormalImpulse = vc.Points[j].NormalImpulse;
                manifold.Points[j].TangentImpulse = vc.Points[j].TangentImpulse;
            }
        }
    }

    /// <summary><c>SolvePositionConstraints</c>: one Gauss-Seidel pass; true when the worst separation is above -3 slop.</summary>
    public bool SolvePositionConstraints() => SolvePositions(Settings.Baumgarte, -1, -1, false) >= -3f * Settings.LinearSlop;

    /// <summary><c>SolveTOIPositionConstraints</c>: only the two TOI bodies move; true above -1.5 slop.</summary>
    public bool SolveToiPositionConstraints(int toiIndexA, int toiIndexB) =>
        SolvePositions(Settings.ToiBaumgarte, toiIndexA, toiIndexB, true) >= -1.5f * Settings.LinearSlop;

    private float SolvePositions(float baumgarte, int toiIndexA, int toiIndexB, bool toi)
    {
        float minSeparation = 0f;
        for (int i = 0; i < _count; ++i)
        {
            ContactConstraint pc = _constraints[i];
            int indexA = pc.IndexA, indexB = pc.IndexB;
            Vec2 localCenterA = pc.LocalCenterA, localCenterB = pc.LocalCenterB;
            float mA = pc.InvMassA, iA = pc.InvIA, mB = pc.InvMassB, iB = pc.InvIB;
            if (toi)
            {
                mA = 0f; iA = 0f;
                if (indexA == toiIndexA || indexA == toiIndexB) { mA = pc.InvMassA; iA = pc.InvIA; }
                mB = 0f; iB = 0f;
                if (indexB == toiIndexA || indexB == toiIndexB) { mB = pc.InvMassB; iB = pc.InvIB; }
            }
            int pointCount = pc.PositionPointCount;
            Vec2 cA = _positions[indexA].C;
            float aA = _positions[indexA].A;
            Vec2 cB = _positions[indexB].C;
            float aB = _positions[indexB].A;
            for (int j = 0; j < pointCount; ++j)
            {
                Transform xfA, xfB;
                xfA.Q = new Rot(aA);
                xfB.Q = new Rot(aB);
                xfA.P = cA - Rot.Mul(xfA.Q, localCenterA);
                xfB.P = cB - Rot.Mul(xfB.Q, localCenterB);

                // b2PositionSolverManifold::Initialize
                Vec2 normal, point;
                float separation;
                Vec2 localPoint = j == 0 ? pc.LocalPoint0 : pc.LocalPoint1;
                if (pc.Type == ManifoldType.FaceA)
                {
                    normal = Rot.Mul(xfA.Q, pc.LocalNormal);
                    Vec2 planePoint = Transform.Mul(xfA, pc.LocalPoint);
                    Vec2 clipPoint = Transform.Mul(xfB, localPoint);
                    separation = Vec2.Dot(clipPoint - planePoint, normal) - pc.RadiusA - pc.RadiusB;
                    point = clipPoint;
                }
                else
                {
                    normal = Rot.Mul(xfB.Q, pc.LocalNormal);
                    Vec2 planePoint = Transform.Mul(xfB, pc.LocalPoint);
                    Vec2 clipPoint = Transform.Mul(xfA, localPoint);
                    separation = Vec2.Dot(clipPoint - planePoint, normal) - pc.RadiusA - pc.RadiusB;
                    point = clipPoint;
                    normal = -normal;
                }

                Vec2 rA = point - cA;
                Vec2 rB = point - cB;
                minSeparation = minSeparation < separation ? minSeparation : separation;
                // Prevent large corrections and allow slop.
                float c = Clamp(baumgarte * (separation + Settings.LinearSlop), -Settings.MaxLinearCorrection, 0f);
                float rnA = Vec2.Cross(rA, normal);
                float rnB = Vec2.Cross(rB, normal);
                float k = mA + mB + iA * rnA * rnA + iB * rnB * rnB;
                float impulse = k > 0f ? -c / k : 0f;
                Vec2 p = impulse * normal;
                cA -= mA * p;
                aA -= iA * Vec2.Cross(rA, p);
                cB += mB * p;
                aB += iB * Vec2.Cross(rB, p);
            }
            _positions[indexA].C = cA;
            _positions[indexA].A = aA;
            _positions[indexB].C = cB;
            _positions[indexB].A = aB;
        }
        return minSeparation;
    }

    // b2Clamp(a, low, high) = b2Max(low, b2Min(a, high)).
    private static float Clamp(float a, float low, float high)
    {
        float m = a < high ? a : high;
        return low > m ? low : m;
    }
}
