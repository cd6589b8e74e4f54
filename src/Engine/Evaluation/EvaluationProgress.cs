namespace Wann.Engine.Evaluation;

/// <summary>
/// Where a running evaluation stands, and how to stop it early: backends count the episodes (lanes) they
/// finish and check <see cref="Cancellation"/> between chunks of episodes (a CPU work item, a GPU launch, a
/// cluster tick), throwing <see cref="OperationCanceledException"/> when it is set. Counting and checking
/// change no result: an evaluation either completes with the same bits or throws.
/// </summary>
public sealed class EvaluationProgress
{
    private long _planned;
    private long _finished;

    public EvaluationProgress(CancellationToken cancellation = default) => Cancellation = cancellation;

    /// <summary>Set when the evaluation is to stop now, its partial results thrown away.</summary>
    public CancellationToken Cancellation { get; }

    /// <summary>Episodes the evaluations started so far will run in all.</summary>
    public long Planned => Interlocked.Read(ref _planned);

    /// <summary>Episodes finished so far.</summary>
    public long Finished => Interlocked.Read(ref _finished);

    /// <summary>Said by whoever starts an evaluation: <paramref name="episodes"/> more are coming.</summary>
    public void Plan(long episodes) => Interlocked.Add(ref _planned, episodes);

    /// <summary>Said by a backend as chunks finish; safe from any thread.</summary>
    public void Finish(long episodes) => Interlocked.Add(ref _finished, episodes);
}
