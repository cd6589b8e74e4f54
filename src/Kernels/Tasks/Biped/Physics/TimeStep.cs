namespace Wann.Kernels.Tasks.Biped.Physics;

/// <summary><c>b2TimeStep</c>: what one (sub-)step solves with.</summary>
public struct TimeStep
{
    /// <summary>Time step and its inverse.</summary>
    public float Dt, InvDt;
    /// <summary>dt times the previous step's inverse dt (scales warm-start impulses).</summary>
    public float DtRatio;
    /// <summary>Solver iterations.</summary>
    public int VelocityIterations, PositionIterations;
    /// <summary>Whether impulses from the last step seed this one.</summary>
    public bool WarmStarting;
}
