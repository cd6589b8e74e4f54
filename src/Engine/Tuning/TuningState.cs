namespace Wann.Engine.Tuning;

/// <summary>
/// Everything a weight tuning run needs to continue: the optimiser (with its generation) and the best
/// offsets found so far with their validation score. Offsets are added to <see cref="SharedWeight"/>.
/// </summary>
public sealed class TuningState
{
    public TuningState(float sharedWeight, IOptimizer optimizer, double[] best, double bestScore, long bestGeneration)
    {
        SharedWeight = sharedWeight;
        Optimizer = optimizer;
        Best = best;
        BestScore = bestScore;
        BestGeneration = bestGeneration;
    }

    public float SharedWeight { get; }
    public IOptimizer Optimizer { get; }
    public long Generation => Optimizer.Generation;
    public double[] Best { get; set; }
    /// <summary>Mean validation reward of <see cref="Best"/>.</summary>
    public double BestScore { get; set; }
    /// <summary>Generation after which <see cref="Best"/> was found; -1 for the shared weight alone.</summary>
    public long BestGeneration { get; set; }
}
