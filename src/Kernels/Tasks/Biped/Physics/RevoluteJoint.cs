namespace Wann.Kernels.Tasks.Biped.Physics;

/// <summary>
/// Box2D's <c>b2RevoluteJoint</c> (Dynamics/Joints/b2RevoluteJoint.cpp): a point constraint with an angle
/// limit and a motor, <c>collideConnected</c> false. The reference angle is whatever the caller passes;
/// pybox2d passes <c>bodyB.angle - bodyA.angle</c> when none is given.
/// </summary>
public sealed class RevoluteJoint
{
    /// <summary>The two bodies.</summary>
    public Body BodyA { get; }
    /// <summary>The second body.</summary>
    public Body BodyB { get; }
    /// <summary>Anchors in body coordinates.</summary>
    public Vec2 LocalAnchorA { get; }
    /// <summary>Anchor on B in its body coordinates.</summary>
    public Vec2 LocalAnchorB { get; }
    /// <summary>Angle of B relative to A at which the joint angle is zero.</summary>
    public float ReferenceAngle { get; }
    /// <summary>Limits on the joint angle.</summary>
    public float LowerAngle { get; }
    /// <summary>Upper limit on the joint angle.</summary>
    public float UpperAngle { get; }
    /// <summary>Motor target speed (<c>SetMotorSpeed</c> wakes both bodies).</summary>
    public float MotorSpeed { get; private set; }
    /// <summary>Motor torque bound (<c>SetMaxMotorTorque</c>; in this snapshot it wakes both bodies too).</summary>
    public float MaxMotorTorque { get; private set; }
    /// <summary>Whether the joint was visited by the current island search.</summary>
    public bool IslandFlag;

    private readonly bool _enableMotor, _enableLimit;
    private Vec3 _impulse;
    private float _motorImpulse;
    private LimitState _limitState = LimitState.Inactive;
    private int _indexA, _indexB;
    private Vec2 _rA, _rB, _localCenterA, _localCenterB;
    private float _invMassA, _invMassB, _invIA, _invIB;
    private Mat33 _mass;
    private float _motorMass;

    /// <summary>A revolute joint as <c>b2RevoluteJoint(def)</c> builds it.</summary>
    public RevoluteJoint(Body bodyA, Body bodyB, Vec2 localAnchorA, Vec2 localAnchorB, float referenceAngle,
        bool enableLimit, float lowerAngle, float upperAngle, bool enableMotor, float maxMotorTorque, float motorSpeed)
    {
        BodyA = bodyA;
        BodyB = bodyB;
        LocalAnchorA = localAnchorA;
        LocalAnchorB = localAnchorB;
        ReferenceAngle = referenceAngle;
        _enableLimit = enableLimit;
        LowerAngle = lowerAngle;
        UpperAngle = upperAngle;
        _enableMotor = enableMotor;
        MaxMotorTorque = maxMotorTorque;
        MotorSpeed = motorSpeed;
    }

    /// <summary><c>SetMotorSpeed</c>: wakes both bodies.</summary>
    public void SetMotorSpeed(float speed)
    {
        BodyA.SetAwake(true);
        BodyB.SetAwake(true);
        MotorSpeed = speed;
    }

    /// <summary><c>SetMaxMotorTorque</c>: wakes both bodies (as this snapshot's version does).</summary>
    public void SetMaxMotorTorque(float torque)
    {
        BodyA.SetAwake(true);
        BodyB.SetAwake(true);
        MaxMotorTorque = torque;
    }

    /// <summary><c>GetJointAngle</c>: bB.a - bA.a - reference, in float.</summary>
    public float JointAngle => BodyB.Sweep.A - BodyA.Sweep.A - ReferenceAngle;

    /// <summary><c>GetJointSpeed</c>: wB - wA.</summary>
    public float JointSpeed => BodyB.AngularVelocity - BodyA.AngularVelocity;

