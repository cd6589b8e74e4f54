using Wann.Engine.Activations;
using Wann.Engine.Config;
using Wann.Engine.Evaluation;
using Wann.Engine.Genomes;
using Wann.Engine.Programs;
using Wann.Engine.Search;
using Wann.Engine.Tasks;
using Wann.Kernels.Backends;
using Wann.Kernels.Tasks;

namespace Wann.Kernels.Checks;

/// <summary>One agreement check between a backend and the ground truth: what was compared and how far apart.</summary>
public sealed record CheckResult(string Name, bool Passed, int Values, int Identical, double WorstDifference, string Detail);

/// <summary>
/// Agreement checks a user can run on any machine (<c>wann check</c>), above all on a GPU machine without
/// the .NET SDK: forward passes (shared and stored weights, small and large networks) and short episodes
/// of every rollout task against the scalar reference path, and full episodes of the swing-up champion.
/// Every backend runs the same IEEE float operations in the same order (CUDA kernels are loaded without
/// fused multiply-adds), so a check passes only when every value is bit-identical.
/// </summary>
public static class BackendCheck
{
    private static readonly ActivationFunction[] AllActivations = Enum.GetValues<ActivationFunction>();
    private static readonly float[] Weights = StandardWeights.Copy();

    /// <param name="reference">The reference's answers, shared by the runs that check one backend's kernel families.</param>
    public static IReadOnlyList<CheckResult> Run(IBackend backend, Genome? swingUpChampion, ReferenceAnswers? reference = null)
    {
        reference ??= new ReferenceAnswers();
        var results = new List<CheckResult>();
        foreach (var (label, connections, genomes) in new[] { ("small networks", 40, 64), ("large networks", 600, 8) })
            foreach (var mode in new[] { WeightMode.Shared, WeightMode.Stored })
                results.Add(Forward(backend, reference, mode, label, connections, genomes));
        results.Add(ExtremeInputs(backend, reference));
        foreach (var (label, connections, genomes) in new[] { ("small networks", 40, 64), ("large networks", 600, 8) })
            results.Add(Classification(backend, reference, label, connections, genomes));
        foreach (var task in TaskRegistry.Simulated)
            results.Add(ShortEpisodes(backend, reference, task));
        results.Add(MixedSizeEpisodes(backend, reference));
        if (swingUpChampion is not null) results.Add(ChampionEpisodes(backend, reference, swingUpChampion));
        return results;
    }

    /// <summary>
    /// Lanes of the short-episode check's population probed one by one (<see cref="StateProbe"/>) until one
    /// parts from the reference: the first step and slots where it does, or nothing when none does.
    /// </summary>
    public static IReadOnlyList<StateProbe.SlotDifference> ProbeState(BackendKind kind, TaskSpec task, int lanes = 24)
    {
        var population = Population(task.Shape, 48, 16, 23, storedWeights: false);
        int tried = 0;
        foreach (var genome in population)
            foreach (float weight in new[] { -2f, 2f })
                for (int repetition = 0; repetition < 3; repetition++)
                {
                    if (tried++ == lanes) return Array.Empty<StateProbe.SlotDifference>();
                    var found = StateProbe.Run(kind, task, genome, weight, repetition, Math.Min(task.EpisodeLength, 60), 8);
                    if (found.Count > 0) return found;
                }
        return Array.Empty<StateProbe.SlotDifference>();
    }

    private static List<Genome> Population(NetworkShape shape, int genomes, int connections, ulong seed, bool storedWeights)
    {
        var population = SyntheticPopulation.Grow(shape, genomes, connections, seed, AllActivations);
        if (storedWeights)
            foreach (var genome in population)
                for (int i = 0; i < genome.Connections.Count; i += 2)
                    genome.Connections[i] = genome.Connections[i] with { Weight = 0.75f - 0.2f * (i % 5) };
        return population;
    }

