using Orleans.Placement;
using Orleans.Runtime.Placement;

namespace Wann.Host.Cluster;

/// <summary>Places a worker grain on the silo its key names (a silo address), so each worker evaluates the shards sent to it.</summary>
[GenerateSerializer, Immutable]
public sealed class WorkerPlacementStrategy : PlacementStrategy
{
    internal static readonly WorkerPlacementStrategy Singleton = new();
}

/// <summary>Marks a grain class as placed by <see cref="WorkerPlacementStrategy"/>.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class WorkerPlacementAttribute() : PlacementAttribute(WorkerPlacementStrategy.Singleton);

/// <summary>Picks the silo named by the grain's key; a silo that is no longer in the cluster fails the call, and the host sends the shard elsewhere.</summary>
public sealed class WorkerPlacementDirector : IPlacementDirector
{
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        string key = target.GrainIdentity.Key.ToString()!;
        var silos = context.GetCompatibleSilos(target);
        foreach (var silo in silos)
            if (silo.ToParsableString() == key) return Task.FromResult(silo);
        throw new OrleansException($"worker {key} is not in the cluster");
    }
}
