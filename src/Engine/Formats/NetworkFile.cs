using Wann.Engine.Genomes;

namespace Wann.Engine.Formats;

/// <summary>Where a saved network came from: free text plus the run facts when it came from a search.</summary>
public sealed record Provenance(string Source, long? Generation = null, double? Fitness = null, ulong? Seed = null, string? Created = null);

/// <summary>A network as saved on disk: the genome, the task it belongs to (if known) and its provenance.</summary>
public sealed record NetworkFile(Genome Genome, string? Task, Provenance Provenance);
