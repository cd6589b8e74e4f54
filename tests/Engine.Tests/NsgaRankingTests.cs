using Wann.Engine.Search;

namespace Wann.Engine.Tests;

public sealed class NsgaRankingTests
{
    private static double[][] Points(params (double, double)[] p) => p.Select(t => new[] { t.Item1, t.Item2 }).ToArray();

    [Fact]
    public void Fronts_SeparateNonDominatedLayers()
    {
        // Front 0: (3,1) (2,2) (1,3); front 1: (2,1) (1,2); front 2: (1,1).
        var objectives = Points((1, 1), (3, 1), (2, 1), (2, 2), (1, 3), (1, 2));
        var fronts = NsgaRanking.Fronts(objectives);
        Assert.Equal(new[] { 1, 3, 4 }, fronts[0].OrderBy(i => i));
        Assert.Equal(new[] { 2, 5 }, fronts[1].OrderBy(i => i));
        Assert.Equal(new[] { 0 }, fronts[2]);
    }

    [Fact]
    public void Rank_PutsWholeFrontsFirst_AndEndsOfAFrontBeforeItsMiddle()
    {
        var objectives = Points((1, 1), (3, 1), (2, 1), (2, 2), (1, 3), (1, 2));
        var ranks = NsgaRanking.Rank(objectives);
        // Front 0 takes ranks 0..2, its middle point (2,2) last because the ends have infinite distance.
        Assert.Equal(2, ranks[3]);
        Assert.Equal(new[] { 0, 1 }, new[] { ranks[1], ranks[4] }.OrderBy(r => r));
        Assert.Equal(new[] { 3, 4 }, new[] { ranks[2], ranks[5] }.OrderBy(r => r));
        Assert.Equal(5, ranks[0]);
    }

    [Fact]
    public void CrowdingDistance_KeepsTheOriginalsPrecedenceQuirk()
    {
        // One objective sorted: 1, 2, 4, 8 -> inner distances (4-1)=3 and (8-2)=6, scaled by |1/8 - 1| = 0.875.
        var objectives = new[] { new[] { 1.0 }, new[] { 2.0 }, new[] { 4.0 }, new[] { 8.0 } };
        var d = NsgaRanking.CrowdingDistance(objectives, new[] { 0, 1, 2, 3 });
        Assert.Equal(double.PositiveInfinity, d[0]);
        Assert.Equal(3 * 0.875, d[1], 12);
        Assert.Equal(6 * 0.875, d[2], 12);
        Assert.Equal(double.PositiveInfinity, d[3]);
    }

    [Fact]
    public void Rank_OrdersAFrontByDescendingCrowding()
    {
        // A single front (trade-off line); the point with the larger gap around it ranks ahead.
        var objectives = Points((0, 10), (1, 9), (5, 5), (9, 1), (10, 0));
        var ranks = NsgaRanking.Rank(objectives);
        Assert.True(ranks[2] < ranks[1]);
        Assert.True(ranks[2] < ranks[3]);
        Assert.Equal(new[] { 0, 1 }, new[] { ranks[0], ranks[4] }.OrderBy(r => r));
    }

    [Fact]
    public void Rank_IsAPermutation_EvenWithTiesAndInfinities()
    {
        var random = new Randomness.SeededRandom(3);
        var objectives = Enumerable.Range(0, 300)
            .Select(i => new[] { i % 7 == 0 ? double.NegativeInfinity : Math.Round(random.NextDouble() * 5), 1.0 / (1 + random.NextInt(4)) })
            .ToArray();
        var ranks = NsgaRanking.Rank(objectives);
        Assert.Equal(Enumerable.Range(0, 300), ranks.OrderBy(r => r));
        // Nothing dominated outranks what dominates it.
        for (int a = 0; a < 300; a++)
            for (int b = 0; b < 300; b++)
                if (NsgaRanking.Dominates(objectives[a], objectives[b])) Assert.True(ranks[a] < ranks[b]);
    }

    [Fact]
    public void Fronts_EqualRepeatedPeelingOfTheNonDominatedSet()
    {
        // The definition, written the slow way: a front is what nothing left over dominates.
        var random = new Randomness.SeededRandom(11);
        var objectives = Enumerable.Range(0, 200)
            .Select(i => new[] { i % 13 == 0 ? double.NaN : random.NextInt(6), random.NextInt(6), i % 5 })
            .Select(v => v.Select(x => (double)x).ToArray())
            .ToArray();
        var left = Enumerable.Range(0, objectives.Length).ToList();
        var expected = new List<List<int>>();
        while (left.Count > 0)
        {
            var front = left.Where(p => !left.Any(q => NsgaRanking.Dominates(objectives[q], objectives[p]))).ToList();
            expected.Add(front);
            left = left.Except(front).ToList();
        }
        var fronts = NsgaRanking.Fronts(objectives);
        Assert.Equal(expected.Count, fronts.Count);
        for (int f = 0; f < fronts.Count; f++) Assert.Equal(expected[f], fronts[f]);
    }
}

