using Wann.Engine.Genomes;
using Wann.Engine.Randomness;

namespace Wann.Engine.Search;

/// <summary>
/// Makes the next generation from a ranked one (one species, no crossover): cull the worst, copy the
/// elite unchanged, fill the rest with mutated copies of tournament winners.
/// </summary>
public sealed class Breeder
{
    private readonly Mutator _mutator;
    private readonly double _cullRatio;
    private readonly double _eliteRatio;
    private readonly int _tournamentSize;

    public Breeder(Mutator mutator, double cullRatio, double eliteRatio, int tournamentSize)
    {
        _mutator = mutator;
        _cullRatio = cullRatio;
        _eliteRatio = eliteRatio;
        _tournamentSize = tournamentSize;
    }

    public List<Genome> NextGeneration(IReadOnlyList<Genome> population, IReadOnlyList<int> ranks, SeededRandom random, InnovationCounter counter)
    {
        int size = population.Count;
        var byRank = Enumerable.Range(0, size).OrderBy(i => ranks[i]).ToList();
        int cull = (int)Math.Floor(_cullRatio * size);
        var pool = byRank.Take(size - cull).ToList();
        int elites = (int)Math.Floor(pool.Count * _eliteRatio);

        var children = new List<Genome>(size);
        for (int e = 0; e < elites; e++) children.Add(population[pool[e]].Clone());
        while (children.Count < size)
        {
            int parent = Tournament(pool.Count, random);
            children.Add(_mutator.MutatedChild(population[pool[parent]], random, counter));
        }
        return children;
    }

    /// <summary>
    /// Two tournaments of tournSize uniform draws (with replacement) from the pool, which is sorted best
    /// first; the better winner is the parent, as the original does with crossover off.
    /// </summary>
    private int Tournament(int poolSize, SeededRandom random)
    {
        int best = int.MaxValue;
        for (int draw = 0; draw < 2 * _tournamentSize; draw++) best = Math.Min(best, random.NextInt(poolSize));
        return best;
    }
}
