using Wann.Engine.Evaluation;

namespace Wann.Host.Cluster;

/// <summary>The evaluator a worker silo runs shards on (one member per local device), created once per silo and shared by its grain.</summary>
public sealed class WorkerBackend(IEvaluator evaluator) : IDisposable
{
    public IEvaluator Evaluator { get; } = evaluator;

    /// <summary>The cluster protocol this worker speaks: <see cref="ClusterProtocol.Version"/> (tests set another to play an older worker).</summary>
    public int ProtocolVersion { get; init; } = ClusterProtocol.Version;

    /// <summary>This worker's build: <see cref="BuildFingerprint.Current"/> (tests set another to play a worker built from other code).</summary>
    public string Fingerprint { get; init; } = BuildFingerprint.Current;

    /// <summary>Memory the worker may use for shards, in bytes: what its runtime may use.</summary>
    public long MemoryBytes { get; init; } = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;

    public void Dispose() => Evaluator.Dispose();
}
