using Wann.Engine.Activations;
using Wann.Engine.Genomes;

namespace Wann.Engine.Tasks;

/// <summary>How a task scores a network: episodes in a simulator, or classifying images.</summary>
public enum TaskKind
{
    Rollout,
    Classification,
}

/// <summary>
/// What the search needs to know about a task: network shape, allowed hidden activations, labels. A
/// classification task built at run time from the user's files carries its <paramref name="Data"/>; the
/// named ones load theirs through <see cref="Source"/>.
/// </summary>
public sealed record TaskSpec(
    string Name,
    NetworkShape Shape,
    IReadOnlyList<ActivationFunction> HiddenActivations,
    int EpisodeLength,
    IReadOnlyList<string> InputLabels,
    IReadOnlyList<string> OutputLabels,
    bool CanRun,
    TaskKind Kind = TaskKind.Rollout,
    Datasets.ClassificationData? Data = null)
{
    /// <summary>Where a named classification task loads its data from (null for rollout tasks and for tasks that carry <see cref="Data"/>).</summary>
    public Func<Datasets.ClassificationData>? Source { get; init; }

    /// <summary>Why a task cannot run here, as a predicate after "task 'name'" in error messages; null for the runnable ones.</summary>
    public string? WhyNot { get; init; }

    /// <summary>The rewards a rollout task can give, where the task knows them; null where it declares no bound.</summary>
    public RewardRange? Rewards { get; init; }
}
