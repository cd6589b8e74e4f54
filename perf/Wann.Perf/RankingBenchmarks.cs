using BenchmarkDotNet.Attributes;
using Wann.Engine.Randomness;
using Wann.Engine.Search;

namespace Wann.Perf;

/// <summary>
/// Two-objective NSGA-II ranking, the sort-and-sweep fronts against the pairwise sort they replaced, on the
/// search's kind of objectives (reward, 1/connections), up to 40k genomes: beyond, the pairwise sort's
/// dominance lists (about N^2 / 2 entries) outgrow a 24 GB machine. The sweep alone at 100k and 1M genomes
/// is M5 of <c>wann bench</c>.
/// <c>dotnet run -c Release --project perf/Wann.Perf -- --filter '*Ranking*'</c>
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class RankingBenchmarks
{
    [Params(10_000, 20_000, 40_000)]
    public int Genomes;

    private double[][] _objectives = Array.Empty<double[]>();

    [GlobalSetup]
    public void Setup()
    {
        var random = new SeededRandom(2);
        _objectives = Enumerable.Range(0, Genomes).Select(_ => new[] { Math.Round(random.NextDouble() * 500, 1), 1.0 / (1 + random.NextInt(60)) }).ToArray();
    }

    [Benchmark(Baseline = true)]
    public int[] Pairwise() => PairwiseNsgaRanking.Rank(_objectives);

    [Benchmark]
    public int[] SortAndSweep() => NsgaRanking.Rank(_objectives);
}
