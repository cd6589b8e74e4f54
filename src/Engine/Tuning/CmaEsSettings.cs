namespace Wann.Engine.Tuning;

/// <summary>Settings of <see cref="CmaEs"/>; every learning rate follows from the dimension and the population.</summary>
public sealed record CmaEsSettings
{
    /// <summary>WANNTool's README: CMA-ES tunes WANN weights better with a start spread of 0.5 than PEPG's 0.1.</summary>
    public const double DefaultSigmaInit = 0.5;

    /// <summary>estool's CMA-ES wrapper subtracts 0.01 x the mean squared parameter from each fitness.</summary>
    public const double DefaultWeightDecay = 0.01;

    /// <summary>Candidates per generation; 0 means Hansen's default 4 + floor(3 ln n).</summary>
    public int Population { get; init; }

    /// <summary>Fitness penalty per unit of mean squared parameter; 0 for plain CMA-ES.</summary>
    public double WeightDecay { get; init; }
}
