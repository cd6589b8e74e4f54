using Wann.Engine.Genomes;
using Wann.Engine.Randomness;

namespace Wann.Engine.Search;

/// <summary>
/// Makes the next generation from a ranked one (one species, no crossover): cull the worst, copy the
/// elite unchanged, fill the rest with mutated copies of tournament winners.
/// Every draw from the run's generator is made first, in child order (parent, mutation, the child's own
/// seed and its reserved ids); the children are then built on all cores, each from its own seed, so the
/// result does not depend on the number of threads.
/// Elites are the parents' own genome objects, and a child copies only the gene lists its mutation changes
/// (<see cref="Genome.CopyForChange"/>): a generation allocates about half of what whole copies took, and
/// the collector had been copying those survivors for most of breeding's time. Genomes of a population are
/// therefore never changed in place.
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

    /// <summary>What one child will be: whose copy, which mutation, from which seed and ids.</summary>
    private readonly record struct ChildPlan(int Parent, MutationKind Mutation, ulong Seed, int FirstNodeId, long FirstInnovation);

    public List<Genome> NextGeneration(IReadOnlyList<Genome> population, IReadOnlyList<int> ranks, SeededRandom random, InnovationCounter counter) =>
        NextGeneration(population, ranks, random, counter, out _);

    /// <param name="parentOf">Index in <paramref name="population"/> of each child's parent (an elite's is itself).</param>
    public List<Genome> NextGeneration(IReadOnlyList<Genome> population, IReadOnlyList<int> ranks, SeededRandom random, InnovationCounter counter, out int[] parentOf)
    {
        int size = population.Count;
        var byRank = ByRank(ranks);
        int cull = (int)Math.Floor(_cullRatio * size);
        int pool = size - cull;
        int elites = Math.Min(size, (int)Math.Floor(pool * _eliteRatio));

        var plans = new ChildPlan[size - elites];
        var poolBound = new IntBound(Math.Max(pool, 1));
        for (int c = 0; c < plans.Length; c++)
        {
            int parent = byRank[Tournament(pool, poolBound, random)];
            var mutation = _mutator.Choose(random);
            ulong seed = random.NextUInt64();
            var (nodeIds, innovations) = Mutator.IdsNeeded(mutation);
            plans[c] = new ChildPlan(parent, mutation, seed, counter.ReserveNodeIds(nodeIds), counter.ReserveInnovations(innovations));
        }

        var children = new Genome[size];
        var options = new ParallelOptions { MaxDegreeOfParallelism = size < 256 ? 1 : -1 };
        parentOf = new int[size];
        for (int e = 0; e < elites; e++) (children[e], parentOf[e]) = (population[byRank[e]], byRank[e]);
        for (int c = 0; c < plans.Length; c++) parentOf[elites + c] = plans[c].Parent;
        Parallel.For(0, plans.Length, options,
            () => (Random: new SeededRandom(1), Ids: new InnovationCounter(0, 0)),
            (c, _, worker) =>
            {
                var plan = plans[c];
                worker.Random.Reseed(plan.Seed);
                worker.Ids.Reset(plan.FirstNodeId, plan.FirstInnovation);
                var (nodes, connections) = Mutator.ListsChanged(plan.Mutation);
                var child = population[plan.Parent].CopyForChange(nodes, connections);
                _mutator.Apply(child, plan.Mutation, worker.Random, worker.Ids);
                children[elites + c] = child;
                return worker;
            },
            _ => { });
        return new List<Genome>(children);
    }

    /// <summary>Individuals best rank first; equal ranks (possible only for unreachable fronts) in index order.</summary>
    private static int[] ByRank(IReadOnlyList<int> ranks)
    {
        int n = ranks.Count;
        var counts = new int[n + 1];
        for (int i = 0; i < n; i++) counts[Math.Clamp(ranks[i], 0, n - 1) + 1]++;
        for (int r = 1; r <= n; r++) counts[r] += counts[r - 1];
        var order = new int[n];
        for (int i = 0; i < n; i++) order[counts[Math.Clamp(ranks[i], 0, n - 1)]++] = i;
        return order;
    }

    /// <summary>
    /// Two tournaments of tournSize uniform draws (with replacement) from the pool, which is sorted best
    /// first; the better winner is the parent, as the original does with crossover off.
    /// </summary>
    private int Tournament(int poolSize, IntBound pool, SeededRandom random)
    {
        if (poolSize <= 0) throw new ArgumentOutOfRangeException(nameof(poolSize)); // as NextInt(0) would
        int best = int.MaxValue;
        for (int draw = 0; draw < 2 * _tournamentSize; draw++) best = Math.Min(best, random.NextInt(pool));
        return best;
    }
}
