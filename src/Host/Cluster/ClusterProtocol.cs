namespace Wann.Host.Cluster;

/// <summary>The version of the messages host and workers exchange; a worker or shard of another version is refused.</summary>
public static class ClusterProtocol
{
    /// <summary>
    /// Raise on any change to <see cref="ShardRequest"/>, <see cref="ShardResult"/>, <see cref="WorkerInfo"/> or
    /// what a shard means. 2: shards carry their programs in <see cref="Wann.Engine.Programs.ProgramBatchFormat"/>,
    /// the <see cref="BuildFingerprint"/> and the host's call timeout; workers say their memory.
    /// </summary>
    public const int Version = 2;

    /// <summary>Most genomes x lanes one shard may ask for: one reward array of a generation.</summary>
    public const long MaxLanes = 1L << 30;
}
