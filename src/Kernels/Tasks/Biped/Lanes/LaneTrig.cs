using System.Runtime.CompilerServices;
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
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Rot<T> Rotation<T>(T angle) where T : struct, ILane<T>
    {
        // One range reduction for both (LaneMath.Sin and Cos each make the same one).
        LaneMath.SinCos(angle, out T sin, out T cos);
        return new Rot<T>(sin, cos);
    }
}
