namespace Wann.Kernels.Tasks.Biped.Physics;

/// <summary><c>b2TOIOutput::State</c>.</summary>
public enum ToiState
{
    /// <summary>Not determined.</summary>
    Unknown,
    /// <summary>The root finder gave up.</summary>
    Failed,
    /// <summary>Already overlapping at the start.</summary>
    Overlapped,
    /// <summary>Touching at the returned time.</summary>
    Touching,
    /// <summary>Separated over the whole interval.</summary>
    Separated,
}
