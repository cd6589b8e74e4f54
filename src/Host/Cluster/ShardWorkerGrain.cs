using System.Diagnostics;
using Wann.Engine.Evaluation;

namespace Wann.Host.Cluster;

/// <summary>
/// A worker's side of a shard: checks it (<see cref="ShardValidator"/>), evaluates it on the silo's one
/// evaluator (one member per local device) and returns the rows. Calls run one at a time (Orleans grains
/// are not reentrant), so the devices are never shared between two shards.
/// </summary>
[WorkerPlacement]
public sealed class ShardWorkerGrain(WorkerBackend backend) : Grain, IShardWorkerGrain
{
    public Task<WorkerInfo> Describe() => Task.FromResult(new WorkerInfo
    {
        ProtocolVersion = backend.ProtocolVersion,
        WannVersion = BuildInfo.Version,
        Backend = backend.Evaluator.Name,
        Device = backend.Evaluator.Device,
    });

    public async Task<ShardResult> Evaluate(ShardRequest shard)
    {
        var (batch, request) = ShardValidator.Check(shard, backend.ProtocolVersion);
        var clock = Stopwatch.StartNew();
        // Off the grain's turn: an evaluation takes seconds, and the silo keeps answering probes meanwhile.
        FitnessTable table = await Task.Run(() => backend.Evaluator.Evaluate(batch, request));
        return new ShardResult
        {
            FirstGenome = shard.FirstGenome,
            Rewards = table.Rewards,
            StepCount = table.StepCount,
            EvaluateSeconds = clock.Elapsed.TotalSeconds,
        };
    }
}
