namespace Wann.Engine.Tuning;

/// <summary>Settings of a per-connection weight tuning run (<c>wann tune --weights</c>).</summary>
public sealed record WeightTuningSettings
{
    /// <summary>pepg (the paper's population-based REINFORCE) or cma.</summary>
    public string Optimizer { get; init; } = "pepg";
    /// <summary>Candidate weight vectors per generation.</summary>
    public int Population { get; init; } = 64;
    /// <summary>Episodes (or classification batches) per candidate, the same for every candidate of a generation.</summary>
    public int Episodes { get; init; } = 32;
    public int Generations { get; init; } = 2000;
    /// <summary>Start spread of the optimiser; null: its own default (pepg 0.1, cma 0.5, as WANNTool uses them).</summary>
    public double? SigmaInit { get; init; }
    /// <summary>Generations between checks of the optimiser's centre on the validation episodes (WANNTool: every 25).</summary>
    public int ValidateEvery { get; init; } = 25;
    public int ValidationEpisodes { get; init; } = 64;
    /// <summary>Fresh episodes the final weights are scored on.</summary>
    public int TestEpisodes { get; init; } = 100;

    /// <summary>Checks every value; the message names the flag.</summary>
    public WeightTuningSettings Validated()
    {
        if (Population < 2) throw new WannException($"--pop: must be at least 2, got {Population}");
        if (Episodes < 1) throw new WannException($"--episodes: must be at least 1, got {Episodes}");
        if (Generations < 1) throw new WannException($"--gens: must be at least 1, got {Generations}");
        if (SigmaInit is { } s && !(s > 0 && double.IsFinite(s))) throw new WannException($"--sigma: must be a positive number, got {s}");
        if (ValidateEvery < 1) throw new WannException($"--validate-every: must be at least 1, got {ValidateEvery}");
        if (ValidationEpisodes < 1) throw new WannException($"--validation-episodes: must be at least 1, got {ValidationEpisodes}");
        if (TestEpisodes < 1) throw new WannException($"--test-episodes: must be at least 1, got {TestEpisodes}");
        if (!Optimizers.Names.Contains(Optimizer)) throw new WannException($"--optimizer: unknown optimizer '{Optimizer}' (known: {string.Join(", ", Optimizers.Names)})");
        return this;
    }
}
