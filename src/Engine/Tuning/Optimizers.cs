namespace Wann.Engine.Tuning;

/// <summary>The optimisers by name: new ones for a tuning run, restored ones for a resumed run.</summary>
public static class Optimizers
{
    public static readonly string[] Names = { "pepg", "cma" };

    /// <summary>A fresh optimiser centred on zero (offsets from the tuned shared weight).</summary>
    public static IOptimizer Create(string name, int dimension, int population, double? sigmaInit, ulong seed, string where) => name.ToLowerInvariant() switch
    {
        "pepg" => new Pepg(dimension, new PepgSettings { Population = population, SigmaInit = sigmaInit ?? PepgSettings.DefaultSigmaInit }, seed),
        "cma" => new CmaEs(new double[dimension], sigmaInit ?? CmaEsSettings.DefaultSigmaInit, new CmaEsSettings { Population = population, WeightDecay = CmaEsSettings.DefaultWeightDecay }, seed),
        _ => throw new WannException($"{where}: unknown optimizer '{name}' (known: {string.Join(", ", Names)})"),
    };

    public static IOptimizer Restore(OptimizerState state, double? sigmaInit) => state.Name switch
    {
        "pepg" => Pepg.Restore(state, new PepgSettings { Population = state.PopulationSize, SigmaInit = sigmaInit ?? PepgSettings.DefaultSigmaInit }),
        "cma" => CmaEs.Restore(state, new CmaEsSettings { Population = state.PopulationSize, WeightDecay = CmaEsSettings.DefaultWeightDecay }),
        _ => throw new WannException($"optimizer state: unknown optimizer '{state.Name}'"),
    };
}
