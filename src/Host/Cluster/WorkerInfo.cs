namespace Wann.Host.Cluster;

/// <summary>What a worker says about itself when the host asks: its protocol, build and wann version, its devices and its memory.</summary>
[GenerateSerializer]
public sealed record WorkerInfo
{
    [Id(0)] public int ProtocolVersion { get; init; }
    [Id(1)] public string WannVersion { get; init; } = "";
    [Id(2)] public string Backend { get; init; } = "";
    [Id(3)] public string Device { get; init; } = "";
    /// <summary>The worker's <see cref="BuildFingerprint"/>: a worker of another build is refused.</summary>
    [Id(4)] public string Fingerprint { get; init; } = "";
    /// <summary>Memory the worker's runtime may use, in bytes: the host sizes the worker's shards to fit it.</summary>
    [Id(5)] public long MemoryBytes { get; init; }
}
