using Wann.Engine;
using Wann.Engine.Evaluation;
using Wann.Engine.Programs;
using Wann.Engine.Tasks;
using Wann.Host.Evaluation;
using Wann.Kernels.Tasks;

namespace Wann.Host.Cluster;

/// <summary>
/// Checks a shard as it arrives and turns it into a batch and a request: the protocol version and build
/// fingerprint, a known rollout task of the shard's shape, lane counts within the worker's memory, finite
/// weights, and the programs themselves (<see cref="ProgramBatchFormat.Parse"/>, where the format's
/// invariants are checked). A shard that fails is refused with one line saying what is wrong.
/// </summary>
public static class ShardValidator
{
    private const int MaxEpisodeLength = 1_000_000;

    /// <param name="worker">The worker checking it: the protocol it speaks, its build, its memory.</param>
    public static (ProgramBatch Batch, EvaluationRequest Request) Check(ShardRequest shard, WorkerBackend worker) =>
        Check(shard, worker.ProtocolVersion, worker.Fingerprint, worker.MemoryBytes);

    public static (ProgramBatch Batch, EvaluationRequest Request) Check(ShardRequest shard, int speaks, string fingerprint, long memoryBytes)
    {
        if (shard is null) Refuse("empty message");
        if (shard.ProtocolVersion != speaks)
            Refuse($"protocol version {shard.ProtocolVersion}, this worker speaks {speaks} (run the same wann version on host and workers)");
        if (shard.Fingerprint != fingerprint)
            Refuse($"build {shard.Fingerprint}, this worker is build {fingerprint} (host and workers must run the same build of wann)");
        var known = TaskRegistry.Find(shard.Task ?? "");
        if (known is null || known.Kind != TaskKind.Rollout || !known.CanRun)
            Refuse($"task '{shard.Task}' is not a rollout task this worker runs");
        if (shard.EpisodeLength is < 1 or > MaxEpisodeLength) Refuse($"episode length {shard.EpisodeLength} is outside 1..{MaxEpisodeLength}");
        var weights = shard.Weights ?? Array.Empty<float>();
        if (weights.Length == 0 || !Array.TrueForAll(weights, float.IsFinite)) Refuse("weights: expected at least one, all finite");
        if (shard.Repetitions < 1) Refuse($"repetitions {shard.Repetitions}: expected at least 1");
        if (shard.FirstGenome < 0) Refuse($"first genome {shard.FirstGenome} is negative");
        if (shard.GenomeCount < 1) Refuse($"{shard.GenomeCount} genomes");
        if (!(shard.TimeoutSeconds > 0)) Refuse($"timeout {shard.TimeoutSeconds} s: expected above 0");
        // Every size is checked before anything is allocated for it: the reward array, the lanes' state.
        long lanes = (long)shard.GenomeCount * weights.Length * shard.Repetitions;
        if (lanes > ClusterProtocol.MaxLanes) Refuse($"{lanes:N0} lanes, more than one shard may hold ({ClusterProtocol.MaxLanes:N0})");
        if (MemoryNeed.ForLanes(lanes) > memoryBytes / 2.0)
            Refuse($"{lanes:N0} lanes would need about {MemoryNeed.Format(MemoryNeed.ForLanes(lanes))}, more than half of this worker's {MemoryNeed.Format(memoryBytes)}");

        ProgramBatch batch;
        try
        {
            batch = ProgramBatchFormat.Parse(shard.Programs ?? Array.Empty<byte>());
        }
        catch (WannException e)
        {
            throw new ShardRefusedException($"shard refused: {e.Message}");
        }
        if (batch.ProgramCount != shard.GenomeCount) Refuse($"{batch.ProgramCount} programs, the shard says {shard.GenomeCount}");
        if (batch.InputCount != known.Shape.Inputs || batch.OutputCount != known.Shape.Outputs)
            Refuse($"programs of {batch.InputCount} inputs and {batch.OutputCount} outputs do not fit task {known.Name}");
        var task = known with { EpisodeLength = shard.EpisodeLength };
        return (batch, new EvaluationRequest(task, weights, shard.Repetitions, shard.Seed, shard.Generation));
    }

    /// <summary>The shard of programs <c>[first, first + count)</c> of a batch, for a request, from a host that waits <paramref name="timeout"/> for it.</summary>
    public static ShardRequest From(ProgramBatch batch, int first, int count, EvaluationRequest request, TimeSpan timeout) => new()
    {
        Fingerprint = BuildFingerprint.Current,
        Task = request.Task.Name,
        EpisodeLength = request.Task.EpisodeLength,
        Weights = request.Weights,
        Repetitions = request.Repetitions,
        Seed = request.Seed,
        Generation = request.Generation,
        FirstGenome = first,
        GenomeCount = count,
        Programs = ProgramBatchFormat.ToBytes(batch.Slice(first, count)),
        TimeoutSeconds = timeout.TotalSeconds,
    };

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private static void Refuse(string problem) => throw new ShardRefusedException($"shard refused: {problem}");
}
