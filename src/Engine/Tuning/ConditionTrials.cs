using Wann.Engine.Datasets;
using Wann.Engine.Evaluation;
using Wann.Engine.Genomes;
using Wann.Engine.Programs;
using Wann.Engine.Tasks;

namespace Wann.Engine.Tuning;

/// <summary>What one condition scored: a value per trial (episode reward, or test accuracy), the shared weight where there is one.</summary>
public sealed record ConditionResult(Condition Condition, double[] Values, float? Weight, long StepCount, SharedTuningResult? Tuning)
{
    public TrialSummary Summary => TrialSummary.Of(Values);
}

/// <summary>
/// Scores a network under one condition of the paper's table. Trial t of a rollout task runs the episode
/// that <c>wann eval</c> calls repetition t (key: seed, generation 0, t), so every condition meets the same
/// start states, as the original's <c>model.py</c> seeds trial i with seed + i in every mode. In the random
/// conditions each trial draws its own weights (model.py draws once per run; the commented lines in its
/// trial loop draw per trial, which the paper's spread of 57 ± 121 reflects).
/// </summary>
public static class ConditionTrials
{
    /// <summary>The paper's range of random and tuned weights.</summary>
    public const double WeightCap = 2.0;

    // A batch of B programs runs B episodes each and trial t keeps its own diagonal entry; blocks of this
    // many trials bound that to trials x block episodes. Block 0 is generation 0, so up to this many trials
    // meet exactly the episodes of the other conditions; later blocks use generations 1, 2, ...
    private const int DiagonalBlock = 128;

    public static ConditionResult Rollouts(Genome genome, TaskSpec task, IEvaluator evaluator, Condition condition, int trials, ulong seed, SharedTuningSettings? sharedTuning = null)
    {
        if (trials < 1) throw new WannException($"--trials: must be at least 1, got {trials}");
        switch (condition.Kind)
        {
            case ConditionKind.RandomWeights:
            {
                var connections = new TunableConnections(genome);
                return Diagonal(condition, trials, (first, count) =>
                {
                    var vectors = Enumerable.Range(first, count).Select(t => (IReadOnlyList<double>)RandomWeights(connections.Count, seed, t)).ToList();
                    return (connections.Batch(vectors), new[] { 1f });
                }, task, evaluator, seed);
            }
            case ConditionKind.RandomShared:
            {
                var batch = ProgramBatch.CompileOne(genome, WeightMode.Shared);
                return Diagonal(condition, trials, (first, count) =>
                    (batch, Enumerable.Range(first, count).Select(t => RandomShared(seed, t)).ToArray()), task, evaluator, seed);
            }
            case ConditionKind.TunedShared:
            {
                var tuning = SharedWeightTuning.Run(genome, task, evaluator, seed, sharedTuning ?? new SharedTuningSettings());
                var fixedWeight = AtWeight(genome, task, evaluator, new Condition(ConditionKind.Shared, tuning.Weight), WeightMode.Shared, tuning.Weight, trials, seed);
                return fixedWeight with { Condition = condition, Tuning = tuning, StepCount = fixedWeight.StepCount + tuning.StepCount };
            }
            case ConditionKind.Shared:
                return AtWeight(genome, task, evaluator, condition, WeightMode.Shared, condition.Weight, trials, seed);
            default:
                return AtWeight(genome, task, evaluator, condition, WeightMode.Stored, 1f, trials, seed) with { Weight = null };
        }
    }

