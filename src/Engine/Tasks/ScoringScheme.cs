using Wann.Engine.Datasets;

namespace Wann.Engine.Tasks;

/// <summary>
/// How a task scores networks, as a type: <see cref="Episodes"/> in a simulator (fitness = mean episode reward),
/// or <see cref="TestAccuracy"/> (fitness = minus the cross-entropy on training batches; a network's final score
/// = its accuracy on a held-out test set). What differs between them is said here (what a chart's axis shows, what
/// the logs count) or by the host's scoring of the scheme, never by asking which kind a task is. A third kind is a
/// third subclass: <see cref="Match{TResult}"/> gains a case, and the compiler points at every place that must
/// say what it does for it.
/// </summary>
public abstract class ScoringScheme
{
    private protected ScoringScheme() { }

    /// <summary>Episodes of a simulator: a lane's reward is an episode's total reward.</summary>
    public static ScoringScheme Episodes { get; } = new EpisodeScheme();

    /// <summary>Classification: training batches for fitness, a held-out test set for the final score.</summary>
    /// <param name="data">Loads the task's data set; null where this build has none (the task does not run here).</param>
    public static ScoringScheme TestAccuracy(Func<ClassificationData>? data) => new AccuracyScheme(data);

    /// <summary>The scheme's name: "episodes" or "test accuracy".</summary>
    public abstract string Name { get; }

    /// <summary>Whether a network of the task plays episodes (to record, animate or spread over a cluster).</summary>
    public abstract bool HasEpisodes { get; }

    /// <summary>What the search's fitness is, for a chart's axis.</summary>
    public abstract string FitnessLabel { get; }

    /// <summary>The title of a run's fitness chart.</summary>
    public abstract string FitnessTitle { get; }

    /// <summary>What a run's fitness curve is called in one word or two ("fitness", "cross-entropy").</summary>
    public abstract string FitnessCurve { get; }

    /// <summary>The unit of evaluation work the logs count ("environment steps", "forward passes").</summary>
    public abstract string WorkUnit { get; }

    /// <summary>What the lanes of an evaluation are, in the plural, for progress lines ("episodes", "training batches").</summary>
    public abstract string LaneUnit { get; }

    /// <summary>What one trial of a condition or a tuned network's final score measures ("episode reward", "test accuracy").</summary>
    public abstract string TrialMeasure { get; }

    /// <summary>Episodes per candidate when tuning weights (a training batch counts as one).</summary>
    public abstract int TuningEpisodes { get; }

    /// <summary>What the shared-weight sweep of <c>tune</c> maximises ("mean episode reward", "training accuracy").</summary>
    public abstract string SweepMeasure { get; }

    /// <summary>Runs <paramref name="episodes"/> or <paramref name="testAccuracy"/> (given the data's loader) for this scheme.</summary>
    public abstract TResult Match<TResult>(Func<TResult> episodes, Func<Func<ClassificationData>?, TResult> testAccuracy);

    public override string ToString() => Name;

    private sealed class EpisodeScheme : ScoringScheme
    {
        public override string Name => "episodes";
        public override bool HasEpisodes => true;
        public override string FitnessLabel => "fitness (reward)";
        public override string FitnessTitle => "Fitness per generation (mean reward over shared weights)";
        public override string FitnessCurve => "fitness";
        public override string WorkUnit => "environment steps";
        public override string LaneUnit => "episodes";
        public override string TrialMeasure => "episode reward";
        public override int TuningEpisodes => 32;
        public override string SweepMeasure => "mean episode reward";
        public override TResult Match<TResult>(Func<TResult> episodes, Func<Func<ClassificationData>?, TResult> testAccuracy) => episodes();
    }

    private sealed class AccuracyScheme(Func<ClassificationData>? data) : ScoringScheme
    {
        public override string Name => "test accuracy";
        public override bool HasEpisodes => false;
        public override string FitnessLabel => "fitness = -cross-entropy";
        public override string FitnessTitle => "Fitness per generation (-cross-entropy on a training batch, mean over weights)";
        public override string FitnessCurve => "cross-entropy";
        public override string WorkUnit => "forward passes";
        public override string LaneUnit => "training batches";
        public override string TrialMeasure => "test accuracy";
        public override int TuningEpisodes => 1;
        public override string SweepMeasure => "training accuracy";
        public override TResult Match<TResult>(Func<TResult> episodes, Func<Func<ClassificationData>?, TResult> testAccuracy) => testAccuracy(data);
    }
}
