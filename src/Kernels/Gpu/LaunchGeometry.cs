using ILGPU;
using ILGPU.Runtime;
using ILGPU.Runtime.Cuda;
using Wann.Engine;

namespace Wann.Kernels.Gpu;

/// <summary>
/// How launches are sized on one accelerator: lanes padded to whole warps, the limits <see cref="LaunchPlanner"/>
/// plans within (group sizes, shared memory, the scratch the device can spare), each launch's grid, and the
/// scratch and task-state sizes a set of launches needs.
/// </summary>
internal sealed class LaunchGeometry(Accelerator accelerator, bool forceGlobalMemory)
{
    private const int PreferredGroupSize = 128;
    // Kept free for the driver, the program buffers of the next generation and other processes.
    private const long ReservedDeviceBytes = 512L << 20;

    /// <summary>Shared memory a group may use, if set below the device's (tests use it to mix shared and global launches).</summary>
    public long? SharedBytesPerGroupLimit { get; set; }

    /// <summary>Threads the device keeps resident, if set below its own count (tests use it to make each thread of a queued launch run many lanes).</summary>
    public long? ResidentThreadsLimit { get; set; }

    /// <summary>
    /// <paramref name="launch"/> under <paramref name="schedule"/>: a queued launch starts about as many threads as the device
    /// keeps resident (multiprocessors x threads a multiprocessor holds). That is an upper bound: registers or shared memory
    /// may hold fewer resident, and the groups beyond them start only as resident ones finish, to find the queue empty.
    /// </summary>
    public LaunchPlan Scheduled(LaunchPlan launch, GpuSchedule schedule) => schedule == GpuSchedule.Queue
        ? launch with { ResidentThreads = Math.Min((long)accelerator.NumMultiprocessors * accelerator.MaxNumThreadsPerMultiprocessor, ResidentThreadsLimit ?? long.MaxValue) }
        : launch;

    /// <summary>Threads per genome: lanes rounded up to whole warps.</summary>
    public int LaneStride(int lanes)
    {
        int warp = Math.Max(1, accelerator.WarpSize);
        return (lanes + warp - 1) / warp * warp;
    }

    /// <param name="heldScratchBytes">Global scratch already allocated, which counts as free since it is reused.</param>
    public LaunchLimits Limits(long heldScratchBytes) => new(
        WarpSize: accelerator.WarpSize,
        PreferredGroupSize: PreferredGroupSize,
        MaxGroupSize: accelerator.MaxNumThreadsPerGroup,
        SharedBytesPerGroup: Math.Min(accelerator.MaxSharedMemoryPerGroup, SharedBytesPerGroupLimit ?? long.MaxValue),
        ScratchBudgetBytes: ScratchBudget(heldScratchBytes),
        ForceGlobalMemory: forceGlobalMemory);

    /// <summary>
    /// Device memory the global scratch may take: what the device has free now plus the scratch already held, less
    /// a reserve. ILGPU's CPU accelerator uses host memory: half of what the device reports.
    /// </summary>
    private long ScratchBudget(long heldScratchBytes)
    {
        long free = accelerator is CudaAccelerator cuda ? cuda.GetFreeMemory() : accelerator.MemorySize / 2;
        return Math.Max(0, free + heldScratchBytes - ReservedDeviceBytes);
    }

    /// <summary>The grid of one launch; shared-memory launches reserve a node-value array per thread of a group.</summary>
    public static KernelConfig Config(LaunchPlan launch, int laneStride)
    {
        int groups = (int)(launch.Threads(laneStride) / launch.GroupSize);
        return launch.Shared
            ? new KernelConfig(groups, launch.GroupSize, SharedMemoryConfig.RequestDynamic<float>(launch.GroupSize * launch.SlotsPerThread))
            : new KernelConfig(groups, launch.GroupSize);
    }

    /// <summary>Global node-value slots the largest global-memory launch needs (at least one).</summary>
    public static long ScratchSlots(IEnumerable<LaunchPlan> launches, int laneStride)
    {
        long slots = 1;
        foreach (var launch in launches)
            if (!launch.Shared) slots = Math.Max(slots, launch.Threads(laneStride) * launch.SlotsPerThread);
        return slots;
    }

    /// <summary>State slots for a task kept in a buffer: every thread of the largest launch, [slot x threads + thread].</summary>
    public static long TaskStateSlots(IEnumerable<LaunchPlan> launches, int laneStride, int stateSize)
    {
        long threads = 1;
        foreach (var launch in launches) threads = Math.Max(threads, launch.Threads(laneStride));
        if (threads * stateSize > int.MaxValue)
            throw new WannException($"{threads} threads x {stateSize} state slots is more than one launch can index; use fewer genomes or episodes");
        return threads * stateSize;
    }
}
