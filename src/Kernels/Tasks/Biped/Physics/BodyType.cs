namespace Wann.Kernels.Tasks.Biped.Physics;

/// <summary><c>b2BodyType</c> without kinematic bodies, which the walker does not use.</summary>
public enum BodyType
{
    /// <summary>Zero mass, never moves (the terrain).</summary>
    Static,
    /// <summary>Moved by forces and contacts.</summary>
    Dynamic,
}
