using Wann.Engine;
using Wann.Engine.Programs;

namespace Wann.Kernels.Gpu;

/// <summary>
/// One kernel launch: launch positions [First, First + Count), node values in shared memory or global scratch, for
/// <paramref name="Columns"/> lanes a thread (forward passes may give a thread several input vectors); a queued rollout
/// launch (<see cref="GpuSchedule.Queue"/>) starts no more than <paramref name="ResidentThreads"/>, each running lanes until none is left.
/// </summary>
public readonly record struct LaunchPlan(int First, int Count, int MaxNodes, int GroupSize, bool Shared, int Columns = 1, long? ResidentThreads = null)
{
    /// <summary>Node-value slots one thread needs: a column of the largest network per lane it runs.</summary>
    public int SlotsPerThread => MaxNodes * Columns;

    /// <summary>
    /// Threads the launch starts: whole groups covering Count x laneStride; for a queued launch no more whole groups than
    /// <see cref="ResidentThreads"/> holds (at least one), since threads beyond those would find the queue empty.
    /// </summary>
    public long Threads(int laneStride)
    {
        long padded = ((long)Count * laneStride + GroupSize - 1) / GroupSize * GroupSize;
        return ResidentThreads is { } resident ? Math.Min(padded, Math.Max(1, resident / GroupSize) * GroupSize) : padded;
    }
}

/// <summary>What a device allows a launch: from the accelerator, or made up by tests.</summary>
public sealed record LaunchLimits(
    int WarpSize,
    int PreferredGroupSize,
    int MaxGroupSize,
    long SharedBytesPerGroup,
    long ScratchBudgetBytes,
    bool ForceGlobalMemory,
    long MaxThreadsPerLaunch = LaunchLimits.DefaultMaxThreads,
    int Columns = 1)
{
    /// <summary>Threads per launch are kept well below 2^31 so that int thread indices never overflow.</summary>
    public const long DefaultMaxThreads = 1L << 30;
}

/// <summary>
/// Splits a batch into kernel launches. Genomes are ordered by node count, and each launch covers genomes
/// of similar size, so one large network does not push the whole population onto the slow global-memory
/// path nor make every group reserve its shared memory. Each launch is also sized so that every index a
/// kernel computes (threads, slot x threads) stays below 2^31 and its global scratch fits the budget.
/// </summary>
public static class LaunchPlanner
{
    /// <summary>Node-count classes: a launch holds genomes up to the first class at or above its smallest one.</summary>
    private static int SizeClass(int nodes)
    {
        int size = 16;
        while (size < nodes) size = size * 3 / 2 / 8 * 8 + 8; // 16, 32, 56, 88, 136, ...: about x1.5 per class
        return size;
    }

    public static int NodeCount(ProgramBatch batch, int program) => 1 + batch.InputCount + batch.InstructionCountOf(program);

    /// <summary>Program indices in launch order: ascending node count, ties by index (stable), by counting sort.</summary>
    public static int[] OrderByNodeCount(ProgramBatch batch)
    {
        int n = batch.ProgramCount;
        var counts = new int[batch.MaxNodeCount + 2];
        for (int g = 0; g < n; g++) counts[NodeCount(batch, g) + 1]++;
        for (int i = 1; i < counts.Length; i++) counts[i] += counts[i - 1];
        var order = new int[n];
        for (int g = 0; g < n; g++) order[counts[NodeCount(batch, g)]++] = g;
        return order;
    }

    public static List<LaunchPlan> Plan(ProgramBatch batch, int[] order, int laneStride, LaunchLimits limits)
    {
        var launches = new List<LaunchPlan>();
        int n = order.Length;
        int position = 0;
        while (position < n)
        {
            int cap = SizeClass(NodeCount(batch, order[position]));
            int slots = cap * limits.Columns;
            var (groupSize, shared) = GroupFor(slots, limits);
            long maxGenomes = limits.MaxThreadsPerLaunch / laneStride;
            if (!shared)
            {
                // slot x paddedThreads + thread must stay below 2^31, and the scratch must fit the budget.
                long bytesPerGenome = (long)laneStride * slots * sizeof(float);
                maxGenomes = Math.Min(maxGenomes, (int.MaxValue - (long)groupSize * slots) / ((long)laneStride * slots));
                maxGenomes = Math.Min(maxGenomes, limits.ScratchBudgetBytes / bytesPerGenome);
                if (maxGenomes < 1)
                    throw new WannException($"a network of {cap} nodes needs {bytesPerGenome / (1024.0 * 1024.0):F1} MiB of device scratch for its {laneStride} lanes, " +
                                            $"more than the {limits.ScratchBudgetBytes / (1024.0 * 1024.0):F0} MiB available");
            }
            int end = position;
            int maxNodes = 0;
            while (end < n && end - position < maxGenomes)
            {
                int nodes = NodeCount(batch, order[end]);
                if (nodes > cap) break;
                maxNodes = Math.Max(maxNodes, nodes);
                end++;
            }
            // A launch's shared memory follows its largest network, which may be below the class cap.
            var (finalGroup, finalShared) = shared ? GroupFor(maxNodes * limits.Columns, limits) : (groupSize, false);
            launches.Add(new LaunchPlan(position, end - position, maxNodes, finalGroup, finalShared, limits.Columns));
            position = end;
        }
        return launches;
    }

    /// <summary>
    /// The largest group (a multiple of the warp, at most the preferred size) whose node values fit in
    /// shared memory; when not even one warp fits, the global-memory path with the preferred group size.
    /// </summary>
    /// <param name="nodes">Node-value slots per thread.</param>
    public static (int GroupSize, bool Shared) GroupFor(int nodes, LaunchLimits limits)
    {
        int warp = Math.Max(1, limits.WarpSize);
        int preferred = Math.Max(warp, Math.Min(limits.PreferredGroupSize, limits.MaxGroupSize) / warp * warp);
        if (limits.ForceGlobalMemory) return (preferred, false);
        long fit = limits.SharedBytesPerGroup / ((long)Math.Max(1, nodes) * sizeof(float));
        int group = (int)Math.Min(preferred, fit / warp * warp);
        return group >= warp ? (group, true) : (preferred, false);
    }
}
