namespace Wann.Host.Cluster;

/// <summary>
/// One shard of a generation, as data only: the compiled programs of a contiguous genome range (a
/// <see cref="Wann.Engine.Programs.ProgramBatch"/> in <see cref="Wann.Engine.Programs.ProgramBatchFormat"/>),
/// the task by name, the shared weights, repetitions, seed, generation and the range's first genome; the
/// host's <see cref="BuildFingerprint"/> and how long it waits for the answer. A worker validates it before evaluating.
/// </summary>
[GenerateSerializer]
public sealed record ShardRequest
{
    [Id(0)] public int ProtocolVersion { get; init; } = ClusterProtocol.Version;
    [Id(1)] public string Fingerprint { get; init; } = "";
    [Id(2)] public string Task { get; init; } = "";
    [Id(3)] public int EpisodeLength { get; init; }
    [Id(4)] public float[] Weights { get; init; } = Array.Empty<float>();
    [Id(5)] public int Repetitions { get; init; }
    [Id(6)] public ulong Seed { get; init; }
    [Id(7)] public long Generation { get; init; }
    [Id(8)] public int FirstGenome { get; init; }
    /// <summary>How many genomes <see cref="Programs"/> holds (what the host asked for; the batch must agree).</summary>
    [Id(9)] public int GenomeCount { get; init; }
    [Id(10)] public byte[] Programs { get; init; } = Array.Empty<byte>();
    /// <summary>Seconds the host waits for the answer: past them it has sent the shard elsewhere, and the worker stops.</summary>
    [Id(11)] public double TimeoutSeconds { get; init; }
}
