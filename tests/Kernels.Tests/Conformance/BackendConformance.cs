using Wann.Engine.Activations;
using Wann.Engine.Evaluation;
using Wann.Engine.Genomes;
using Wann.Engine.Programs;
using Wann.Engine.Search;
using Wann.Kernels.Reference;
using Wann.Kernels.Tasks;

namespace Wann.Kernels.Tests.Conformance;

/// <summary>
/// What every backend must do, written once: the same rewards, step counts and forward outputs as the
/// reference path, bit for bit, for every task of the registry, shared and stored weights, networks of
/// mixed sizes and lane counts that fill no vector or warp evenly. A backend gets all of it by adding one
/// line to <see cref="Backends"/>'s file; a task by being in <see cref="TaskRegistry"/>.
/// </summary>
public abstract class BackendConformance(Func<IBackend> open)
{
    private static readonly ActivationFunction[] AllActivations = Enum.GetValues<ActivationFunction>();

    /// <summary>Steps per episode in these tests: long enough for episodes to end at different times, short enough for ILGPU's CPU accelerator.</summary>
    private const int EpisodeSteps = 60;

    /// <summary>
    /// Steps and genomes for tasks with a large world (the walker's Box2D world, thousands of state slots): a step
    /// of theirs costs ILGPU's CPU accelerator about a hundred times a small task's, and the full sizes took 100 s
    /// of the suite for biped. The walker's long episodes are held to the reference elsewhere (BipedRolloutTests).
    /// </summary>
    private const int LargeWorldSteps = 25, LargeWorldGenomes = 4, LargeWorldSlots = 256;

    public static TheoryData<string> SimulatedTasks()
    {
        var data = new TheoryData<string>();
        foreach (var task in TaskRegistry.Simulated) data.Add(task.Name);
        return data;
    }

    private IBackend Open() => open();

    private static ReferenceEvaluator Reference() => new(Environment.ProcessorCount);

    private static List<Genome> Population(NetworkShape shape, int genomes, ulong seed, bool storedWeights)
    {
        // Sizes from a handful of connections to a few dozen, so launches and vectors mix network sizes.
        var population = new List<Genome>();
        for (int g = 0; g < genomes; g++)
            population.AddRange(SyntheticPopulation.Grow(shape, 1, 3 + 7 * (g % 8), seed + (ulong)g, AllActivations));
        if (storedWeights)
            foreach (var genome in population)
                for (int i = 0; i < genome.Connections.Count; i += 2)
                    genome.Connections[i] = genome.Connections[i] with { Weight = 0.75f - 0.2f * (i % 5) };
        return population;
    }

    /// <summary>Every lane's reward the same bits, and the same step count.</summary>
    internal static void AssertSameTable(FitnessTable expected, FitnessTable actual, string what)
    {
        Assert.Equal(expected.Rewards.Length, actual.Rewards.Length);
        for (int i = 0; i < expected.Rewards.Length; i++)
            if (BitConverter.SingleToInt32Bits(expected.Rewards[i]) != BitConverter.SingleToInt32Bits(actual.Rewards[i]))
                Assert.Fail($"{what}: lane {i} reward {actual.Rewards[i]:R}, reference {expected.Rewards[i]:R}");
        Assert.Equal(expected.StepCount, actual.StepCount);
    }

    [SkippableTheory]
    [MemberData(nameof(SimulatedTasks))]
    public void Rollouts_EqualTheReference_ForEveryTask(string taskName)
    {
        using var backend = Open();
        var task = TaskRegistry.Get(taskName, "test");
        bool large = TaskRegistry.Simulator(task).StateSize > LargeWorldSlots;
        var batch = ProgramBatch.Compile(Population(task.Shape, large ? LargeWorldGenomes : 11, 40, storedWeights: false), WeightMode.Shared);
        int steps = large ? LargeWorldSteps : EpisodeSteps;
        var request = new EvaluationRequest(task with { EpisodeLength = Math.Min(task.EpisodeLength, steps) }, new[] { -2f, -1f, -0.5f, 0.5f, 1f, 2f }, 3, 17, 4);
        AssertSameTable(Reference().Evaluate(batch, request), backend.Evaluate(batch, request), taskName);
    }

    [SkippableFact]
    public void StoredWeights_EqualTheReference()
    {
        using var backend = Open();
        var task = CartPoleSwingUp.Spec with { EpisodeLength = EpisodeSteps };
        var batch = ProgramBatch.Compile(Population(task.Shape, 9, 7, storedWeights: true), WeightMode.Stored);
        var request = new EvaluationRequest(task, new[] { 1f }, 5, 3, 0);
        AssertSameTable(Reference().Evaluate(batch, request), backend.Evaluate(batch, request), "stored weights");
    }

    [SkippableFact]
    public void OneGenome_WithALaneCountThatFillsNothingEvenly_EqualsTheReference()
    {
        using var backend = Open();
        var task = PointMass.Spec with { EpisodeLength = EpisodeSteps };
        var batch = ProgramBatch.Compile(Population(task.Shape, 1, 99, storedWeights: false), WeightMode.Shared);
        var request = new EvaluationRequest(task, new[] { 0.5f, 1.5f }, 37, 5, 2);
        AssertSameTable(Reference().Evaluate(batch, request), backend.Evaluate(batch, request), "one genome, 74 lanes");
    }

    [SkippableFact]
    public void Evaluating_Twice_GivesTheSameTable()
    {
        using var backend = Open();
        var task = CartPoleSwingUp.Spec with { EpisodeLength = EpisodeSteps };
        var batch = ProgramBatch.Compile(Population(task.Shape, 6, 11, storedWeights: false), WeightMode.Shared);
        var request = new EvaluationRequest(task, new[] { -1f, 2f }, 2, 8, 1);
        AssertSameTable(backend.Evaluate(batch, request), backend.Evaluate(batch, request), "second evaluation");
    }

