using Wann.Engine.Lanes;

namespace Wann.Kernels.Tasks.Biped.Lanes;

/// <summary>
/// The engine's <see cref="LaneMath"/> sine and cosine (basic float operations only): the same bits on the
/// reference path, the SIMD backend and every GPU, so the registered <c>biped</c> task is bit-identical
/// across backends. Its results differ from glibc's by an ulp here and there, which chaos amplifies.
/// </summary>
public readonly struct LaneTrig : ITrig
{
    /// <inheritdoc/>
    public float Sin(float x) => LaneMath.Sin(new FloatLane(x)).Value;

    /// <inheritdoc/>
    public float Cos(float x) => LaneMath.Cos(new FloatLane(x)).Value;
}
