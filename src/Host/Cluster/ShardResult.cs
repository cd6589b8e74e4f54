namespace Wann.Host.Cluster;

/// <summary>A shard's rewards (<c>[genome, weight, repetition]</c> of its range), steps, and how long the worker took.</summary>
[GenerateSerializer]
public sealed record ShardResult
{
    [Id(0)] public int ProtocolVersion { get; init; } = ClusterProtocol.Version;
    [Id(1)] public int FirstGenome { get; init; }
    [Id(2)] public float[] Rewards { get; init; } = Array.Empty<float>();
    [Id(3)] public long StepCount { get; init; }
    [Id(4)] public double EvaluateSeconds { get; init; }
}
