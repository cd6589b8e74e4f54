using Wann.Engine.Config;
using Wann.Engine;
using Wann.Host.Evaluation;
using Wann.Kernels.Tasks;

namespace Wann.Host.Tests;

public sealed class MemoryNeedTests
{
    [Fact]
    public void SearchEstimate_GrowsLinearly_AndLetsLargePopulationsRun()
    {
        // Ranking is linear in memory now: 10x the genomes is about 10x the estimate, and a million
        // swing-up genomes fit a 24 GB machine (the bench's M5 peaked at 4.2 GiB for one million).
        double tenThousand = MemoryNeed.ForSearch(new Hyperparameters { PopulationSize = 10_000 }, CartPoleSwingUp.Spec);
        double hundredThousand = MemoryNeed.ForSearch(new Hyperparameters { PopulationSize = 100_000 }, CartPoleSwingUp.Spec);
        Assert.InRange(hundredThousand / tenThousand, 9.9, 10.1);
        Assert.True(MemoryNeed.ForSearch(new Hyperparameters { PopulationSize = 1_000_000 }, CartPoleSwingUp.Spec) < 8e9);
        // A laptop_swing-sized run is small.
        Assert.True(MemoryNeed.ForSearch(new Hyperparameters { PopulationSize = 64, Repetitions = 3 }, CartPoleSwingUp.Spec) < 10e6);
    }

    [Fact]
    public void Check_RefusesMoreThanIsAvailable_NamingBothFigures()
    {
        MemoryNeed.Check(1e9, "small", availableBytes: 2e9);
        var e = Assert.Throws<WannException>(() => MemoryNeed.Check(3.5 * (1L << 30), "--pop 9", availableBytes: 2.0 * (1L << 30)));
        Assert.Equal("--pop 9 would need about 3.5 GiB of memory; this machine has 2.0 GiB", e.Message);
    }
}
