namespace Wann.Kernels.Tasks.Biped.Physics;

/// <summary><c>b2VelocityConstraintPoint</c>.</summary>
public struct VelocityConstraintPoint
{
    /// <summary>Anchors relative to the centres of mass.</summary>
    public Vec2 RA, RB;
    /// <summary>Accumulated impulses.</summary>
    public float NormalImpulse, TangentImpulse;
    /// <summary>Effective masses and restitution bias.</summary>
    public float NormalMass, TangentMass, VelocityBias;
}
