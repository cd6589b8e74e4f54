using Wann.Engine.Activations;

namespace Wann.Host.Output.Drawing;

/// <summary>How each activation is marked in drawings: a fill colour and a short glyph, with a legend name.</summary>
public static class ActivationStyle
{
    public static string Colour(ActivationFunction f) => f switch
    {
        ActivationFunction.Linear => "#d9d9d9",
        ActivationFunction.UnsignedStep => "#8c564b",
        ActivationFunction.Sine => "#1f77b4",
        ActivationFunction.Gaussian => "#2ca02c",
        ActivationFunction.Tanh => "#ff7f0e",
        ActivationFunction.Sigmoid => "#e377c2",
        ActivationFunction.Inverse => "#7f7f7f",
        ActivationFunction.Absolute => "#bcbd22",
        ActivationFunction.Relu => "#d62728",
        ActivationFunction.Cosine => "#17becf",
        ActivationFunction.Squared => "#9467bd",
        _ => "#000000",
    };

    public static string Glyph(ActivationFunction f) => f switch
    {
        ActivationFunction.Linear => "",
        ActivationFunction.UnsignedStep => "st",
        ActivationFunction.Sine => "sin",
        ActivationFunction.Gaussian => "G",
        ActivationFunction.Tanh => "th",
        ActivationFunction.Sigmoid => "sg",
        ActivationFunction.Inverse => "-x",
        ActivationFunction.Absolute => "|x|",
        ActivationFunction.Relu => "re",
        ActivationFunction.Cosine => "cos",
        ActivationFunction.Squared => "x²",
        _ => "?",
    };
}
