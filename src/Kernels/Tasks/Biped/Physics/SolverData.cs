namespace Wann.Kernels.Tasks.Biped.Physics;

/// <summary><c>b2SolverData</c>: the step and the island's position and velocity arrays.</summary>
public sealed class SolverData
{
    /// <summary>The step being solved.</summary>
    public TimeStep Step;
    /// <summary>Island positions, indexed by <see cref="Body.IslandIndex"/>.</summary>
    public Position[] Positions = [];
    /// <summary>Island velocities, indexed by <see cref="Body.IslandIndex"/>.</summary>
    public Velocity[] Velocities = [];
}
