namespace Wann.Kernels.Tasks.Biped.Physics;

/// <summary>
/// Box2D's <c>b2ContactVelocityConstraint</c> and <c>b2ContactPositionConstraint</c> for one contact, kept
/// together (the solver allocates them once per world).
/// </summary>
public sealed class ContactConstraint
{
    /// <summary>The two points.</summary>
    public readonly VelocityConstraintPoint[] Points = new VelocityConstraintPoint[Settings.MaxManifoldPoints];
    /// <summary>World normal from A to B.</summary>
    public Vec2 Normal;
    /// <summary>Block solver matrix and its inverse.</summary>
    public Mat22 NormalMass, K;
    /// <summary>Island indices of the bodies.</summary>
    public int IndexA, IndexB;
    /// <summary>Inverse masses and inertias.</summary>
    public float InvMassA, InvMassB, InvIA, InvIB;
    /// <summary>Mixed friction and restitution.</summary>
    public float Friction, Restitution;
    /// <summary>Points in the velocity constraint (may drop to 1 when the block is ill-conditioned).</summary>
    public int PointCount;
    /// <summary>The contact it came from.</summary>
    public Contact Contact = null!;

    /// <summary>Manifold points in local coordinates (position constraint).</summary>
    public Vec2 LocalPoint0, LocalPoint1;
    /// <summary>Manifold normal and reference point (position constraint).</summary>
    public Vec2 LocalNormal, LocalPoint;
    /// <summary>Local centres of mass.</summary>
    public Vec2 LocalCenterA, LocalCenterB;
    /// <summary>Manifold type.</summary>
    public ManifoldType Type;
    /// <summary>Shape radii.</summary>
    public float RadiusA, RadiusB;
    /// <summary>Points in the position constraint.</summary>
    public int PositionPointCount;
}
