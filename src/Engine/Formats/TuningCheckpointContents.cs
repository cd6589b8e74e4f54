using Wann.Engine.Genomes;

namespace Wann.Engine.Formats;

/// <summary>
/// What a tuning checkpoint must hold for a tuning run to continue from it (its SHA-256 has no key, so an
/// edited file signed again is judged by its contents): a mode of shared or weights, a finite shared weight,
/// and, once the weight stage has begun, an optimiser of the run's kind and population over exactly the
/// network's enabled connections, at a generation within the run's, whose every value is finite and within
/// ±<see cref="MaxMagnitude"/> (a run's values are weight offsets, spreads and their moments, of order 1,
/// and step counts: far larger ones only overflow in the next steps), with a best offset vector of the same length.
/// </summary>
public static class TuningCheckpointContents
{
    public const double MaxMagnitude = 1e12;

    /// <summary>Throws a <see cref="WannException"/> naming <paramref name="where"/> and the first problem; <paramref name="network"/> is the checkpoint's network, parsed.</summary>
    public static void Validate(TuningCheckpointFormat.Checkpoint checkpoint, Genome network, string where)
    {
        void Require(bool ok, string problem)
        {
            if (!ok) throw new WannException($"{where}: {problem}");
        }
        Require(checkpoint.Mode is "shared" or "weights", $"mode '{checkpoint.Mode}' is not shared or weights");
        Require(float.IsFinite(checkpoint.SharedWeight), $"shared weight {checkpoint.SharedWeight} is not finite");
        if (checkpoint.State is not { } state) return;
        Require(checkpoint.Mode == "weights", "a shared-weight run holds no optimiser state");
        var optimizer = state.Optimizer;
        var saved = optimizer.Save();
        Require(string.Equals(optimizer.Name, checkpoint.Settings.Optimizer, StringComparison.OrdinalIgnoreCase), $"optimiser {optimizer.Name}, but the run's is {checkpoint.Settings.Optimizer}");
        Require(optimizer.PopulationSize == checkpoint.Settings.Population, $"optimiser population {optimizer.PopulationSize}, but the run's is {checkpoint.Settings.Population}");
        int tunable = network.EnabledConnectionCount;
        Require(optimizer.Dimension == tunable, $"optimiser over {optimizer.Dimension} weights, but the network has {tunable} enabled connections");
        Require(optimizer.Generation >= 0 && optimizer.Generation <= checkpoint.Settings.Generations, $"generation {optimizer.Generation} is outside 0..{checkpoint.Settings.Generations}");
        Require(state.BestGeneration >= -1 && state.BestGeneration <= optimizer.Generation, $"best generation {state.BestGeneration} is outside -1..{optimizer.Generation}");
        foreach (var (name, values) in saved.Arrays.Append(new KeyValuePair<string, double[]>("best", state.Best)))
            foreach (double v in values)
                Require(double.IsFinite(v) && Math.Abs(v) <= MaxMagnitude, $"optimiser field '{name}' holds {v}, not a finite value within ±{MaxMagnitude:G}");
    }
}
