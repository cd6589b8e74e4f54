using Wann.Engine.Activations;
using Wann.Engine.Genomes;
using Wann.Engine.Programs;
using Wann.Engine.Search;
using Wann.Kernels.Gpu;

namespace Wann.Kernels.Tests;

/// <summary>How a batch is split into kernel launches: complete, grouped by size, and within every index limit.</summary>
public sealed class LaunchPlannerTests
{
    private static readonly ActivationFunction[] Activations = Enumerable.Range(1, 10).Select(i => (ActivationFunction)i).ToArray();

    /// <summary>Small, medium and large networks interleaved, so a plan must sort and split them.</summary>
    internal static ProgramBatch MixedBatch(WeightMode mode = WeightMode.Shared)
    {
        var small = SyntheticPopulation.Grow(new NetworkShape(5, 1), 12, 8, 1, Activations);
        var medium = SyntheticPopulation.Grow(new NetworkShape(5, 1), 12, 60, 2, Activations);
        var large = SyntheticPopulation.Grow(new NetworkShape(5, 1), 6, 400, 3, Activations);
        var mixed = new List<Genome>();
        for (int i = 0; i < 12; i++)
        {
            mixed.Add(medium[i]);
            mixed.Add(small[i]);
            if (i < 6) mixed.Add(large[i]);
        }
        return ProgramBatch.Compile(mixed, mode);
    }

    private static LaunchLimits Limits(long sharedBytes = 48 * 1024, long scratch = 1L << 30, bool forceGlobal = false, long maxThreads = LaunchLimits.DefaultMaxThreads) =>
        new(WarpSize: 32, PreferredGroupSize: 128, MaxGroupSize: 1024, SharedBytesPerGroup: sharedBytes, ScratchBudgetBytes: scratch, ForceGlobalMemory: forceGlobal, MaxThreadsPerLaunch: maxThreads);

    [Fact]
    public void Order_IsByNodeCount_StableByIndex()
    {
        var batch = MixedBatch();
        var order = LaunchPlanner.OrderByNodeCount(batch);
        Assert.Equal(Enumerable.Range(0, batch.ProgramCount), order.OrderBy(g => g));
        for (int i = 1; i < order.Length; i++)
        {
            int a = LaunchPlanner.NodeCount(batch, order[i - 1]), b = LaunchPlanner.NodeCount(batch, order[i]);
            Assert.True(a < b || (a == b && order[i - 1] < order[i]), $"positions {i - 1} and {i}");
        }
    }

    [Theory]
    [InlineData(48 * 1024, false, LaunchLimits.DefaultMaxThreads)]
    [InlineData(2 * 1024, false, LaunchLimits.DefaultMaxThreads)]   // the large networks must go to global memory
    [InlineData(48 * 1024, true, LaunchLimits.DefaultMaxThreads)]
    [InlineData(48 * 1024, false, 96)]                              // three genomes a launch at most
    public void Plan_CoversEveryPosition_OnceAndWithinLimits(long sharedBytes, bool forceGlobal, long maxThreads)
    {
        var batch = MixedBatch();
        var order = LaunchPlanner.OrderByNodeCount(batch);
        const int laneStride = 32;
        var limits = Limits(sharedBytes, forceGlobal: forceGlobal, maxThreads: maxThreads);
        var plan = LaunchPlanner.Plan(batch, order, laneStride, limits);
        int next = 0;
        foreach (var launch in plan)
        {
            Assert.Equal(next, launch.First);
            Assert.True(launch.Count >= 1);
            next += launch.Count;
            int largest = Enumerable.Range(launch.First, launch.Count).Max(p => LaunchPlanner.NodeCount(batch, order[p]));
            Assert.Equal(largest, launch.MaxNodes);
            Assert.True((long)launch.Count * laneStride <= maxThreads);
            Assert.Equal(0, launch.GroupSize % 32);
            if (launch.Shared) Assert.True((long)launch.GroupSize * launch.MaxNodes * sizeof(float) <= sharedBytes);
            else Assert.True(launch.Threads(laneStride) * launch.MaxNodes <= int.MaxValue);
            if (forceGlobal) Assert.False(launch.Shared);
        }
        Assert.Equal(batch.ProgramCount, next);
        if (sharedBytes == 2 * 1024 && !forceGlobal)
        {
            Assert.Contains(plan, l => l.Shared);
            Assert.Contains(plan, l => !l.Shared);
        }
    }

    [Fact]
    public void Plan_SplitsGlobalLaunches_ToFitTheScratchBudget()
    {
        var batch = MixedBatch();
        var order = LaunchPlanner.OrderByNodeCount(batch);
        int largest = batch.MaxNodeCount;
        long perGenome = 32L * 136 * sizeof(float);
        var plan = LaunchPlanner.Plan(batch, order, 32, Limits(forceGlobal: true, scratch: 2 * perGenome + 1));
        Assert.All(plan, l => Assert.True(l.Count <= 2 || l.MaxNodes < largest));
        var error = Assert.Throws<Wann.Engine.WannException>(() => LaunchPlanner.Plan(batch, order, 32, Limits(forceGlobal: true, scratch: 1000)));
        Assert.Contains("MiB of device scratch", error.Message);
    }

    [Fact]
    public void GroupSize_ShrinksToFitSharedMemory_BeforeFallingBackToGlobal()
    {
        var limits = Limits(sharedBytes: 48 * 1024);
        Assert.Equal((128, true), LaunchPlanner.GroupFor(90, limits));
        Assert.Equal((96, true), LaunchPlanner.GroupFor(120, limits));
        Assert.Equal((32, true), LaunchPlanner.GroupFor(384, limits));
        Assert.Equal((128, false), LaunchPlanner.GroupFor(385, limits));
    }
}
