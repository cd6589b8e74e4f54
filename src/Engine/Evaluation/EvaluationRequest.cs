using Wann.Engine.Tasks;

namespace Wann.Engine.Evaluation;

/// <summary>
/// What to evaluate for every program of a batch: each shared weight times each repetition. Repetition r
/// of every genome starts from the same state, keyed by (Seed, Generation, r): common random numbers.
/// </summary>
public sealed record EvaluationRequest(TaskSpec Task, float[] Weights, int Repetitions, ulong Seed, long Generation)
{
    public LaneIndexing Lanes => new(Weights.Length, Repetitions);

    public int LanesPerGenome => Lanes.LanesPerGenome;

    /// <summary>Where to count finished episodes and ask whether to stop now; null when nobody watches. It changes no result.</summary>
    public EvaluationProgress? Progress { get; init; }
}