    /// <summary><c>b2RevoluteJoint::InitVelocityConstraints</c>.</summary>
    public void InitVelocityConstraints(SolverData data)
    {
        _indexA = BodyA.IslandIndex;
        _indexB = BodyB.IslandIndex;
        _localCenterA = BodyA.Sweep.LocalCenter;
        _localCenterB = BodyB.Sweep.LocalCenter;
        _invMassA = BodyA.InvMass;
        _invMassB = BodyB.InvMass;
        _invIA = BodyA.InvI;
        _invIB = BodyB.InvI;

        float aA = data.Positions[_indexA].A;
        Vec2 vA = data.Velocities[_indexA].V;
        float wA = data.Velocities[_indexA].W;
        float aB = data.Positions[_indexB].A;
        Vec2 vB = data.Velocities[_indexB].V;
        float wB = data.Velocities[_indexB].W;

        var qA = new Rot(aA);
        var qB = new Rot(aB);
        _rA = Rot.Mul(qA, LocalAnchorA - _localCenterA);
        _rB = Rot.Mul(qB, LocalAnchorB - _localCenterB);

        float mA = _invMassA, mB = _invMassB;
        float iA = _invIA, iB = _invIB;
        bool fixedRotation = iA + iB == 0f;

        _mass.Ex.X = mA + mB + _rA.Y * _rA.Y * iA + _rB.Y * _rB.Y * iB;
        _mass.Ey.X = -_rA.Y * _rA.X * iA - _rB.Y * _rB.X * iB;
        _mass.Ez.X = -_rA.Y * iA - _rB.Y * iB;
        _mass.Ex.Y = _mass.Ey.X;
        _mass.Ey.Y = mA + mB + _rA.X * _rA.X * iA + _rB.X * _rB.X * iB;
        _mass.Ez.Y = _rA.X * iA + _rB.X * iB;
        _mass.Ex.Z = _mass.Ez.X;
        _mass.Ey.Z = _mass.Ez.Y;
        _mass.Ez.Z = iA + iB;

        _motorMass = iA + iB;
        if (_motorMass > 0f) _motorMass = 1f / _motorMass;
        if (!_enableMotor || fixedRotation) _motorImpulse = 0f;

        if (_enableLimit && !fixedRotation)
        {
            float jointAngle = aB - aA - ReferenceAngle;
            float spread = UpperAngle - LowerAngle;
            if ((spread > 0f ? spread : -spread) < 2f * Settings.AngularSlop)
            {
                _limitState = LimitState.Equal;
            }
            else if (jointAngle <= LowerAngle)
            {
                if (_limitState != LimitState.AtLower) _impulse.Z = 0f;
                _limitState = LimitState.AtLower;
            }
            else if (jointAngle >= UpperAngle)
            {
                if (_limitState != LimitState.AtUpper) _impulse.Z = 0f;
                _limitState = LimitState.AtUpper;
            }
            else
            {
                _limitState = LimitState.Inactive;
                _impulse.Z = 0f;
            }
        }
        else
        {
            _limitState = LimitState.Inactive;
        }

        if (data.Step.WarmStarting)
        {
            // Scale impulses to support a variable time step.
            _impulse = data.Step.DtRatio * _impulse;
            _motorImpulse *= data.Step.DtRatio;
            var p = new Vec2(_impulse.X, _impulse.Y);
            vA -= mA * p;
            wA -= iA * (Vec2.Cross(_rA, p) + _motorImpulse + _impulse.Z);
            vB += mB * p;
            wB += iB * (Vec2.Cross(_rB, p) + _motorImpulse + _impulse.Z);
        }
        else
        {
            _impulse = default;
            _motorImpulse = 0f;
        }

        data.Velocities[_indexA].V = vA;
        data.Velocities[_indexA].W = wA;
        data.Velocities[_indexB].V = vB;
        data.Velocities[_indexB].W = wB;
    }

