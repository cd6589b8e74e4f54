using Wann.Engine.Activations;
using Wann.Engine.Datasets;
using Wann.Engine.Genomes;

namespace Wann.Engine.Tasks;

/// <summary>The two schemes as a flag: kept only for the cluster code (Host/Cluster), which is being rewritten; ask <see cref="TaskSpec.Scoring"/>.</summary>
public enum TaskKind
{
    Rollout,
    Classification,
}

/// <summary>
/// What the search needs to know about a task: network shape, allowed hidden activations, labels, and how it
/// scores networks (<see cref="Scoring"/>: episodes, or test accuracy on a data set the scheme loads).
/// </summary>
public sealed record TaskSpec(
    string Name,
    NetworkShape Shape,
    IReadOnlyList<ActivationFunction> HiddenActivations,
    int EpisodeLength,
    IReadOnlyList<string> InputLabels,
    IReadOnlyList<string> OutputLabels,
    bool CanRun)
{
    /// <summary>How the task scores networks; episodes unless the spec says otherwise.</summary>
    public ScoringScheme Scoring { get; init; } = ScoringScheme.Episodes;

    /// <summary>The scheme as the old flag, for the cluster code only (see <see cref="TaskKind"/>).</summary>
    public TaskKind Kind => Scoring.HasEpisodes ? TaskKind.Rollout : TaskKind.Classification;

    /// <summary>Why a task cannot run here, as a predicate after "task 'name'" in error messages; null for the runnable ones.</summary>
    public string? WhyNot { get; init; }

    /// <summary>The rewards a rollout task can give, where the task knows them; null where it declares no bound.</summary>
    public RewardRange? Rewards { get; init; }

    /// <summary>For a task built from the user's files: what a raw row must hold and what the outputs mean (saved with its networks); null otherwise.</summary>
    public DataContract? Contract { get; init; }
}
