using Wann.Engine.Evaluation;

namespace Wann.Host.Cluster;

/// <summary>The evaluator a worker silo runs shards on (one member per local device), created once per silo and shared by its grain.</summary>
public sealed class WorkerBackend(IEvaluator evaluator) : IDisposable
{
    public IEvaluator Evaluator { get; } = evaluator;

    /// <summary>The cluster protocol this worker speaks: <see cref="ClusterProtocol.Version"/> (tests set another to play an older worker).</summary>
    public int ProtocolVersion { get; init; } = ClusterProtocol.Version;

    public void Dispose() => Evaluator.Dispose();
}
