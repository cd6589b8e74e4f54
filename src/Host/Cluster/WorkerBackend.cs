using Wann.Engine.Evaluation;

namespace Wann.Host.Cluster;

/// <summary>The evaluator a worker silo runs shards on (one member per local device), created once per silo and shared by its grain.</summary>
public sealed class WorkerBackend(IEvaluator evaluator) : IDisposable
{
    public IEvaluator Evaluator { get; } = evaluator;

    public void Dispose() => Evaluator.Dispose();
}
