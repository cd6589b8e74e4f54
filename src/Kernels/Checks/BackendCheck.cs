using Wann.Engine.Activations;
using Wann.Engine.Evaluation;
using Wann.Engine.Genomes;
using Wann.Engine.Programs;
using Wann.Engine.Search;
using Wann.Engine.Tasks;
using Wann.Kernels.Cpu;
using Wann.Kernels.Reference;

namespace Wann.Kernels.Checks;

/// <summary>One agreement check between a backend and the ground truth: what was compared and how far apart.</summary>
public sealed record CheckResult(string Name, bool Passed, double WorstDifference, double Tolerance, string Detail);

/// <summary>
/// Agreement checks a user can run on any machine (<c>wann check</c>), above all on a GPU machine without
/// the .NET SDK: forward passes against the reference interpreter, short and full swing-up episodes
/// against the SIMD CPU backend. Relative tolerances allow for fused multiply-adds on GPUs.
/// </summary>
public static class BackendCheck
{
    private static readonly ActivationFunction[] AllActivations = Enumerable.Range(1, 11).Select(i => (ActivationFunction)i).ToArray();

    public static IReadOnlyList<CheckResult> Run(IEvaluator backend, Genome? swingUpChampion)
    {
        var results = new List<CheckResult>();
        if (backend is IForwardEvaluator forward)
            foreach (var mode in new[] { WeightMode.Shared, WeightMode.Stored })
                results.Add(Forward(forward, mode));
        results.Add(ShortEpisodes(backend));
        if (swingUpChampion is not null) results.Add(ChampionEpisodes(backend, swingUpChampion));
        return results;
    }

    private static CheckResult Forward(IForwardEvaluator backend, WeightMode mode)
    {
        var population = SyntheticPopulation.Grow(new NetworkShape(5, 2), 64, 40, 17, AllActivations);
        foreach (var genome in population)
            for (int i = 0; i < genome.Connections.Count; i += 2)
                genome.Connections[i] = genome.Connections[i] with { Weight = 0.75f - 0.2f * (i % 5) };
        var batch = WannSearch.Compile(population, mode);
        var weights = new[] { -2f, -1f, -0.5f, 0.5f, 1f, 2f };
        var random = new Random(5);
        var inputs = Enumerable.Range(0, 16 * 5).Select(_ => (float)(random.NextDouble() * 4 - 2)).ToArray();
        var expected = new ReferenceEvaluator(Environment.ProcessorCount).Forward(batch, weights, inputs);
        var actual = backend.Forward(batch, weights, inputs);
        return Compare($"forward, {(mode == WeightMode.Shared ? "shared" : "stored")} weights ({expected.Length} outputs)", expected, actual, 1e-5);
    }

    private static CheckResult ShortEpisodes(IEvaluator backend)
    {
        var population = SyntheticPopulation.Grow(new NetworkShape(5, 1), 64, 14, 23, AllActivations);
        var batch = WannSearch.Compile(population, WeightMode.Shared);
        var request = new EvaluationRequest(TaskCatalog.SwingUp with { EpisodeLength = 30 }, new[] { -2f, -1f, -0.5f, 0.5f, 1f, 2f }, 4, 8, 2);
        var expected = new SimdEvaluator().Evaluate(batch, request).Rewards;
        var actual = backend.Evaluate(batch, request).Rewards;
        return Compare($"swing-up, 30-step episodes ({expected.Length} lanes)", expected, actual, 1e-3);
    }

    private static CheckResult ChampionEpisodes(IEvaluator backend, Genome champion)
    {
        var batch = ProgramBatch.Concatenate(new[] { ProgramCompiler.Compile(champion, WeightMode.Shared) });
        var weights = new[] { -2f, -1f, -0.5f, 0.5f, 1f, 2f };
        var request = new EvaluationRequest(TaskCatalog.SwingUp, weights, 64, 99, 0);
        var expected = new SimdEvaluator().Evaluate(batch, request);
        var actual = backend.Evaluate(batch, request);
        var e = Enumerable.Range(0, weights.Length).Select(w => (float)expected.MeanAtWeight(0, w)).ToArray();
        var a = Enumerable.Range(0, weights.Length).Select(w => (float)actual.MeanAtWeight(0, w)).ToArray();
        return Compare("swing-up champion, full episodes, mean reward per weight (64 episodes each)", e, a, 0.01);
    }

    private static CheckResult Compare(string name, float[] expected, float[] actual, double tolerance)
    {
        if (expected.Length != actual.Length)
            return new CheckResult(name, false, double.PositiveInfinity, tolerance, $"{actual.Length} values, expected {expected.Length}");
        double worst = 0;
        int mismatches = 0, identical = 0;
        for (int i = 0; i < expected.Length; i++)
        {
            if (float.IsNaN(expected[i]) || float.IsNaN(actual[i]))
            {
                if (float.IsNaN(expected[i]) != float.IsNaN(actual[i])) mismatches++;
                else identical++;
                continue;
            }
            if (expected[i] == actual[i]) identical++;
            double difference = Math.Abs(actual[i] - expected[i]) / Math.Max(1.0, Math.Abs(expected[i]));
            worst = Math.Max(worst, difference);
            if (difference > tolerance) mismatches++;
        }
        return new CheckResult(name, mismatches == 0, worst, tolerance, $"{identical} of {expected.Length} bit-identical, {mismatches} beyond tolerance");
    }
}
