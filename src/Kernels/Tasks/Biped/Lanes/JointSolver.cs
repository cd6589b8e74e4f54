using Wann.Engine.Lanes;

namespace Wann.Kernels.Tasks.Biped.Lanes;

/// <summary>
/// One revolute joint as its solver holds it for a step (b2RevoluteJoint's members after InitVelocityConstraints):
/// the same joint in every lane, its anchors, effective masses, limit state and accumulated impulses in locals.
/// </summary>
public struct JointSolver<T> where T : struct, ILane<T>
{
    /// <summary>The joint and its bodies.</summary>
    public int Joint, BodyA, BodyB;
    /// <summary>Inverse masses and inverse rotational inertias of bodies A and B.</summary>
    public T MassA, MassB, InvIA, InvIB;
    /// <summary>Mask: both bodies without rotational inertia (never for the walker).</summary>
    public T FixedRotation;
    /// <summary>The anchors relative to the bodies' centres of mass, in the world frame.</summary>
    public Vec2<T> RA, RB;
    /// <summary>The point and limit constraint's effective mass.</summary>
    public Mat33<T> Mass;
    /// <summary>The motor's effective mass, target speed and impulse limit for the step (dt x max torque).</summary>
    public T MotorMass, MotorSpeed, MaxMotorImpulse;
    /// <summary>Masks from the limit state: the motor and the limit row are solved; the angle is at its lower or upper limit, or the limits are equal.</summary>
    public T MotorOn, LimitOn, AtLower, AtUpper, Equal;
    /// <summary>Accumulated point (x, y) and limit (z) impulse, and motor impulse.</summary>
    public Vec3<T> Impulse;
    /// <inheritdoc cref="Impulse"/>
    public T MotorImpulse;
    /// <summary>The local anchors relative to each body's local centre (what the position solve rotates).</summary>
    public Vec2<T> LocalAnchorA, LocalAnchorB;
    /// <summary>Reference angle and limits.</summary>
    public T ReferenceAngle, Lower, Upper;
    /// <summary>The limit state (0 inactive, 1 at lower, 2 at upper, 3 equal), as the position solve reads it.</summary>
    public T LimitState;
}
