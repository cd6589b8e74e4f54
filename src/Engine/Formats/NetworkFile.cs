using Wann.Engine.Datasets;
using Wann.Engine.Genomes;

namespace Wann.Engine.Formats;

/// <summary>Where a saved network came from: free text plus the run facts when it came from a search.</summary>
/// <param name="TunedFrom">For a network of <c>wann tune</c>: the <see cref="TopologyFingerprint"/> of the network it tuned.</param>
public sealed record Provenance(string Source, long? Generation = null, double? Fitness = null, ulong? Seed = null, string? Created = null, string? TunedFrom = null);

/// <summary>
/// A network as saved on disk: the genome, the task it belongs to (if known), its provenance, and for a network
/// trained on the user's CSV its <see cref="DataContract"/> (null for other networks and for files written before it existed).
/// </summary>
public sealed record NetworkFile(Genome Genome, string? Task, Provenance Provenance, DataContract? Data = null);