/// <summary>The sort-and-sweep ranking against the pairwise oracle on random and adversarial populations: identical ranks.</summary>
public sealed class NsgaOracleAgreementTests
{
    private static double[][] Random2(int n, ulong seed, Func<Randomness.SeededRandom, int, double> first, Func<Randomness.SeededRandom, int, double> second)
    {
        var random = new Randomness.SeededRandom(seed);
        return Enumerable.Range(0, n).Select(i => new[] { first(random, i), second(random, i) }).ToArray();
    }

    public static TheoryData<string> Cases => new()
    {
        "continuous", "ties", "duplicates", "all-equal", "one-front", "n-fronts", "infinities", "nconn", "nan", "three-objectives", "zero-signs", "empty", "single",
    };

    private static double[][] Make(string name) => name switch
    {
        "continuous" => Random2(3000, 1, (r, _) => r.NextDouble() * 100, (r, _) => r.NextDouble()),
        "ties" => Random2(3000, 2, (r, _) => r.NextInt(8), (r, _) => r.NextInt(8)),
        "duplicates" => Random2(2000, 3, (r, i) => (i / 7) % 11, (r, i) => (i / 7) % 5),
        "all-equal" => Random2(500, 4, (_, _) => 3.5, (_, _) => -1),
        "one-front" => Random2(1000, 5, (_, i) => i, (_, i) => -i),
        "n-fronts" => Random2(1000, 6, (_, i) => i, (_, i) => i),
        "infinities" => Random2(2000, 7, (r, i) => i % 5 == 0 ? double.NegativeInfinity : i % 11 == 0 ? double.PositiveInfinity : r.NextInt(20),
                                          (r, i) => i % 7 == 0 ? double.NegativeInfinity : r.NextInt(20)),
        // The search's own objectives: mean reward and 1/connections (few distinct values).
        "nconn" => Random2(3000, 8, (r, _) => Math.Round(r.NextDouble() * 500, 1), (r, _) => 1.0 / (1 + r.NextInt(60))),
        "nan" => Random2(600, 9, (r, i) => i % 9 == 0 ? double.NaN : r.NextInt(6), (r, i) => i % 13 == 0 ? double.NaN : r.NextInt(6)),
        "three-objectives" => Enumerable.Range(0, 600).Select(i => new[] { (double)(i * 7 % 10), i * 3 % 8, i % 5 == 0 ? double.NaN : i * 11 % 6 }).ToArray(),
        "zero-signs" => Random2(400, 10, (r, _) => r.NextInt(2) == 0 ? -0.0 : 0.0, (r, _) => r.NextInt(3) - 1),
        "empty" => Array.Empty<double[]>(),
        "single" => new[] { new[] { 1.0, 2.0 } },
        _ => throw new ArgumentException(name),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void FrontsAndRanks_EqualThePairwiseOracle(string name)
    {
        var objectives = Make(name);
        var expectedFronts = PairwiseNsgaRanking.Fronts(objectives);
        var fronts = NsgaRanking.Fronts(objectives);
        Assert.Equal(expectedFronts.Count, fronts.Count);
        for (int f = 0; f < fronts.Count; f++) Assert.Equal(expectedFronts[f], fronts[f]);
        Assert.Equal(PairwiseNsgaRanking.Rank(objectives), NsgaRanking.Rank(objectives));
    }

    [Fact]
    public void ManyRandomSmallPopulations_EqualThePairwiseOracle()
    {
        var random = new Randomness.SeededRandom(12);
        for (int trial = 0; trial < 300; trial++)
        {
            int n = 1 + random.NextInt(40), levels = 1 + random.NextInt(6);
            var objectives = Enumerable.Range(0, n).Select(_ => new[] { (double)random.NextInt(levels), random.NextInt(levels) }).ToArray();
            Assert.Equal(PairwiseNsgaRanking.Rank(objectives), NsgaRanking.Rank(objectives));
        }
    }

    [Fact]
    public void HundredThousand_TwoObjectives_RanksWithoutPairs()
    {
        // Pairwise, this is 5e9 comparisons and lists of up to N^2/2 entries; the sweep takes a sort.
        var objectives = Random2(100_000, 13, (r, _) => Math.Round(r.NextDouble() * 1000), (r, _) => 1.0 / (1 + r.NextInt(100)));
        var ranks = NsgaRanking.Rank(objectives);
        Assert.Equal(Enumerable.Range(0, 100_000), ranks.OrderBy(r => r));
        // Spot-check the order against dominance on a sample.
        var random = new Randomness.SeededRandom(14);
        for (int t = 0; t < 20_000; t++)
        {
            int a = random.NextInt(100_000), b = random.NextInt(100_000);
            if (NsgaRanking.Dominates(objectives[a], objectives[b])) Assert.True(ranks[a] < ranks[b]);
        }
    }
}
