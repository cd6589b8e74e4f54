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
            case 2: return T.IfPositive(x, T.From(1f), T.From(0f));
            case 3: return LaneMath.SinPi(x);
            case 4: return LaneMath.Exp(T.From(-0.5f) * x * x);
            case 5: return LaneMath.Tanh(x);
            case 6: return T.From(0.5f) * (LaneMath.Tanh(T.From(0.5f) * x) + T.From(1f));
            case 7: return -x;
            case 8: return T.Abs(x);
            case 9: return T.IfPositive(x, x, T.From(0f));
            case 10: return LaneMath.CosPi(x);
            case 11: return x * x;
            default: return T.From(float.NaN);
        }
    }

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
