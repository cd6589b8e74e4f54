using MathNet.Numerics.LinearAlgebra;
using Wann.Engine.Randomness;
using Wann.Engine.Tuning;

namespace Wann.Engine.Tests;

public sealed class OptimizerTests
{
    private static readonly double[] Optimum = { 0.5, -0.3, 1.2, 0.0, -1.0, 0.7, 0.25, -0.6 };

    private static double Sphere(double[] x) => x.Select((v, i) => (v - Optimum[i]) * (v - Optimum[i])).Sum();

    /// <summary>Runs the optimiser on -f until f is below the target or the generations run out; returns f at the mean.</summary>
    private static double Minimise(IOptimizer optimizer, Func<double[], double> f, int generations, double target)
    {
        for (int g = 0; g < generations; g++)
        {
            optimizer.Tell(optimizer.Ask().Select(x => -f(x)).ToArray());
            if (f(optimizer.Mean) < target) break;
        }
        return f(optimizer.Mean);
    }

    [Fact]
    public void CmaEs_ReachesTheSphereOptimum_To1e8()
    {
        var cma = new CmaEs(new double[Optimum.Length], 0.5, new CmaEsSettings(), seed: 3);
        Assert.True(Minimise(cma, Sphere, 2000, 1e-8) < 1e-8);
    }

    [Fact]
    public void CmaEs_ReachesTheOptimumOfARotatedIllConditionedEllipsoid_To1e8()
    {
        int n = Optimum.Length;
        // A random rotation (Q of a Gaussian matrix's QR) and axis scales from 1 to 1e3 (condition number 1e6).
        var gaussian = Matrix<double>.Build.Dense(n, n, (i, j) => CounterRandom.StandardNormal(11, (ulong)i, (ulong)j, 0));
        var rotation = gaussian.QR().Q;
        var scale = Enumerable.Range(0, n).Select(i => Math.Pow(1e6, i / (n - 1.0))).ToArray();
        double Ellipsoid(double[] x)
        {
            var y = rotation * Vector<double>.Build.Dense(n, i => x[i] - Optimum[i]);
            return Enumerable.Range(0, n).Sum(i => scale[i] * y[i] * y[i]);
        }
        var cma = new CmaEs(new double[n], 0.5, new CmaEsSettings(), seed: 5);
        Assert.True(Ellipsoid(cma.Mean) > 1);
        double reached = Minimise(cma, Ellipsoid, 5000, 1e-8);
        Assert.True(reached < 1e-8, $"reached {reached:E2} after {cma.Generation} generations");
    }

    [Fact]
    public void Pepg_ApproachesTheSphereOptimum_WithinItsSamplingSpread()
    {
        var pepg = new Pepg(Optimum.Length, new PepgSettings { WeightDecay = 0, LearningRate = 0.02 }, seed: 7);
        Assert.True(Sphere(pepg.Mean) > 3);
        double reached = Minimise(pepg, Sphere, 3000, 1e-4);
        Assert.True(reached < 1e-2, $"reached {reached:E2}");
    }

    [Fact]
    public void Pepg_WorksOnAnEllipsoidToo_AndGetsBetterThanItsStart()
    {
        double Ellipsoid(double[] x) => x.Select((v, i) => Math.Pow(10, i / 2.0) * (v - Optimum[i]) * (v - Optimum[i])).Sum();
        var pepg = new Pepg(Optimum.Length, new PepgSettings { WeightDecay = 0, LearningRate = 0.02 }, seed: 9);
        double start = Ellipsoid(pepg.Mean);
        Assert.True(Minimise(pepg, Ellipsoid, 3000, 1e-4) < start * 1e-3);
    }

    [Fact]
    public void Pepg_AsksAntitheticPairs_AroundItsMean()
    {
        var pepg = new Pepg(4, new PepgSettings { Population = 6 }, seed: 1);
        var candidates = pepg.Ask();
        Assert.Equal(6, candidates.Length);
        for (int k = 0; k < 3; k++)
            for (int i = 0; i < 4; i++)
                Assert.Equal(0.0, candidates[k][i] + candidates[k + 3][i], 12);
        Assert.Same(candidates, pepg.Ask());
    }

    public static TheoryData<string> Names => new() { "pepg", "cma" };

    [Theory]
    [MemberData(nameof(Names))]
    public void Optimizer_RestoredFromItsState_ContinuesExactlyLikeTheOriginal(string name)
    {
        var straight = Optimizers.Create(name, 6, 10, null, seed: 21, "test");
        var interrupted = Optimizers.Create(name, 6, 10, null, seed: 21, "test");
        for (int g = 0; g < 7; g++)
        {
            straight.Tell(straight.Ask().Select(x => -Sphere(x)).ToArray());
            interrupted.Tell(interrupted.Ask().Select(x => -Sphere(x)).ToArray());
        }
        var restored = Optimizers.Restore(interrupted.Save(), null);
        for (int g = 0; g < 5; g++)
        {
            var a = straight.Ask();
            var b = restored.Ask();
            Assert.Equal(a, b);
            straight.Tell(a.Select(x => -Sphere(x)).ToArray());
            restored.Tell(b.Select(x => -Sphere(x)).ToArray());
        }
        Assert.Equal(straight.Mean, restored.Mean);
        Assert.Equal(straight.Generation, restored.Generation);
    }

    [Fact]
    public void Optimizer_SameSeedSameCandidates_OtherSeedOtherCandidates()
    {
        Assert.Equal(new Pepg(5, new PepgSettings(), 4).Ask(), new Pepg(5, new PepgSettings(), 4).Ask());
        Assert.NotEqual(new Pepg(5, new PepgSettings(), 4).Ask(), new Pepg(5, new PepgSettings(), 5).Ask());
        Assert.Equal(new CmaEs(new double[5], 0.5, new CmaEsSettings(), 4).Ask(), new CmaEs(new double[5], 0.5, new CmaEsSettings(), 4).Ask());
    }

    [Fact]
    public void CenteredRanks_SpreadFromMinusHalfToHalf_AndRankNaNLowest()
    {
        var ranks = CenteredRanks.Of(new[] { 3.0, 10, double.NaN, 1 });
        var expected = new[] { 1.0 / 6, 0.5, -0.5, -1.0 / 6 };
        for (int i = 0; i < 4; i++) Assert.Equal(expected[i], ranks[i], 12);
        Assert.Equal(new[] { 1, 0, 3, 2 }, CenteredRanks.BestFirst(new[] { 3.0, 10, double.NaN, 1 }));
    }

    [Fact]
    public void Optimizers_RejectBadSettings_WithAClearMessage()
    {
        Assert.Contains("even", Assert.Throws<WannException>(() => new Pepg(3, new PepgSettings { Population = 7 }, 1)).Message);
        Assert.Contains("unknown optimizer", Assert.Throws<WannException>(() => Optimizers.Create("adam", 3, 8, null, 1, "--optimizer")).Message);
        Assert.Contains("--sigma", Assert.Throws<WannException>(() => new CmaEs(new double[3], -1, new CmaEsSettings(), 1)).Message);
    }
}
