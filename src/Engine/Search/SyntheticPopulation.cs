using Wann.Engine.Activations;
using Wann.Engine.Genomes;
using Wann.Engine.Randomness;

namespace Wann.Engine.Search;

/// <summary>
/// Populations grown by the real mutation operators, for tests and benchmarks: every genome starts fully
/// connected and receives random mutations until it has about <c>connections</c> enabled connections.
/// </summary>
public static class SyntheticPopulation
{
    public static List<Genome> Grow(NetworkShape shape, int size, int connections, ulong seed, IReadOnlyList<ActivationFunction>? activations = null)
    {
        var random = new SeededRandom(seed);
        var hidden = activations ?? ActivationSets.Control.ToArray();
        var (population, counter) = InitialPopulation.Create(shape, size, 1.0, random);
        // More add-node than the search's default, so networks get deep as well as wide.
        var mutator = new Mutator(hidden, probAddConnection: 0.45, probAddNode: 0.3, probEnable: 0.05, probChangeActivation: 0.2);
        foreach (var genome in population)
        {
            int guard = 0;
            while (genome.EnabledConnectionCount < connections && guard++ < connections * 20)
                mutator.Apply(genome, mutator.Choose(random), random, counter);
        }
        return population;
    }
}
