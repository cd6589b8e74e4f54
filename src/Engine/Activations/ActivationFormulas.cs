using Wann.Engine.Lanes;

namespace Wann.Engine.Activations;

/// <summary>
/// One activation formula as a type, so interpreter loops can be specialised on it and the JIT compiles
/// the formula inline instead of dispatching per element.
/// </summary>
public interface IActivationFormula
{
    static abstract T Apply<T>(T x) where T : struct, ILane<T>;
}

public readonly struct LinearFormula : IActivationFormula { public static T Apply<T>(T x) where T : struct, ILane<T> => x; }
public readonly struct StepFormula : IActivationFormula { public static T Apply<T>(T x) where T : struct, ILane<T> => Activation.Step(x); }
public readonly struct SineFormula : IActivationFormula { public static T Apply<T>(T x) where T : struct, ILane<T> => Activation.Sine(x); }
public readonly struct GaussianFormula : IActivationFormula { public static T Apply<T>(T x) where T : struct, ILane<T> => Activation.Gaussian(x); }
public readonly struct TanhFormula : IActivationFormula { public static T Apply<T>(T x) where T : struct, ILane<T> => LaneMath.Tanh(x); }
public readonly struct SigmoidFormula : IActivationFormula { public static T Apply<T>(T x) where T : struct, ILane<T> => Activation.Sigmoid(x); }
public readonly struct InverseFormula : IActivationFormula { public static T Apply<T>(T x) where T : struct, ILane<T> => -x; }
public readonly struct AbsoluteFormula : IActivationFormula { public static T Apply<T>(T x) where T : struct, ILane<T> => T.Abs(x); }
public readonly struct ReluFormula : IActivationFormula { public static T Apply<T>(T x) where T : struct, ILane<T> => Activation.Relu(x); }
public readonly struct CosineFormula : IActivationFormula { public static T Apply<T>(T x) where T : struct, ILane<T> => Activation.Cosine(x); }
public readonly struct SquaredFormula : IActivationFormula { public static T Apply<T>(T x) where T : struct, ILane<T> => x * x; }
