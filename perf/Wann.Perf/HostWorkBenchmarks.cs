using BenchmarkDotNet.Attributes;
using Wann.Engine.Genomes;
using Wann.Engine.Programs;
using Wann.Engine.Randomness;
using Wann.Engine.Search;
using Wann.Kernels.Tasks;

namespace Wann.Perf;

/// <summary>Host-side work of a generation: compiling a population, NSGA-II ranking, one mutation pass.</summary>
public class HostWorkBenchmarks
{
    private List<Genome> _population = new();
    private double[][] _objectives = Array.Empty<double[]>();
    private Mutator _mutator = null!;

    [GlobalSetup]
    public void Setup()
    {
        _population = SyntheticPopulation.Grow(new NetworkShape(5, 1), 1024, 30, 1);
        var random = new SeededRandom(2);
        _objectives = Enumerable.Range(0, 10_000).Select(_ => new[] { random.NextDouble() * 500, 1.0 / (1 + random.NextInt(60)) }).ToArray();
        _mutator = new Mutator(CartPoleSwingUp.Spec.HiddenActivations, 0.2, 0.25, 0.05, 0.5);
    }

    [Benchmark]
    public ProgramBatch CompilePopulation1024() => ProgramBatch.Compile(_population, WeightMode.Shared);

    [Benchmark]
    public int[] RankNsga10k() => NsgaRanking.Rank(_objectives);

    [Benchmark]
    public int MutationPass1024()
    {
        var random = new SeededRandom(3);
        var counter = new InnovationCounter(100_000, 1_000_000);
        int nodes = 0;
        foreach (var genome in _population) nodes += _mutator.MutatedChild(genome, random, counter).Nodes.Count;
        return nodes;
    }
}
