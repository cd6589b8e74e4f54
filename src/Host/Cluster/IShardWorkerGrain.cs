using Orleans.Concurrency;

namespace Wann.Host.Cluster;

/// <summary>
/// The evaluator of one worker silo, keyed by that silo's address (the worker placement puts the
/// activation there), so the host can send each shard to the worker it chose.
/// </summary>
public interface IShardWorkerGrain : IGrainWithStringKey
{
    /// <summary>The worker's protocol, build and wann version, devices and memory; answered even while a shard is being evaluated (the host's ping).</summary>
    [AlwaysInterleave]
    Task<WorkerInfo> Describe();

    /// <summary>
    /// Validates the shard, evaluates it on this worker's devices and returns its rewards; refuses what does
    /// not validate. Stops between parts of the shard once <paramref name="cancellation"/> is signalled (the
    /// host no longer needs it) or the shard's timeout has passed (the host has sent it elsewhere, or is gone).
    /// </summary>
    Task<ShardResult> Evaluate(ShardRequest shard, CancellationToken cancellation);
}
