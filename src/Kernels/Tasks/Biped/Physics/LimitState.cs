namespace Wann.Kernels.Tasks.Biped.Physics;

/// <summary><c>b2LimitState</c>.</summary>
public enum LimitState
{
    /// <summary>Between the limits.</summary>
    Inactive,
    /// <summary>At or below the lower limit.</summary>
    AtLower,
    /// <summary>At or above the upper limit.</summary>
    AtUpper,
    /// <summary>Lower and upper limit (nearly) equal.</summary>
    Equal,
}
