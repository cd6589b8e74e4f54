using System.Runtime.CompilerServices;
using Wann.Engine.Lanes;

namespace Wann.Kernels.Tasks.Biped.Lanes;

/// <summary>
/// <c>MathF.Sin</c>/<c>MathF.Cos</c>: glibc's <c>sinf</c>/<c>cosf</c> on .NET 10 / Linux x64, what the recorded
/// episodes ran. Host only and one lane at a time (<see cref="FloatLane"/>): no device and no vector has them;
/// the lane-generic walker with it replays the recordings.
/// </summary>
public readonly struct GlibcTrig : ITrig
{
    /// <inheritdoc/>
    public Rot<T> Rotation<T>(T angle) where T : struct, ILane<T>
    {
        if (typeof(T) != typeof(FloatLane))
            throw new NotSupportedException("glibc's sine and cosine run one float lane at a time");
        float a = Unsafe.As<T, float>(ref angle);
        return new Rot<T>(T.From(MathF.Sin(a)), T.From(MathF.Cos(a)));
    }
}
