using Wann.Engine.Genomes;

namespace Wann.Engine.Config;

/// <summary>
/// The search's settings, named and defaulted as the original release's <c>default_wan.json</c>.
/// Built by <see cref="HyperparameterLoader"/>, which validates every value at the edge.
/// </summary>
public sealed record Hyperparameters
{
    public string Task { get; init; } = "swingup";
    /// <summary>"standard" or "other" (alg_wDist).</summary>
    public string WeightDistribution { get; init; } = "standard";
    public int WeightCount { get; init; } = 6;
    public int Repetitions { get; init; } = 4;
    public double ProbMoo { get; init; } = 0.80;
    /// <summary>alg_nMean: read from mnist256.json, unused by the original's search.</summary>
    public int? MeanCount { get; init; }
    public int MaxGenerations { get; init; } = 2048;
    public int PopulationSize { get; init; } = 128;
    public double ProbCrossover { get; init; } = 0.0;
    public double ProbMutateActivation { get; init; } = 0.50;
    public double ProbAddNode { get; init; } = 0.25;
    public double ProbAddConnection { get; init; } = 0.20;
    public double ProbEnable { get; init; } = 0.05;
    public double ProbInitialEnable { get; init; } = 0.5;
    public double CullRatio { get; init; } = 0.2;
    public double EliteRatio { get; init; } = 0.2;
    public int TournamentSize { get; init; } = 8;
    public int SaveEvery { get; init; } = 8;
    public int BestRepetitions { get; init; } = 20;
    /// <summary>
    /// express_disabled_hidden: true (the original's accident, kept for parity) expresses and counts a
    /// disabled connection between two hidden nodes; false expresses enabled connections only, as the paper
    /// describes. See <see cref="ConnectionExpression"/>.
    /// </summary>
    public bool ExpressDisabledHidden { get; init; } = true;

    /// <summary>The expression rule of every genome of the search.</summary>
    public ConnectionExpression Expression => ConnectionExpression.For(ExpressDisabledHidden);

    public const float WeightCap = 2f;

    /// <summary>The shared weight values each genome is judged at.</summary>
    public float[] SharedWeights()
    {
        if (WeightDistribution == "standard" && WeightCount == StandardWeights.Count)
            return StandardWeights.Copy();
        if (WeightCount == 1) return new[] { 0f };
        var values = new float[WeightCount];
        for (int i = 0; i < WeightCount; i++)
            values[i] = (float)(-WeightCap + 2.0 * WeightCap * i / (WeightCount - 1));
        return values;
    }
}
