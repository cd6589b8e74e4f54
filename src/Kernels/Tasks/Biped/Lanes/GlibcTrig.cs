namespace Wann.Kernels.Tasks.Biped.Lanes;

/// <summary>
/// <c>MathF.Sin</c>/<c>MathF.Cos</c>: glibc's <c>sinf</c>/<c>cosf</c> on .NET 10 / Linux x64, what the recorded
/// episodes ran. Host only (no device has them); the lane-generic walker with it replays the recordings.
/// </summary>
public readonly struct GlibcTrig : ITrig
{
    /// <inheritdoc/>
    public float Sin(float x) => MathF.Sin(x);

    /// <inheritdoc/>
    public float Cos(float x) => MathF.Cos(x);

    /// <inheritdoc/>
    public Physics.Rot Rotation(float angle) => new() { S = MathF.Sin(angle), C = MathF.Cos(angle) };
}