    /// <summary>
    /// Classification: trial values are test-set accuracies. The random conditions draw weights per trial;
    /// a fixed weight or stored weights give one deterministic accuracy (one trial). The tuned shared weight
    /// is chosen by accuracy on training images, never on the test set.
    /// </summary>
    public static ConditionResult Classification(Genome genome, ClassificationData data, IForwardEvaluator forward,
        Condition condition, int trials, ulong seed, SharedTuningSettings? sharedTuning = null)
    {
        if (trials < 1) throw new WannException($"--trials: must be at least 1, got {trials}");
        switch (condition.Kind)
        {
            case ConditionKind.RandomWeights:
            {
                var connections = new TunableConnections(genome);
                var values = Enumerable.Range(0, trials).Select(t =>
                    ClassificationScore.Of(connections.Genome(RandomWeights(connections.Count, seed, t)), WeightMode.Stored, new[] { 1f }, data.Test, forward).Accuracy[0]).ToArray();
                return new ConditionResult(condition, values, null, 0, null);
            }
            case ConditionKind.RandomShared:
            {
                var weights = Enumerable.Range(0, trials).Select(t => RandomShared(seed, t)).ToArray();
                var values = new List<double>(trials);
                for (int first = 0; first < trials; first += 16) // bounds the outputs held at once
                    values.AddRange(ClassificationScore.Of(genome, WeightMode.Shared, weights[first..Math.Min(trials, first + 16)], data.Test, forward).Accuracy);
                return new ConditionResult(condition, values.ToArray(), null, 0, null);
            }
            case ConditionKind.TunedShared:
            {
                var tuning = SharedWeightTuning.RunOnAccuracy(genome, data.Train, forward, sharedTuning ?? new SharedTuningSettings());
                double accuracy = ClassificationScore.Of(genome, WeightMode.Shared, new[] { tuning.Weight }, data.Test, forward).Accuracy[0];
                return new ConditionResult(condition, new[] { accuracy }, tuning.Weight, 0, tuning);
            }
            case ConditionKind.Shared:
                return new ConditionResult(condition, new[] { ClassificationScore.Of(genome, WeightMode.Shared, new[] { condition.Weight }, data.Test, forward).Accuracy[0] }, condition.Weight, 0, null);
            default:
                return new ConditionResult(condition, new[] { ClassificationScore.Of(genome, WeightMode.Stored, new[] { 1f }, data.Test, forward).Accuracy[0] }, null, 0, null);
        }
    }

    /// <summary>Trial t's per-connection weights, each from U(-2, 2) (WANNTool's <c>get_uniform_random_model_params</c>).</summary>
    public static double[] RandomWeights(int count, ulong seed, int trial) =>
        Enumerable.Range(0, count).Select(c => RandomStreams.Uniform(seed, RandomStreams.RandomWeights, (ulong)trial, (ulong)c, WeightCap)).ToArray();

    /// <summary>Trial t's shared weight, from U(-2, 2).</summary>
    public static float RandomShared(ulong seed, int trial) => (float)RandomStreams.Uniform(seed, RandomStreams.RandomShared, (ulong)trial, 0, WeightCap);

    private static ConditionResult AtWeight(Genome genome, TaskSpec task, IEvaluator evaluator, Condition condition, WeightMode mode, float weight, int trials, ulong seed)
    {
        var batch = ProgramBatch.CompileOne(genome, mode);
        var table = evaluator.Evaluate(batch, new EvaluationRequest(task, new[] { weight }, trials, seed, Generation: 0));
        var values = Enumerable.Range(0, trials).Select(t => (double)table.Reward(0, 0, t)).ToArray();
        return new ConditionResult(condition, values, weight, table.StepCount, null);
    }

    /// <summary>
    /// Trials that each need their own program or weight: a block's batch has one lane group per trial
    /// (a program per trial with weight 1, or one program with a weight per trial) and as many episodes as
    /// trials; trial t keeps its own episode t.
    /// </summary>
    private static ConditionResult Diagonal(Condition condition, int trials, Func<int, int, (ProgramBatch Batch, float[] Weights)> block,
        TaskSpec task, IEvaluator evaluator, ulong seed)
    {
        var values = new double[trials];
        long steps = 0;
        for (int first = 0, b = 0; first < trials; first += DiagonalBlock, b++)
        {
            int count = Math.Min(DiagonalBlock, trials - first);
            var (batch, weights) = block(first, count);
            var table = evaluator.Evaluate(batch, new EvaluationRequest(task, weights, count, seed, Generation: b));
            steps += table.StepCount;
            for (int i = 0; i < count; i++)
                values[first + i] = weights.Length == 1 ? table.Reward(i, 0, i) : table.Reward(0, i, i);
        }
        return new ConditionResult(condition, values, null, steps, null);
    }
}