    private static CheckResult Forward(IForwardEvaluator backend, ReferenceAnswers reference, WeightMode mode, string label, int connections, int genomes)
    {
        var batch = ProgramBatch.Compile(Population(new NetworkShape(5, 2), genomes, connections, 17, mode == WeightMode.Stored), mode);
        var random = new Random(5);
        var inputs = Enumerable.Range(0, 16 * 5).Select(_ => (float)(random.NextDouble() * 4 - 2)).ToArray();
        string name = $"forward, {label} (up to {batch.MaxNodeCount} nodes), {(mode == WeightMode.Shared ? "shared" : "stored")} weights";
        return Compare(name, reference.Forward(name, batch, Weights, inputs), backend.Forward(batch, Weights, inputs));
    }

    /// <summary>
    /// Classification scores (ARCHITECTURE.md rule 8): the backend's reduction where its outputs are against the reference's
    /// outputs scored on the host; 10 classes, 1000 rows (a fashion16 batch's), mean losses and hit counts.
    /// </summary>
    private static CheckResult Classification(IForwardEvaluator backend, ReferenceAnswers reference, string label, int connections, int genomes)
    {
        const int classes = 10, rows = 1000;
        var batch = ProgramBatch.Compile(Population(new NetworkShape(5, classes), genomes, connections, 19, storedWeights: false), WeightMode.Shared);
        var random = new Random(7);
        var inputs = Enumerable.Range(0, rows * 5).Select(_ => (float)(random.NextDouble() * 4 - 2)).ToArray();
        var labels = Enumerable.Range(0, rows).Select(_ => random.Next(classes)).ToArray();
        var expected = reference.Classify($"classification {label}", batch, Weights, inputs, labels);
        var actual = backend.Classify(batch, Weights, inputs, labels);
        return Compare($"classification scores, {label} (up to {batch.MaxNodeCount} nodes), {rows} rows",
            expected.MeanLoss.Concat(expected.Correct.Select(c => (float)c)).ToArray(), actual.MeanLoss.Concat(actual.Correct.Select(c => (float)c)).ToArray());
    }

    /// <summary>
    /// Every activation on one node, fed the values unstable networks produce: infinities, NaN, huge,
    /// tiny and denormal numbers, both signs of zero. A mismatch names the activation and the input.
    /// </summary>
    private static CheckResult ExtremeInputs(IForwardEvaluator backend, ReferenceAnswers reference)
    {
        float[] values =
        {
            0f, -0f, 1e-45f, -1e-45f, 1e-40f, 1e-30f, 1e-7f, 0.5f, 1f, -1f, 3.14159265f, 20f, -20f, 88f, 89f, -87f, -104f,
            1e10f, -1e10f, 1e30f, -1e30f, float.MaxValue, float.MinValue, float.PositiveInfinity, float.NegativeInfinity, float.NaN,
        };
        var genomes = ActivationTable.Entries.Select(a => SingleNode(a.Id)).ToList();
        var batch = ProgramBatch.Compile(genomes, WeightMode.Shared);
        const string name = "forward, every activation on extreme inputs (inf, NaN, 1e30, denormals, -0)";
        var expected = reference.Forward(name, batch, Weights, values);
        var actual = backend.Forward(batch, Weights, values);
        var result = Compare(name, expected, actual);
        if (result.Passed) return result;
        // Outputs are [genome (activation) x weight x vector]: name the first input that differs.
        for (int i = 0; i < expected.Length; i++)
            if (!Same(expected[i], actual[i]))
            {
                var activation = ActivationTable.Entries[i / (Weights.Length * values.Length)].Id;
                int weight = i / values.Length % Weights.Length, vector = i % values.Length;
                return result with { Detail = $"{result.Detail}; first: activation {activation} at weight {Weights[weight]}, input {values[vector]:R}: expected {expected[i]:R}, got {actual[i]:R}" };
            }
        return result;
    }

