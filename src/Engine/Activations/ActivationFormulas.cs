using Wann.Engine.Lanes;

namespace Wann.Engine.Activations;

/// <summary>
/// One activation formula as a type, so interpreter loops can be specialised on it and the JIT (or ILGPU)
/// compiles the formula inline instead of dispatching per element. Written once over <see cref="ILane{T}"/>:
/// the reference interpreter, the SIMD backend and the kernels run the same code.
/// </summary>
public interface IActivationFormula
{
    /// <summary>The id the formula has in the original's numbering.</summary>
    static abstract ActivationFunction Id { get; }

    /// <summary>Built from <see cref="LaneMath"/>'s polynomials (dozens of operations) rather than a few lane operations.</summary>
    static virtual bool Transcendental => false;

    static abstract T Apply<T>(T x) where T : struct, ILane<T>;
}

public readonly struct LinearFormula : IActivationFormula
{
    public static ActivationFunction Id => ActivationFunction.Linear;
    public static T Apply<T>(T x) where T : struct, ILane<T> => x;
}

public readonly struct StepFormula : IActivationFormula
{
    public static ActivationFunction Id => ActivationFunction.UnsignedStep;
    public static T Apply<T>(T x) where T : struct, ILane<T> => T.IfPositive(x, T.From(1f), T.From(0f));
}

public readonly struct SineFormula : IActivationFormula
{
    public static ActivationFunction Id => ActivationFunction.Sine;
    public static bool Transcendental => true;
    public static T Apply<T>(T x) where T : struct, ILane<T> => LaneMath.SinPi(x);
}

public readonly struct GaussianFormula : IActivationFormula
{
    public static ActivationFunction Id => ActivationFunction.Gaussian;
    public static bool Transcendental => true;
    public static T Apply<T>(T x) where T : struct, ILane<T> => LaneMath.ExpOfNonPositive(T.From(-0.5f) * x * x);
}

public readonly struct TanhFormula : IActivationFormula
{
    public static ActivationFunction Id => ActivationFunction.Tanh;
    public static bool Transcendental => true;
    public static T Apply<T>(T x) where T : struct, ILane<T> => LaneMath.Tanh(x);
}

public readonly struct SigmoidFormula : IActivationFormula
{
    public static ActivationFunction Id => ActivationFunction.Sigmoid;
    public static bool Transcendental => true;
    public static T Apply<T>(T x) where T : struct, ILane<T> => LaneMath.Logistic(x);
}

public readonly struct InverseFormula : IActivationFormula
{
    public static ActivationFunction Id => ActivationFunction.Inverse;
    public static T Apply<T>(T x) where T : struct, ILane<T> => -x;
}

public readonly struct AbsoluteFormula : IActivationFormula
{
    public static ActivationFunction Id => ActivationFunction.Absolute;
    public static T Apply<T>(T x) where T : struct, ILane<T> => T.Abs(x);
}

public readonly struct ReluFormula : IActivationFormula
{
    public static ActivationFunction Id => ActivationFunction.Relu;
    public static T Apply<T>(T x) where T : struct, ILane<T> => T.IfPositive(x, x, T.From(0f));
}

public readonly struct CosineFormula : IActivationFormula
{
    public static ActivationFunction Id => ActivationFunction.Cosine;
    public static bool Transcendental => true;
    public static T Apply<T>(T x) where T : struct, ILane<T> => LaneMath.CosPi(x);
}

public readonly struct SquaredFormula : IActivationFormula
{
    public static ActivationFunction Id => ActivationFunction.Squared;
    public static T Apply<T>(T x) where T : struct, ILane<T> => x * x;
}
