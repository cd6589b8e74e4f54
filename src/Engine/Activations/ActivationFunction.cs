namespace Wann.Engine.Activations;

/// <summary>Node activation functions, numbered exactly as the original WANN release numbers them.</summary>
public enum ActivationFunction : byte
{
    Linear = 1,
    UnsignedStep = 2,
    Sine = 3,
    Gaussian = 4,
    Tanh = 5,
    Sigmoid = 6,
    Inverse = 7,
    Absolute = 8,
    Relu = 9,
    Cosine = 10,
    Squared = 11,
}
