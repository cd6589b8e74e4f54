using Wann.Engine.Activations;
using Wann.Engine.Evaluation;
using Wann.Engine.Genomes;
using Wann.Engine.Programs;
using Wann.Engine.Search;
using Wann.Kernels.Cpu;
using Wann.Kernels.Reference;
using Wann.Kernels.Tasks;

namespace Wann.Kernels.Tests;

/// <summary>The SIMD CPU backend against the scalar reference path (reference interpreter + scalar task code).</summary>
public sealed class BackendAgreementTests
{
    private static readonly ActivationFunction[] AllActivations = Enumerable.Range(1, 11).Select(i => (ActivationFunction)i).ToArray();

    internal static ProgramBatch RandomBatch(int genomes, int connections, ulong seed, WeightMode mode = WeightMode.Shared) =>
        ProgramBatch.Compile(SyntheticPopulation.Grow(new NetworkShape(5, 1), genomes, connections, seed, AllActivations), mode);

    public static TheoryData<int, int, int> Shapes => new()
    {
        { 6, 4, 8 },   // 24 lanes: three full vectors
        { 6, 3, 12 },  // 18 lanes: ragged last vector
        { 1, 1, 5 },   // a single lane
        { 7, 5, 20 },  // 35 lanes
        { 2, 1, 40 },  // larger networks
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void ShortEpisodes_AreIdenticalLaneByLane(int weights, int repetitions, int connections)
    {
        var batch = RandomBatch(40, connections, (ulong)(weights * 100 + connections));
        var request = new EvaluationRequest(CartPoleSwingUp.Spec with { EpisodeLength = 25 },
            Enumerable.Range(0, weights).Select(i => -2f + 4f * i / Math.Max(1, weights - 1) + 0.05f).ToArray(), repetitions, 77, 3);
        var fast = new SimdEvaluator().Evaluate(batch, request);
        var reference = new ReferenceEvaluator().Evaluate(batch, request);
        Assert.Equal(reference.StepCount, fast.StepCount);
        // Both run the same IEEE operations in the same order: the rewards are identical, not merely close.
        Assert.Equal(reference.Rewards, fast.Rewards);
    }

    public static TheoryData<int, int, int, int, WeightMode> ForwardShapes => new()
    {
        // weights, input vectors, outputs, connections, weight mode: lane counts that split into lane-vector
        // groups of every width (96 lanes = 8 + 4 vectors; 150 = 8 + 8 + 3; 13 = 2; 3 = 1) and several outputs.
        { 6, 16, 1, 30, WeightMode.Shared },
        { 6, 25, 1, 60, WeightMode.Shared },
        { 1, 13, 3, 20, WeightMode.Shared },
        { 3, 1, 2, 10, WeightMode.Shared },
        { 2, 20, 10, 40, WeightMode.Stored },
    };

    [Theory]
    [MemberData(nameof(ForwardShapes))]
    public void ForwardPasses_AreIdentical(int weightCount, int vectors, int outputs, int connections, WeightMode mode)
    {
        var population = SyntheticPopulation.Grow(new NetworkShape(7, outputs), 37, connections, (ulong)(vectors * 10 + outputs), AllActivations);
        if (mode == WeightMode.Stored)
            foreach (var genome in population)
                for (int i = 0; i < genome.Connections.Count; i++)
                    genome.Connections[i] = genome.Connections[i] with { Weight = 1.5f - 0.35f * (i % 9) };
        var batch = ProgramBatch.Compile(population, mode);
        var random = new Random(5);
        var weights = Enumerable.Range(0, weightCount).Select(i => -2f + 1.3f * i).ToArray();
        var inputs = Enumerable.Range(0, vectors * 7).Select(_ => (float)(random.NextDouble() * 6 - 3)).ToArray();
        var fast = new SimdEvaluator().Forward(batch, weights, inputs);
        var reference = new ReferenceEvaluator().Forward(batch, weights, inputs);
        Assert.Equal(reference, fast);
    }

    [Fact]
    public void StoredWeights_AreIdenticalLaneByLane()
    {
        var population = SyntheticPopulation.Grow(new NetworkShape(5, 1), 20, 15, 8, AllActivations);
        foreach (var genome in population)
            for (int i = 0; i < genome.Connections.Count; i++)
                genome.Connections[i] = genome.Connections[i] with { Weight = 0.25f + 0.1f * (i % 7) - 0.3f * (i % 2) };
        var batch = ProgramBatch.Compile(population, WeightMode.Stored);
        var request = new EvaluationRequest(CartPoleSwingUp.Spec with { EpisodeLength = 25 }, new[] { 1f }, 9, 5, 0);
        var fast = new SimdEvaluator().Evaluate(batch, request).Rewards;
        var reference = new ReferenceEvaluator().Evaluate(batch, request).Rewards;
        Assert.Equal(reference, fast);
    }

    [Fact]
    public void FullEpisodes_AreIdentical()
    {
        var batch = RandomBatch(24, 12, 99);
        var request = new EvaluationRequest(CartPoleSwingUp.Spec, new[] { -2f, -1f, -0.5f, 0.5f, 1f, 2f }, 2, 11, 0);
        var fast = new SimdEvaluator().Evaluate(batch, request);
        var reference = new ReferenceEvaluator(threads: 2).Evaluate(batch, request);
        Assert.Equal(reference.Rewards, fast.Rewards);
        Assert.Equal(reference.StepCount, fast.StepCount);
    }

    [Fact]
    public void Results_DoNotDependOnTheNumberOfThreads()
    {
        var batch = RandomBatch(30, 10, 4);
        var request = new EvaluationRequest(CartPoleSwingUp.Spec with { EpisodeLength = 200 }, new[] { -1f, 0.5f, 2f }, 3, 1, 0);
        var one = new SimdEvaluator(threads: 1).Evaluate(batch, request);
        var many = new SimdEvaluator(threads: 4).Evaluate(batch, request);
        Assert.Equal(one.Rewards, many.Rewards);
        Assert.Equal(one.StepCount, many.StepCount);
    }
}
