using Wann.Engine.Genomes;

namespace Wann.Engine.Search;

/// <summary>The run's best network so far and its confirmed fitness (a mean over bestReps re-evaluations).</summary>
public sealed record BestNetwork(Genome Genome, double Fitness, long Generation);