    /// <summary>bias, one input, one output: input -> hidden (the activation) -> output.</summary>
    internal static Genome SingleNode(ActivationFunction activation) => new(new NetworkShape(1, 1),
        new List<NodeGene>
        {
            new(0, NodeKind.Bias, ActivationFunction.Linear),
            new(1, NodeKind.Input, ActivationFunction.Linear),
            new(2, NodeKind.Output, ActivationFunction.Linear),
            new(3, NodeKind.Hidden, activation),
        },
        new List<ConnectionGene> { new(0, 1, 3, true, 1f), new(1, 3, 2, true, 1f) });

    private static bool Same(float a, float b) =>
        BitConverter.SingleToInt32Bits(a) == BitConverter.SingleToInt32Bits(b) || (float.IsNaN(a) && float.IsNaN(b));

    private static CheckResult ShortEpisodes(IEvaluator backend, ReferenceAnswers reference, TaskSpec task)
    {
        var population = Population(task.Shape, 48, 16, 23, storedWeights: false);
        var batch = ProgramBatch.Compile(population, WeightMode.Shared);
        var request = new EvaluationRequest(task with { EpisodeLength = Math.Min(task.EpisodeLength, 60) }, Weights, 4, 8, 2);
        string name = $"{task.Name}, 60-step episodes";
        return CompareTables(name, reference.Evaluate(name, batch, request), backend.Evaluate(batch, request));
    }

    /// <summary>Small and large networks in one batch (several launches, shared and global memory on a GPU).</summary>
    private static CheckResult MixedSizeEpisodes(IEvaluator backend, ReferenceAnswers reference)
    {
        var shape = CartPoleSwingUp.Spec.Shape;
        var population = Population(shape, 24, 10, 31, storedWeights: false)
            .Concat(Population(shape, 8, 120, 32, storedWeights: false))
            .Concat(Population(shape, 4, 700, 33, storedWeights: false)).ToList();
        var batch = ProgramBatch.Compile(population, WeightMode.Shared);
        var request = new EvaluationRequest(CartPoleSwingUp.Spec with { EpisodeLength = 40 }, Weights, 2, 12, 5);
        string name = $"swingup, mixed network sizes (up to {batch.MaxNodeCount} nodes), 40-step episodes";
        return CompareTables(name, reference.Evaluate(name, batch, request), backend.Evaluate(batch, request));
    }

    private static CheckResult ChampionEpisodes(IEvaluator backend, ReferenceAnswers reference, Genome champion)
    {
        var batch = ProgramBatch.CompileOne(champion, WeightMode.Shared);
        var request = new EvaluationRequest(CartPoleSwingUp.Spec, Weights, 16, 99, 0);
        const string name = "swingup champion, full 1000-step episodes (16 per weight)";
        return CompareTables(name, reference.Evaluate(name, batch, request), backend.Evaluate(batch, request));
    }

    private static CheckResult CompareTables(string name, FitnessTable expected, FitnessTable actual)
    {
        var result = Compare(name, expected.Rewards, actual.Rewards);
        if (expected.StepCount == actual.StepCount) return result;
        return result with { Passed = false, Detail = $"{result.Detail}; {actual.StepCount} steps, expected {expected.StepCount}" };
    }

    private static CheckResult Compare(string name, float[] expected, float[] actual)
    {
        if (expected.Length != actual.Length)
            return new CheckResult(name, false, expected.Length, 0, double.PositiveInfinity, $"{actual.Length} values, expected {expected.Length}");
        double worst = 0;
        int identical = 0, first = -1;
        for (int i = 0; i < expected.Length; i++)
        {
            if (Same(expected[i], actual[i]))
            {
                identical++;
                continue;
            }
            if (first < 0) first = i;
            double difference = float.IsFinite(expected[i]) && float.IsFinite(actual[i])
                ? Math.Abs(actual[i] - expected[i]) / Math.Max(1.0, Math.Abs(expected[i]))
                : double.PositiveInfinity;
            worst = Math.Max(worst, difference);
        }
        string detail = $"{identical} of {expected.Length} bit-identical";
        if (first >= 0) detail += $" (first difference at value {first}: expected {expected[first]:R}, got {actual[first]:R})";
        return new CheckResult(name, identical == expected.Length, expected.Length, identical, worst, detail);
    }
}
