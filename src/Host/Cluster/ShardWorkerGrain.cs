using System.Diagnostics;
using Wann.Engine.Evaluation;
using Wann.Engine.Programs;

namespace Wann.Host.Cluster;

/// <summary>
/// A worker's side of a shard: checks it (<see cref="ShardValidator"/>), evaluates it on the silo's one
/// evaluator (one member per local device) and returns the rows. Calls run one at a time (Orleans grains
/// are not reentrant), so the devices are never shared between two shards. A large shard is evaluated in
/// parts, and between parts the worker stops if the host has cancelled the call or its timeout has passed:
/// a host that gave up on a shard, or went away, does not keep the worker busy.
/// </summary>
[WorkerPlacement]
public sealed class ShardWorkerGrain(WorkerBackend backend) : Grain, IShardWorkerGrain
{
    /// <summary>Lane-steps (lanes x episode steps) of a first part, before this worker's speed is known.</summary>
    private const long FirstPartLaneSteps = 1L << 24;

    /// <summary>How long a part should take: how late the worker may notice that the host no longer waits.</summary>
    private static readonly TimeSpan PartTime = TimeSpan.FromSeconds(1);

    /// <summary>Lane-steps a second this worker evaluated in its last part (0 until it has evaluated one).</summary>
    private double _laneStepsPerSecond;

    public Task<WorkerInfo> Describe() => Task.FromResult(new WorkerInfo
    {
        ProtocolVersion = backend.ProtocolVersion,
        WannVersion = BuildInfo.Version,
        Backend = backend.Evaluator.Name,
        Device = backend.Evaluator.Device,
        Fingerprint = backend.Fingerprint,
        MemoryBytes = backend.MemoryBytes,
    });

    public async Task<ShardResult> Evaluate(ShardRequest shard, CancellationToken cancellation)
    {
        var received = DateTime.UtcNow;
        var (batch, request) = ShardValidator.Check(shard, backend);
        // The validator has checked the timeout is above 0; a year caps what a date can hold.
        var deadline = received.AddSeconds(Math.Min(shard.TimeoutSeconds, 365 * 86400.0));
        var clock = Stopwatch.StartNew();
        // Off the grain's turn: an evaluation takes seconds, and the silo keeps answering probes meanwhile.
        FitnessTable table = await Task.Run(() => EvaluateInParts(batch, request, deadline, cancellation));
        return new ShardResult
        {
            FirstGenome = shard.FirstGenome,
            Rewards = table.Rewards,
            StepCount = table.StepCount,
            EvaluateSeconds = clock.Elapsed.TotalSeconds,
        };
    }

    /// <summary>The shard's table, evaluated a part (a genome range) at a time; rows are the same whatever the parts.</summary>
    private FitnessTable EvaluateInParts(ProgramBatch batch, EvaluationRequest request, DateTime deadline, CancellationToken cancellation)
    {
        int genomes = batch.ProgramCount, lanes = request.LanesPerGenome;
        long laneStepsPerGenome = Math.Max(1L, (long)lanes * request.Task.EpisodeLength);
        var rewards = new float[(long)genomes * lanes];
        long steps = 0;
        for (int first = 0; first < genomes;)
        {
            cancellation.ThrowIfCancellationRequested();
            if (DateTime.UtcNow > deadline) throw new OperationCanceledException("the host's call timeout passed: it has sent this shard elsewhere");
            // About PartTime of work at this worker's last speed (a whole shard that takes less is one part).
            double laneSteps = _laneStepsPerSecond > 0 ? _laneStepsPerSecond * PartTime.TotalSeconds : FirstPartLaneSteps;
            int count = (int)Math.Clamp(laneSteps / laneStepsPerGenome, 1, genomes - first);
            var clock = Stopwatch.StartNew();
            var part = backend.Evaluator.Evaluate(first == 0 && count == genomes ? batch : batch.Slice(first, count), request);
            _laneStepsPerSecond = count * (double)laneStepsPerGenome / Math.Max(clock.Elapsed.TotalSeconds, 1e-3);
            if (first == 0 && count == genomes) return part;
            Array.Copy(part.Rewards, 0, rewards, (long)first * lanes, part.Rewards.Length);
            steps += part.StepCount;
            first += count;
        }
        return new FitnessTable(genomes, request.Weights.Length, request.Repetitions, rewards) { StepCount = steps };
    }
}
