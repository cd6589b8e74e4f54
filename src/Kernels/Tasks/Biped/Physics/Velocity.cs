namespace Wann.Kernels.Tasks.Biped.Physics;

/// <summary><c>b2Velocity</c>: a body's linear and angular velocity inside the solver.</summary>
public struct Velocity
{
    /// <summary>Linear velocity of the centre of mass.</summary>
    public Vec2 V;
    /// <summary>Angular velocity.</summary>
    public float W;
}
