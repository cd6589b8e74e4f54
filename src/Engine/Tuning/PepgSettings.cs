namespace Wann.Engine.Tuning;

/// <summary>
/// Settings of <see cref="Pepg"/>. The defaults are those WANNTool's <c>train.py</c> gives estool's PEPG for
/// fine-tuning WANN weights (sigma 0.1, sigma learning rate 0.2, sigma decay 0.999 down to 0.02, Adam with
/// learning rate 0.01, weight decay 0.005, rank-based fitness, the batch mean as baseline).
/// </summary>
public sealed record PepgSettings
{
    public const double DefaultSigmaInit = 0.1;

    /// <summary>Candidates per generation: antithetic pairs, so even.</summary>
    public int Population { get; init; } = 64;
    public double SigmaInit { get; init; } = DefaultSigmaInit;
    public double SigmaAlpha { get; init; } = 0.2;
    public double SigmaDecay { get; init; } = 0.999;
    public double SigmaLimit { get; init; } = 0.02;
    /// <summary>Largest relative change of a sigma in one generation.</summary>
    public double SigmaMaxChange { get; init; } = 0.2;
    public double LearningRate { get; init; } = 0.01;
    public double LearningRateDecay { get; init; } = 1.0;
    public double LearningRateLimit { get; init; } = 0.01;
    /// <summary>Fitness penalty per unit of mean squared parameter (pulls offsets towards the shared weight).</summary>
    public double WeightDecay { get; init; } = 0.005;
    public double AdamBeta1 { get; init; } = 0.99;
    public double AdamBeta2 { get; init; } = 0.999;
}