    [SkippableFact]
    public void Watched_CountsEveryEpisodeOnce_AndGivesTheReferenceTable()
    {
        using var backend = Open();
        var task = CartPoleSwingUp.Spec with { EpisodeLength = EpisodeSteps };
        var batch = ProgramBatch.Compile(Population(task.Shape, 7, 13, storedWeights: false), WeightMode.Shared);
        var request = new EvaluationRequest(task, new[] { -1f, 0.5f, 2f }, 3, 21, 6);
        var progress = new EvaluationProgress();
        var watched = backend.Evaluate(batch, request with { Progress = progress });
        AssertSameTable(Reference().Evaluate(batch, request), watched, "watched evaluation");
        Assert.Equal((long)batch.ProgramCount * request.LanesPerGenome, progress.Finished);
    }

    [SkippableFact]
    public void Cancelled_ThrowsOperationCanceled_InsteadOfATable()
    {
        using var backend = Open();
        var task = CartPoleSwingUp.Spec with { EpisodeLength = EpisodeSteps };
        var batch = ProgramBatch.Compile(Population(task.Shape, 5, 3, storedWeights: false), WeightMode.Shared);
        using var stop = new CancellationTokenSource();
        stop.Cancel();
        var request = new EvaluationRequest(task, new[] { 1f }, 2, 4, 0) { Progress = new EvaluationProgress(stop.Token) };
        Assert.ThrowsAny<OperationCanceledException>(() => backend.Evaluate(batch, request));
    }

    /// <summary>Seven input vectors fill no vector or warp, nor groups of four vectors a thread; three are fewer than four.</summary>
    [SkippableTheory]
    [InlineData(WeightMode.Shared, 7)]
    [InlineData(WeightMode.Stored, 7)]
    [InlineData(WeightMode.Shared, 3)]
    public void ForwardPasses_EqualTheReference(WeightMode mode, int vectors)
    {
        using var backend = Open();
        var shape = new NetworkShape(5, 3);
        var batch = ProgramBatch.Compile(Population(shape, 10, 23, storedWeights: mode == WeightMode.Stored), mode);
        var weights = new[] { -2f, -0.5f, 1f };
        var random = new Random(9);
        var inputs = Enumerable.Range(0, vectors * shape.Inputs).Select(_ => (float)(random.NextDouble() * 6 - 3)).ToArray();
        var expected = Reference().Forward(batch, weights, inputs);
        var actual = backend.Forward(batch, weights, inputs);
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
            Assert.True(BitConverter.SingleToInt32Bits(expected[i]) == BitConverter.SingleToInt32Bits(actual[i]),
                $"output {i}: {actual[i]:R}, reference {expected[i]:R}");
    }

    /// <summary>
    /// Classification scores (rule 8): each row's softmax cross-entropy and hit in float, folded in row order, the same
    /// bits as the reference's outputs scored on the host; ten classes over 37 rows fill no vector or warp evenly. A
    /// second set of rows holds extreme inputs, so some outputs are infinite or NaN (and every mean loss NaN).
    /// </summary>
    [SkippableTheory]
    [InlineData(WeightMode.Shared, false)]
    [InlineData(WeightMode.Stored, false)]
    [InlineData(WeightMode.Shared, true)]
    public void Classify_EqualsTheReference(WeightMode mode, bool extremeInputs)
    {
        using var backend = Open();
        var shape = new NetworkShape(6, 10);
        var batch = ProgramBatch.Compile(Population(shape, 12, 31, storedWeights: mode == WeightMode.Stored), mode);
        var weights = new[] { -2f, -1f, -0.5f, 0.5f, 1f, 2f };
        const int rows = 37;
        var random = new Random(11);
        var inputs = Enumerable.Range(0, rows * shape.Inputs).Select(_ => (float)(random.NextDouble() * 6 - 3)).ToArray();
        if (extremeInputs)
        {
            inputs[3 * shape.Inputs] = 3e37f;
            inputs[5 * shape.Inputs + 1] = float.PositiveInfinity;
            inputs[8 * shape.Inputs + 2] = float.NaN;
        }
        var labels = Enumerable.Range(0, rows).Select(i => i * 7 % shape.Outputs).ToArray();
        var expected = ((IForwardEvaluator)Reference()).Classify(batch, weights, inputs, labels);
        var actual = backend.Classify(batch, weights, inputs, labels);
        Assert.Equal(rows, actual.Rows);
        Assert.Equal(expected.Correct, actual.Correct);
        Assert.Equal(expected.MeanLoss.Length, actual.MeanLoss.Length);
        for (int i = 0; i < expected.MeanLoss.Length; i++)
            Assert.True(BitConverter.SingleToInt32Bits(expected.MeanLoss[i]) == BitConverter.SingleToInt32Bits(actual.MeanLoss[i]),
                $"(genome, weight) {i}: mean loss {actual.MeanLoss[i]:R}, reference {expected.MeanLoss[i]:R}");
        if (!extremeInputs) Assert.Contains(expected.MeanLoss, float.IsFinite);
    }

    [SkippableFact]
    public void Contract_NamesItselfAndReportsCompileTime()
    {
        using var backend = Open();
        Assert.False(string.IsNullOrWhiteSpace(backend.Name));
        Assert.False(string.IsNullOrWhiteSpace(backend.Device));
        Assert.True(backend.KernelCompileSeconds >= 0);
    }
}
