using Wann.Kernels.Tests.Conformance;
using Wann.Engine.Activations;
using Wann.Engine.Evaluation;
using Wann.Engine.Genomes;
using Wann.Engine.Programs;
using Wann.Engine.Search;
using Wann.Kernels.Backends;
using Wann.Kernels.Gpu;
using Wann.Kernels.Reference;
using Wann.Kernels.Tasks;

namespace Wann.Kernels.Tests;

/// <summary>
/// The queued schedule (<see cref="GpuSchedule.Queue"/>) on ILGPU's CPU accelerator: persistent threads, one group of
/// them, each running many lanes one after another, give every lane the bits the grid schedule and the reference give,
/// for every task of the registry, node values in shared and in global memory, task state in registers and in a buffer.
/// </summary>
public sealed class QueuedRolloutTests
{
    private static readonly ActivationFunction[] AllActivations = Enum.GetValues<ActivationFunction>();

    /// <summary>Short episodes and few genomes: enough for lanes to end at different times and threads to run several each.</summary>
    private const int EpisodeSteps = 40, Genomes = 5;

    /// <summary>The walker's world costs ILGPU's CPU accelerator about a hundred times a small task's step (see BackendConformance).</summary>
    private const int LargeWorldSteps = 20, LargeWorldGenomes = 2, LargeWorldSlots = 256;

    public static TheoryData<string> SimulatedTasks()
    {
        var data = new TheoryData<string>();
        foreach (var task in TaskRegistry.Simulated) data.Add(task.Name);
        return data;
    }

    private static GpuEvaluator Open(GpuSchedule schedule, bool globalMemory = false, bool bufferState = false) =>
        new(BackendKind.IlgpuCpu, 0, globalMemory, bufferState, schedule)
        {
            // One group of threads for the whole launch, so each thread takes many lanes from the queue.
            ResidentThreadsLimit = 1,
        };

    [Theory]
    [MemberData(nameof(SimulatedTasks))]
    public void QueuedRollouts_EqualTheGridAndTheReference_ForEveryTask(string taskName)
    {
        var task = TaskRegistry.Get(taskName, "test");
        bool large = TaskRegistry.Simulator(task).StateSize > LargeWorldSlots;
        var population = new List<Genome>();
        for (int g = 0; g < (large ? LargeWorldGenomes : Genomes); g++)
            population.AddRange(SyntheticPopulation.Grow(task.Shape, 1, 3 + 9 * g, 60 + (ulong)g, AllActivations));
        var batch = ProgramBatch.Compile(population, WeightMode.Shared);
        int steps = large ? LargeWorldSteps : EpisodeSteps;
        var request = new EvaluationRequest(task with { EpisodeLength = Math.Min(task.EpisodeLength, steps) }, new[] { -1.5f, 0.5f, 2f }, 3, 23, 1);

        var reference = new ReferenceEvaluator(1).Evaluate(batch, request);
        using (var grid = Open(GpuSchedule.Grid))
            BackendConformance.AssertSameTable(reference, grid.Evaluate(batch, request), $"{taskName}, grid");
        using (var queue = Open(GpuSchedule.Queue))
            BackendConformance.AssertSameTable(reference, queue.Evaluate(batch, request), $"{taskName}, queue");
        using (var queue = Open(GpuSchedule.Queue, globalMemory: true, bufferState: true))
            BackendConformance.AssertSameTable(reference, queue.Evaluate(batch, request), $"{taskName}, queue, global memory, state in a buffer");
    }

    [Fact]
    public void QueuedLaunch_StartsNoMoreThreadsThanResident_AndAtLeastOneGroup()
    {
        var launch = new LaunchPlan(First: 0, Count: 100, MaxNodes: 10, GroupSize: 128, Shared: true);
        Assert.Equal(100 * 32, launch.Threads(laneStride: 32));
        Assert.Equal(1024, (launch with { ResidentThreads = 1100 }).Threads(32));
        Assert.Equal(128, (launch with { ResidentThreads = 1 }).Threads(32));
        Assert.Equal(3200, (launch with { ResidentThreads = 1L << 20 }).Threads(32));
    }
}
