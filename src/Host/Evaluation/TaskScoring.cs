using System.Diagnostics;
using Wann.Engine.Config;
using Wann.Engine.Datasets;
using Wann.Engine.Evaluation;
using Wann.Engine.Genomes;
using Wann.Engine.Programs;
using Wann.Engine.Tasks;
using Wann.Engine.Tuning;
using Wann.Host.Runs;
using Wann.Kernels.Backends;
using Wann.Kernels.Gpu;

namespace Wann.Host.Evaluation;

/// <summary>
/// A task's <see cref="ScoringScheme"/> at work on a backend: what the search and the tuner evaluate, how one
/// network is scored (eval, sweep, report), a condition of the paper's table, the shared-weight sweep and the
/// final score of tuned weights. The commands ask this instead of asking which kind of task they have;
/// <see cref="Open(TaskSpec, IBackend)"/> is the one place that picks the implementation.
/// </summary>
public abstract class TaskScoring : IDisposable
{
    private protected TaskScoring(TaskSpec task, IBackend backend, IEvaluator evaluator)
    {
        Task = task;
        Backend = backend;
        Evaluator = evaluator;
    }

    public TaskSpec Task { get; }

    public ScoringScheme Scheme => Task.Scoring;

    /// <summary>The backend everything runs on (owned: disposed with this).</summary>
    public IBackend Backend { get; }

    /// <summary>What the search and the weight tuner evaluate: the backend's rollouts, or its forward passes on training batches.</summary>
    public IEvaluator Evaluator { get; }

    /// <summary>The task's scoring on <paramref name="backend"/>, which it owns from here (disposed on failure too).</summary>
    public static TaskScoring Open(TaskSpec task, IBackend backend)
    {
        try
        {
            return task.Scoring.Match<TaskScoring>(
                () => new EpisodeScoring(task, backend),
                _ => new AccuracyScoring(task, backend, ClassificationSources.Load(task)));
        }
        catch
        {
            backend.Dispose();
            throw;
        }
    }

    /// <summary>The task's scoring on a backend named as <c>--backend</c> names it.</summary>
    public static TaskScoring Open(TaskSpec task, string backendName, int? threads = null, GpuSchedule schedule = GpuSchedule.Grid) =>
        Open(task, BackendFactory.Create(BackendNames.Parse(backendName), threads, schedule));

    /// <summary>One network at each of <paramref name="weights"/>: <paramref name="episodes"/> episodes per weight (seeded), or the test set.</summary>
    public abstract NetworkScores Score(Genome genome, WeightMode mode, float[] weights, int episodes, ulong seed);

    /// <summary>One condition of the paper's table over <paramref name="trials"/> trials.</summary>
    public abstract ConditionResult Condition(Genome genome, Condition condition, int trials, ulong seed);

    /// <summary>The best single shared weight of <paramref name="genome"/> (coarse, then fine sweep).</summary>
    public abstract SharedTuningResult TuneShared(Genome genome, ulong seed, SharedTuningSettings settings);

    /// <summary>The final score of tuned connection weights: fresh episodes, or the test set's accuracy.</summary>
    public abstract TrialSummary ScoreTuned(WeightTuner tuner, double[] weights);

    /// <summary>Test accuracy of the ensemble over the six standard weights; null where the scheme has no test set.</summary>
    public abstract double? EnsembleAccuracy(Genome genome);

    /// <summary>What <c>train</c> keeps measuring of the run's best network besides fitness; null when nothing.</summary>
    public abstract TestAccuracyTracker? BestNetworkTracker(float[] weights);

    public void Dispose() => Evaluator.Dispose();
}

/// <summary>Episodes: the backend's rollouts, reward statistics per weight.</summary>
internal sealed class EpisodeScoring(TaskSpec task, IBackend backend) : TaskScoring(task, backend, backend)
{
    public override NetworkScores Score(Genome genome, WeightMode mode, float[] weights, int episodes, ulong seed)
    {
        var clock = Stopwatch.StartNew();
        var table = Backend.Evaluate(ProgramBatch.CompileOne(genome, mode), new EvaluationRequest(Task, weights, episodes, seed, Generation: 0));
        var rows = new List<WeightRow>();
        for (int w = 0; w < weights.Length; w++)
        {
            var rewards = Enumerable.Range(0, episodes).Select(r => (double)table.Reward(0, w, r)).ToArray();
            rows.Add(WeightRow.From(weights[w], rewards));
        }
        return new EpisodeScores(Task, weights, clock.Elapsed.TotalSeconds, episodes, rows, table);
    }

    public override ConditionResult Condition(Genome genome, Condition condition, int trials, ulong seed) =>
        ConditionTrials.Rollouts(genome, Task, Evaluator, condition, trials, seed);

    public override SharedTuningResult TuneShared(Genome genome, ulong seed, SharedTuningSettings settings) =>
        SharedWeightTuning.Run(genome, Task, Evaluator, seed, settings);

    public override TrialSummary ScoreTuned(WeightTuner tuner, double[] weights) => tuner.Test(weights);

    public override double? EnsembleAccuracy(Genome genome) => null;

    public override TestAccuracyTracker? BestNetworkTracker(float[] weights) => null;
}

/// <summary>Test accuracy: training batches for fitness (<see cref="ClassificationEvaluator"/>), the held-out test set for scores.</summary>
internal sealed class AccuracyScoring(TaskSpec task, IBackend backend, ClassificationData data)
    : TaskScoring(task, backend, new ClassificationEvaluator(backend, data))
{
    public override NetworkScores Score(Genome genome, WeightMode mode, float[] weights, int episodes, ulong seed)
    {
        var clock = Stopwatch.StartNew();
        var accuracy = ClassificationScore.Of(genome, mode, weights, data.Test, Backend);
        return new AccuracyScores(Task, weights, clock.Elapsed.TotalSeconds, accuracy);
    }

    public override ConditionResult Condition(Genome genome, Condition condition, int trials, ulong seed) =>
        ConditionTrials.Classification(genome, data, Backend, condition, trials, seed);

    public override SharedTuningResult TuneShared(Genome genome, ulong seed, SharedTuningSettings settings) =>
        SharedWeightTuning.RunOnAccuracy(genome, data.Train, Backend, settings);

    public override TrialSummary ScoreTuned(WeightTuner tuner, double[] weights) =>
        TrialSummary.Of(new[] { ClassificationScore.Of(tuner.Connections.Genome(weights), WeightMode.Stored, new[] { 1f }, data.Test, Backend).Accuracy[0] });

    public override double? EnsembleAccuracy(Genome genome) =>
        ClassificationScore.Of(genome, WeightMode.Shared, StandardWeights.Copy(), data.Test, Backend).EnsembleAccuracy;

    public override TestAccuracyTracker? BestNetworkTracker(float[] weights) => new(Backend, data.Test, weights);
}
