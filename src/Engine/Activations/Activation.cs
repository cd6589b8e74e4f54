using System.Runtime.CompilerServices;
using Wann.Engine.Lanes;

namespace Wann.Engine.Activations;

/// <summary>
/// The one definition of every activation formula, written against <see cref="ILane{T}"/> so the
/// reference interpreter, the SIMD CPU backend and the ILGPU kernels all run the same code.
/// </summary>
public static class Activation
{
    public const int MinId = 1;
    public const int MaxId = 11;

    public static bool IsValidId(int id) => id >= MinId && id <= MaxId;

    /// <summary>f(x) for activation <paramref name="id"/>; an unknown id yields NaN rather than throwing (device code cannot throw).</summary>
    public static T Apply<T>(int id, T x) where T : struct, ILane<T>
    {
        switch (id)
        {
            case 1: return x;
            case 2: return Step(x);
            case 3: return Sine(x);
            case 4: return Gaussian(x);
            case 5: return LaneMath.Tanh(x);
            case 6: return Sigmoid(x);
            case 7: return -x;
            case 8: return T.Abs(x);
            case 9: return Relu(x);
            case 10: return Cosine(x);
            case 11: return x * x;
            default: return T.From(float.NaN);
        }
    }

    /// <summary>
    /// xs[i] = f(scales[i] * xs[i]) for activation <paramref name="id"/>: the node update of a SIMD
    /// interpreter (scale = the lanes' shared weights, x = the node's sums), the choice of formula made
    /// once for the whole span.
    /// </summary>
    public static void ApplyScaledInPlace<T>(int id, Span<T> xs, ReadOnlySpan<T> scales) where T : struct, ILane<T>
    {
        if (scales.Length < xs.Length) throw new ArgumentException("one scale per element is needed", nameof(scales));
        // One small method per formula: a single method holding all of them outgrows the JIT's inlining
        // budget, and the vector operators then turn into calls (ten times slower).
        switch (id)
        {
            case 1: LinearAll(xs, scales); break;
            case 2: StepAll(xs, scales); break;
            case 3: SineAll(xs, scales); break;
            case 4: GaussianAll(xs, scales); break;
            case 5: TanhAll(xs, scales); break;
            case 6: SigmoidAll(xs, scales); break;
            case 7: InverseAll(xs, scales); break;
            case 8: AbsoluteAll(xs, scales); break;
            case 9: ReluAll(xs, scales); break;
            case 10: CosineAll(xs, scales); break;
            case 11: SquaredAll(xs, scales); break;
            default: xs.Fill(T.From(float.NaN)); break;
        }
    }

    private static void LinearAll<T>(Span<T> xs, ReadOnlySpan<T> w) where T : struct, ILane<T> { for (int i = 0; i < xs.Length; i++) xs[i] = w[i] * xs[i]; }
    private static void StepAll<T>(Span<T> xs, ReadOnlySpan<T> w) where T : struct, ILane<T> { for (int i = 0; i < xs.Length; i++) xs[i] = Step(w[i] * xs[i]); }
    private static void SineAll<T>(Span<T> xs, ReadOnlySpan<T> w) where T : struct, ILane<T> { for (int i = 0; i < xs.Length; i++) xs[i] = Sine(w[i] * xs[i]); }
    private static void GaussianAll<T>(Span<T> xs, ReadOnlySpan<T> w) where T : struct, ILane<T> { for (int i = 0; i < xs.Length; i++) xs[i] = Gaussian(w[i] * xs[i]); }
    private static void TanhAll<T>(Span<T> xs, ReadOnlySpan<T> w) where T : struct, ILane<T> { for (int i = 0; i < xs.Length; i++) xs[i] = LaneMath.Tanh(w[i] * xs[i]); }
    private static void SigmoidAll<T>(Span<T> xs, ReadOnlySpan<T> w) where T : struct, ILane<T> { for (int i = 0; i < xs.Length; i++) xs[i] = Sigmoid(w[i] * xs[i]); }
    private static void InverseAll<T>(Span<T> xs, ReadOnlySpan<T> w) where T : struct, ILane<T> { for (int i = 0; i < xs.Length; i++) xs[i] = -(w[i] * xs[i]); }
    private static void AbsoluteAll<T>(Span<T> xs, ReadOnlySpan<T> w) where T : struct, ILane<T> { for (int i = 0; i < xs.Length; i++) xs[i] = T.Abs(w[i] * xs[i]); }
    private static void ReluAll<T>(Span<T> xs, ReadOnlySpan<T> w) where T : struct, ILane<T> { for (int i = 0; i < xs.Length; i++) xs[i] = Relu(w[i] * xs[i]); }
    private static void CosineAll<T>(Span<T> xs, ReadOnlySpan<T> w) where T : struct, ILane<T> { for (int i = 0; i < xs.Length; i++) xs[i] = Cosine(w[i] * xs[i]); }
    private static void SquaredAll<T>(Span<T> xs, ReadOnlySpan<T> w) where T : struct, ILane<T> { for (int i = 0; i < xs.Length; i++) { T v = w[i] * xs[i]; xs[i] = v * v; } }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T Step<T>(T x) where T : struct, ILane<T> => T.IfPositive(x, T.From(1f), T.From(0f));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T Sine<T>(T x) where T : struct, ILane<T> => LaneMath.SinPi(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T Gaussian<T>(T x) where T : struct, ILane<T> => LaneMath.Exp(T.From(-0.5f) * x * x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T Sigmoid<T>(T x) where T : struct, ILane<T> => T.From(0.5f) * (LaneMath.Tanh(T.From(0.5f) * x) + T.From(1f));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T Relu<T>(T x) where T : struct, ILane<T> => T.IfPositive(x, x, T.From(0f));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T Cosine<T>(T x) where T : struct, ILane<T> => LaneMath.CosPi(x);

    public static float Apply(int id, float x) => Apply(id, new FloatLane(x)).Value;

    public static string Name(ActivationFunction f) => f switch
    {
        ActivationFunction.Linear => "linear",
        ActivationFunction.UnsignedStep => "step",
        ActivationFunction.Sine => "sin",
        ActivationFunction.Gaussian => "gauss",
        ActivationFunction.Tanh => "tanh",
        ActivationFunction.Sigmoid => "sigmoid",
        ActivationFunction.Inverse => "inverse",
        ActivationFunction.Absolute => "abs",
        ActivationFunction.Relu => "relu",
        ActivationFunction.Cosine => "cos",
        ActivationFunction.Squared => "squared",
        _ => $"act{(int)f}",
    };
}
