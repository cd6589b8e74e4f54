using Wann.Engine.Genomes;
using Wann.Engine.Randomness;

namespace Wann.Engine.Search;

/// <summary>Everything a search needs to continue: a checkpoint is exactly this plus the settings.</summary>
public sealed class SearchState
{
    /// <summary>The generation about to be evaluated (0 for a new run).</summary>
    public long Generation { get; set; }
    public List<Genome> Population { get; set; }
    public InnovationCounter Counter { get; }
    public SeededRandom Random { get; }
    public BestNetwork? Best { get; set; }

    /// <summary>
    /// The previous generation compiled and each genome's parent there, so the next compile can copy the
    /// programs of unchanged topologies. A shortcut, not state: checkpoints leave it out, and a resumed run
    /// compiles from scratch to the same bits.
    /// </summary>
    public Programs.Lineage? Lineage { get; set; }

    public SearchState(long generation, List<Genome> population, InnovationCounter counter, SeededRandom random, BestNetwork? best)
    {
        Generation = generation;
        Population = population;
        Counter = counter;
        Random = random;
        Best = best;
    }
}