    /// <summary><c>b2RevoluteJoint::SolveVelocityConstraints</c>: motor, then limit (3x3 with clamping) or point.</summary>
    public void SolveVelocityConstraints(SolverData data)
    {
        Vec2 vA = data.Velocities[_indexA].V;
        float wA = data.Velocities[_indexA].W;
        Vec2 vB = data.Velocities[_indexB].V;
        float wB = data.Velocities[_indexB].W;
        float mA = _invMassA, mB = _invMassB;
        float iA = _invIA, iB = _invIB;
        bool fixedRotation = iA + iB == 0f;

        if (_enableMotor && _limitState != LimitState.Equal && !fixedRotation)
        {
            float cdot = wB - wA - MotorSpeed;
            float impulse = -_motorMass * cdot;
            float oldImpulse = _motorImpulse;
            float maxImpulse = data.Step.Dt * MaxMotorTorque;
            _motorImpulse = Clamp(_motorImpulse + impulse, -maxImpulse, maxImpulse);
            impulse = _motorImpulse - oldImpulse;
            wA -= iA * impulse;
            wB += iB * impulse;
        }

        if (_enableLimit && _limitState != LimitState.Inactive && !fixedRotation)
        {
            Vec2 cdot1 = vB + Vec2.Cross(wB, _rB) - vA - Vec2.Cross(wA, _rA);
            float cdot2 = wB - wA;
            var cdot = new Vec3(cdot1.X, cdot1.Y, cdot2);
            Vec3 impulse = -_mass.Solve33(cdot);
            if (_limitState == LimitState.Equal)
            {
                _impulse += impulse;
            }
            else if (_limitState == LimitState.AtLower)
            {
                float newImpulse = _impulse.Z + impulse.Z;
                if (newImpulse < 0f)
                {
                    Vec2 rhs = -cdot1 + _impulse.Z * new Vec2(_mass.Ez.X, _mass.Ez.Y);
                    Vec2 reduced = _mass.Solve22(rhs);
                    impulse.X = reduced.X;
                    impulse.Y = reduced.Y;
                    impulse.Z = -_impulse.Z;
                    _impulse.X += reduced.X;
                    _impulse.Y += reduced.Y;
                    _impulse.Z = 0f;
                }
                else
                {
                    _impulse += impulse;
                }
            }
            else if (_limitState == LimitState.AtUpper)
            {
                float newImpulse = _impulse.Z + impulse.Z;
                if (newImpulse > 0f)
                {
                    Vec2 rhs = -cdot1 + _impulse.Z * new Vec2(_mass.Ez.X, _mass.Ez.Y);
                    Vec2 reduced = _mass.Solve22(rhs);
                    impulse.X = reduced.X;
                    impulse.Y = reduced.Y;
                    impulse.Z = -_impulse.Z;
                    _impulse.X += reduced.X;
                    _impulse.Y += reduced.Y;
                    _impulse.Z = 0f;
                }
                else
                {
                    _impulse += impulse;
                }
            }
            var p = new Vec2(impulse.X, impulse.Y);
            vA -= mA * p;
            wA -= iA * (Vec2.Cross(_rA, p) + impulse.Z);
            vB += mB * p;
            wB += iB * (Vec2.Cross(_rB, p) + impulse.Z);
        }
        else
        {
            // Solve the point-to-point constraint.
            Vec2 cdot = vB + Vec2.Cross(wB, _rB) - vA - Vec2.Cross(wA, _rA);
            Vec2 impulse = _mass.Solve22(-cdot);
            _impulse.X += impulse.X;
            _impulse.Y += impulse.Y;
            vA -= mA * impulse;
            wA -= iA * Vec2.Cross(_rA, impulse);
            vB += mB * impulse;
            wB += iB * Vec2.Cross(_rB, impulse);
        }

        data.Velocities[_indexA].V = vA;
        data.Velocities[_indexA].W = wA;
        data.Velocities[_indexB].V = vB;
        data.Velocities[_indexB].W = wB;
    }

    /// <summary><c>b2RevoluteJoint::SolvePositionConstraints</c>: limit, then point; true when within slop.</summary>
    public bool SolvePositionConstraints(SolverData data)
    {
        Vec2 cA = data.Positions[_indexA].C;
        float aA = data.Positions[_indexA].A;
        Vec2 cB = data.Positions[_indexB].C;
        float aB = data.Positions[_indexB].A;
        float angularError = 0f;
        float positionError;
        bool fixedRotation = _invIA + _invIB == 0f;

        if (_enableLimit && _limitState != LimitState.Inactive && !fixedRotation)
        {
            float angle = aB - aA - ReferenceAngle;
            float limitImpulse = 0f;
            if (_limitState == LimitState.Equal)
            {
                float c = Clamp(angle - LowerAngle, -Settings.MaxAngularCorrection, Settings.MaxAngularCorrection);
                limitImpulse = -_motorMass * c;
                angularError = c > 0f ? c : -c;
            }
            else if (_limitState == LimitState.AtLower)
            {
                float c = angle - LowerAngle;
                angularError = -c;
                c = Clamp(c + Settings.AngularSlop, -Settings.MaxAngularCorrection, 0f);
                limitImpulse = -_motorMass * c;
            }
            else if (_limitState == LimitState.AtUpper)
            {
                float c = angle - UpperAngle;
                angularError = c;
                c = Clamp(c - Settings.AngularSlop, 0f, Settings.MaxAngularCorrection);
                limitImpulse = -_motorMass * c;
            }
            aA -= _invIA * limitImpulse;
            aB += _invIB * limitImpulse;
        }

        {
            var qA = new Rot(aA);
            var qB = new Rot(aB);
            Vec2 rA = Rot.Mul(qA, LocalAnchorA - _localCenterA);
            Vec2 rB = Rot.Mul(qB, LocalAnchorB - _localCenterB);
            Vec2 c = cB + rB - cA - rA;
            positionError = c.Length();
            float mA = _invMassA, mB = _invMassB;
            float iA = _invIA, iB = _invIB;
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

        data.Positions[_indexA].C = cA;
        data.Positions[_indexA].A = aA;
        data.Positions[_indexB].C = cB;
        data.Positions[_indexB].A = aB;
        return positionError <= Settings.LinearSlop && angularError <= Settings.AngularSlop;
    }

    // b2Clamp(a, low, high) = b2Max(low, b2Min(a, high)).
    private static float Clamp(float a, float low, float high)
    {
        float m = a < high ? a : high;
        return low > m ? low : m;
    }
}
