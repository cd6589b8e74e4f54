using System.Diagnostics;
using ILGPU;
using ILGPU.Runtime;
using Wann.Engine;
using Wann.Engine.Evaluation;
using Wann.Engine.Programs;
using Wann.Kernels.Tasks;

namespace Wann.Kernels.Gpu;

/// <summary>
/// Rollouts on a device: the batch and the lanes uploaded once into the reused buffers, every lane's whole episode
/// run in a few launches (genomes grouped by size, see <see cref="LaunchPlanner"/>) queued back to back, the
/// rewards and step counts copied back once and put in population order. The schedule (<see cref="GpuSchedule"/>) decides
/// how many threads a launch starts and which kernels run; the results are the same bits either way.
/// </summary>
internal sealed class DeviceRollouts(Accelerator accelerator, DeviceBuffers buffers, LaunchGeometry geometry, DeviceKernels kernels, DeviceGuard guard,
    bool forceBufferState, GpuSchedule schedule)
{
    /// <summary>The task-state view and slot count of the last buffer-state evaluation; null after a register-state one.</summary>
    public (ArrayView<float> View, int Slots)? LastTaskState { get; private set; }

    public EvaluationTiming? LastTiming { get; private set; }

    public FitnessTable Evaluate<TTask>(TTask task, ProgramBatch batch, EvaluationRequest request) where TTask : struct, IRolloutTask
    {
        // Launches run to their end once queued: a stop is honoured before the upload, and the episodes count when all are back.
        request.Progress?.Cancellation.ThrowIfCancellationRequested();
        var episodes = EpisodeTable.Compute(task, request);
        int lanes = request.LanesPerGenome;
        int genomes = batch.ProgramCount;
        if ((long)genomes * lanes > Array.MaxLength)
            throw new WannException($"{genomes} genomes x {lanes} lanes is more rewards than one generation can hold ({Array.MaxLength}); use fewer genomes or episodes");
        var laneWeights = new float[lanes];
        for (int l = 0; l < lanes; l++) laneWeights[l] = request.Weights[request.Lanes.WeightOf(l)];
        int laneStride = geometry.LaneStride(lanes);
        bool unit = batch.EdgeScalesAllOne;

        var clock = Stopwatch.StartNew();
        var order = LaunchPlanner.OrderByNodeCount(batch);
        var program = buffers.Upload(batch, order);
        var laneViews = new LaneViews
        {
            Weight = buffers.Weight.Upload(laneWeights),
            Episodes = buffers.Episodes.Upload(episodes.Values),
            Reward = buffers.Reward.View((long)genomes * lanes),
            Steps = buffers.Steps.View((long)genomes * lanes),
        };
        var launches = LaunchPlanner.Plan(batch, order, laneStride, geometry.Limits(buffers.Scratch.Capacity * sizeof(float)))
            .Select(launch => geometry.Scheduled(launch, schedule)).ToList();
        var scratch = buffers.Scratch.View(LaunchGeometry.ScratchSlots(launches, laneStride));
        bool bufferState = forceBufferState || task.StateSize > RegisterState.Capacity;
        var taskState = bufferState ? buffers.TaskState.View(LaunchGeometry.TaskStateSlots(launches, laneStride, task.StateSize)) : buffers.TaskState.View(1);
        LastTaskState = bufferState ? (taskState, task.StateSize) : null;
        // One queue counter a launch, all zeroed at once; the grid kernels take the view and leave it alone.
        var laneCounters = buffers.LaneCounters.View(launches.Count);
        laneCounters.MemSetToZero(accelerator.DefaultStream);
        guard.Synchronize("upload");
        double upload = clock.Elapsed.TotalSeconds;

        clock.Restart();
        for (int l = 0; l < launches.Count; l++)
        {
            var launch = launches[l];
            var kernel = kernels.Rollout<TTask>(schedule, launch.Shared, unit, bufferState);
            var shape = new RolloutShape
            {
                FirstPosition = launch.First,
                GenomeCount = launch.Count,
                LanesPerGenome = lanes,
                LaneStride = laneStride,
                Repetitions = request.Repetitions,
                EpisodeSize = episodes.Size,
                StateSize = task.StateSize,
                EpisodeLength = request.Task.EpisodeLength,
                InputCount = batch.InputCount,
                OutputCount = batch.OutputCount,
            };
            var views = laneViews;
            views.Reward = laneViews.Reward.SubView((long)launch.First * lanes, (long)launch.Count * lanes);
            views.Steps = laneViews.Steps.SubView((long)launch.First * lanes, (long)launch.Count * lanes);
            views.Scratch = scratch;
            views.State = taskState;
            views.NextLane = laneCounters.SubView(l, 1);
            guard.Run("rollout", () => kernel(accelerator.DefaultStream, LaunchGeometry.Config(launch, laneStride), program, views, shape, task));
        }
        guard.Synchronize("rollout");
        double kernelSeconds = clock.Elapsed.TotalSeconds;

        clock.Restart();
        var sortedRewards = new float[genomes * lanes];
        var sortedSteps = new int[genomes * lanes];
        laneViews.Reward.CopyToCPU(sortedRewards);
        laneViews.Steps.CopyToCPU(sortedSteps);
        double download = clock.Elapsed.TotalSeconds;

        var table = new FitnessTable(genomes, request.Weights.Length, request.Repetitions);
        var rewards = table.Rewards;
        Parallel.For(0, genomes, new ParallelOptions { MaxDegreeOfParallelism = genomes < 4096 ? 1 : -1 },
            position => Array.Copy(sortedRewards, position * lanes, rewards, order[position] * lanes, lanes));
        long steps = 0;
        foreach (int s in sortedSteps) steps += s;
        table.StepCount = steps;
        LastTiming = new EvaluationTiming(upload, kernelSeconds, download, launches.Count);
        request.Progress?.Finish((long)genomes * lanes);
        return table;
    }
}
