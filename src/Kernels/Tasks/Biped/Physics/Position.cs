namespace Wann.Kernels.Tasks.Biped.Physics;

/// <summary><c>b2Position</c>: a body's centre of mass and angle inside the solver.</summary>
public struct Position
{
    /// <summary>Centre of mass.</summary>
    public Vec2 C;
    /// <summary>Angle.</summary>
    public float A;
}
