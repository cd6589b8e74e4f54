namespace Wann.Host.Cluster;

/// <summary>
/// One shard of a generation, as data only: the compiled programs of a contiguous genome range (the
/// arrays of a <see cref="Wann.Engine.Programs.ProgramBatch"/>), the task by name, the shared weights,
/// repetitions, seed, generation and the range's first genome. A worker validates it before evaluating.
/// </summary>
[GenerateSerializer]
public sealed record ShardRequest
{
    [Id(0)] public int ProtocolVersion { get; init; } = ClusterProtocol.Version;
    [Id(1)] public string Task { get; init; } = "";
    [Id(2)] public int EpisodeLength { get; init; }
    [Id(3)] public float[] Weights { get; init; } = Array.Empty<float>();
    [Id(4)] public int Repetitions { get; init; }
    [Id(5)] public ulong Seed { get; init; }
    [Id(6)] public long Generation { get; init; }
    [Id(7)] public int FirstGenome { get; init; }
    [Id(8)] public int InputCount { get; init; }
    [Id(9)] public int OutputCount { get; init; }
    [Id(10)] public int[] InstructionStart { get; init; } = Array.Empty<int>();
    [Id(11)] public int[] Activation { get; init; } = Array.Empty<int>();
    [Id(12)] public int[] FirstEdge { get; init; } = Array.Empty<int>();
    [Id(13)] public int[] EdgeCount { get; init; } = Array.Empty<int>();
    [Id(14)] public int[] EdgeSource { get; init; } = Array.Empty<int>();
    [Id(15)] public float[] EdgeScale { get; init; } = Array.Empty<float>();
    [Id(16)] public int[] OutputSlot { get; init; } = Array.Empty<int>();
}
