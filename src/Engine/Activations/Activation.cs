using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
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
        // One loop instantiation per formula: a single method holding all of them outgrows the JIT's
        // inlining budget, and the vector operators then turn into calls (ten times slower).
        switch (id)
        {
            case 1: ApplyScaledInPlace<T, LinearFormula>(xs, scales); break;
            case 2: ApplyScaledInPlace<T, StepFormula>(xs, scales); break;
            case 3: ApplyScaledInPlace<T, SineFormula>(xs, scales); break;
            case 4: ApplyScaledInPlace<T, GaussianFormula>(xs, scales); break;
            case 5: ApplyScaledInPlace<T, TanhFormula>(xs, scales); break;
            case 6: ApplyScaledInPlace<T, SigmoidFormula>(xs, scales); break;
            case 7: ApplyScaledInPlace<T, InverseFormula>(xs, scales); break;
            case 8: ApplyScaledInPlace<T, AbsoluteFormula>(xs, scales); break;
            case 9: ApplyScaledInPlace<T, ReluFormula>(xs, scales); break;
            case 10: ApplyScaledInPlace<T, CosineFormula>(xs, scales); break;
            case 11: ApplyScaledInPlace<T, SquaredFormula>(xs, scales); break;
            default: xs.Fill(T.From(float.NaN)); break;
        }
    }

    /// <summary>
    /// xs[i] = f(scales[i] * xs[i]) for the one formula <typeparamref name="TFormula"/>: for an interpreter
    /// that has already switched on the activation, so it skips a second dispatch.
    /// </summary>
    public static void ApplyScaledInPlace<T, TFormula>(Span<T> xs, ReadOnlySpan<T> scales)
        where T : struct, ILane<T> where TFormula : struct, IActivationFormula
    {
        // The loop reads scales without bounds checks: this is the one check.
        if (scales.Length < xs.Length) throw new ArgumentException("one scale per element is needed", nameof(scales));
        ref T x = ref MemoryMarshal.GetReference(xs);
        ref T scale = ref MemoryMarshal.GetReference(scales);
        for (int i = 0; i < xs.Length; i++)
        {
            ref T value = ref Unsafe.Add(ref x, i);
            value = TFormula.Apply(Unsafe.Add(ref scale, i) * value);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static T Step<T>(T x) where T : struct, ILane<T> => T.IfPositive(x, T.From(1f), T.From(0f));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static T Sine<T>(T x) where T : struct, ILane<T> => LaneMath.SinPi(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static T Gaussian<T>(T x) where T : struct, ILane<T> => LaneMath.ExpOfNonPositive(T.From(-0.5f) * x * x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static T Sigmoid<T>(T x) where T : struct, ILane<T> => LaneMath.Logistic(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static T Relu<T>(T x) where T : struct, ILane<T> => T.IfPositive(x, x, T.From(0f));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static T Cosine<T>(T x) where T : struct, ILane<T> => LaneMath.CosPi(x);

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
