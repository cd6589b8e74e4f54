namespace Wann.Host.Cluster;

/// <summary>What a worker says about itself when the host asks: its protocol and wann versions and its devices.</summary>
[GenerateSerializer]
public sealed record WorkerInfo
{
    [Id(0)] public int ProtocolVersion { get; init; }
    [Id(1)] public string WannVersion { get; init; } = "";
    [Id(2)] public string Backend { get; init; } = "";
    [Id(3)] public string Device { get; init; } = "";
}
