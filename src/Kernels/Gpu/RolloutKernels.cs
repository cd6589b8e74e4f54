using ILGPU;
using Wann.Engine.Activations;
using Wann.Engine.Lanes;
using Wann.Kernels.Tasks;

namespace Wann.Kernels.Gpu;

/// <summary>
/// Device code only: a lane's whole episode (observe, network forward, task step, reward) runs on one thread inside a
/// single launch, in one of two schedules (<see cref="GpuSchedule"/>) that share the episode's code. Grid: one thread a
/// lane; lanes of a genome are adjacent and padded to whole warps, so a warp decodes one instruction stream. Queue:
/// persistent threads each take the next lane from a counter until none is left, so a thread whose episode ended early
/// runs another instead of waiting for its warp's longest. Node values live in shared memory on the fast path, in a
/// global scratch buffer (same code, other view) when a network is too large for it; either way a thread's node values
/// and task state are its own whichever lane it runs. Every index stays below 2^31 because the host sizes each launch
/// so (see <see cref="LaunchPlanner"/>).
/// </summary>
public static class RolloutKernels
{
    /// <summary>The entry point for a launch: its schedule, node values in shared or global memory, task state in registers or a buffer.</summary>
    public static string EntryName(GpuSchedule schedule, bool sharedMemory, bool bufferState) => (schedule, sharedMemory, bufferState) switch
    {
        (GpuSchedule.Grid, true, false) => nameof(SharedMemoryRollout),
        (GpuSchedule.Grid, false, false) => nameof(GlobalMemoryRollout),
        (GpuSchedule.Grid, true, true) => nameof(SharedMemoryRolloutBufferState),
        (GpuSchedule.Grid, false, true) => nameof(GlobalMemoryRolloutBufferState),
        (_, true, false) => nameof(SharedMemoryQueuedRollout),
        (_, false, false) => nameof(GlobalMemoryQueuedRollout),
        (_, true, true) => nameof(SharedMemoryQueuedRolloutBufferState),
        (_, false, true) => nameof(GlobalMemoryQueuedRolloutBufferState),
    };

    /// <summary>Fast path: node values in dynamic shared memory, [slot x group size + thread in group]; task state in registers.</summary>
    public static void SharedMemoryRollout<TTask, TScales>(ProgramViews program, LaneViews lanes, RolloutShape shape, TTask task)
        where TTask : struct, IRolloutTask
        where TScales : struct, IEdgeScales
    {
        var values = SharedMemory.GetDynamic<float>();
        var state = default(RegisterState);
        RunGridLane<TTask, TScales, RegisterState>(program, lanes, shape, task, Grid.GlobalIndex.X, values, Group.DimX, Group.IdxX, ref state);
    }

    /// <summary>Large networks: node values in global scratch, [slot x threads + thread] (coalesced per slot); task state in registers.</summary>
    public static void GlobalMemoryRollout<TTask, TScales>(ProgramViews program, LaneViews lanes, RolloutShape shape, TTask task)
        where TTask : struct, IRolloutTask
        where TScales : struct, IEdgeScales
    {
        int thread = Grid.GlobalIndex.X;
        var state = default(RegisterState);
        RunGridLane<TTask, TScales, RegisterState>(program, lanes, shape, task, thread, lanes.Scratch, Grid.DimX * Group.DimX, thread, ref state);
    }

    /// <summary>As <see cref="SharedMemoryRollout{TTask, TScales}"/> for tasks whose state does not fit in registers: state slots in a device buffer.</summary>
    public static void SharedMemoryRolloutBufferState<TTask, TScales>(ProgramViews program, LaneViews lanes, RolloutShape shape, TTask task)
        where TTask : struct, IRolloutTask
        where TScales : struct, IEdgeScales
    {
        var values = SharedMemory.GetDynamic<float>();
        int thread = Grid.GlobalIndex.X;
        var state = new BufferState { Slots = lanes.State, Stride = Grid.DimX * Group.DimX, Offset = thread };
        state.Clear(shape.StateSize);
        RunGridLane<TTask, TScales, BufferState>(program, lanes, shape, task, thread, values, Group.DimX, Group.IdxX, ref state);
    }

    /// <summary>As <see cref="GlobalMemoryRollout{TTask, TScales}"/> for tasks whose state does not fit in registers: state slots in a device buffer.</summary>
    public static void GlobalMemoryRolloutBufferState<TTask, TScales>(ProgramViews program, LaneViews lanes, RolloutShape shape, TTask task)
        where TTask : struct, IRolloutTask
        where TScales : struct, IEdgeScales
    {
        int thread = Grid.GlobalIndex.X;
        var state = new BufferState { Slots = lanes.State, Stride = Grid.DimX * Group.DimX, Offset = thread };
        state.Clear(shape.StateSize);
        RunGridLane<TTask, TScales, BufferState>(program, lanes, shape, task, thread, lanes.Scratch, Grid.DimX * Group.DimX, thread, ref state);
    }

    /// <summary>The queued schedule of <see cref="SharedMemoryRollout{TTask, TScales}"/>.</summary>
    public static void SharedMemoryQueuedRollout<TTask, TScales>(ProgramViews program, LaneViews lanes, RolloutShape shape, TTask task)
        where TTask : struct, IRolloutTask
        where TScales : struct, IEdgeScales
    {
        var values = SharedMemory.GetDynamic<float>();
        var state = default(RegisterState);
        RunQueuedLanes<TTask, TScales, RegisterState>(program, lanes, shape, task, values, Group.DimX, Group.IdxX, ref state);
    }

    /// <summary>The queued schedule of <see cref="GlobalMemoryRollout{TTask, TScales}"/>.</summary>
    public static void GlobalMemoryQueuedRollout<TTask, TScales>(ProgramViews program, LaneViews lanes, RolloutShape shape, TTask task)
        where TTask : struct, IRolloutTask
        where TScales : struct, IEdgeScales
    {
        int thread = Grid.GlobalIndex.X;
        var state = default(RegisterState);
        RunQueuedLanes<TTask, TScales, RegisterState>(program, lanes, shape, task, lanes.Scratch, Grid.DimX * Group.DimX, thread, ref state);
    }

    /// <summary>The queued schedule of <see cref="SharedMemoryRolloutBufferState{TTask, TScales}"/>.</summary>
    public static void SharedMemoryQueuedRolloutBufferState<TTask, TScales>(ProgramViews program, LaneViews lanes, RolloutShape shape, TTask task)
        where TTask : struct, IRolloutTask
        where TScales : struct, IEdgeScales
    {
        var values = SharedMemory.GetDynamic<float>();
        var state = new BufferState { Slots = lanes.State, Stride = Grid.DimX * Group.DimX, Offset = Grid.GlobalIndex.X };
        RunQueuedLanes<TTask, TScales, BufferState>(program, lanes, shape, task, values, Group.DimX, Group.IdxX, ref state);
    }

    /// <summary>The queued schedule of <see cref="GlobalMemoryRolloutBufferState{TTask, TScales}"/>.</summary>
    public static void GlobalMemoryQueuedRolloutBufferState<TTask, TScales>(ProgramViews program, LaneViews lanes, RolloutShape shape, TTask task)
        where TTask : struct, IRolloutTask
        where TScales : struct, IEdgeScales
    {
        int thread = Grid.GlobalIndex.X;
        var state = new BufferState { Slots = lanes.State, Stride = Grid.DimX * Group.DimX, Offset = thread };
        RunQueuedLanes<TTask, TScales, BufferState>(program, lanes, shape, task, lanes.Scratch, Grid.DimX * Group.DimX, thread, ref state);
    }

    /// <summary>Grid schedule: thread t runs lane t mod the lane stride of genome t / stride; padding threads run nothing.</summary>
    private static void RunGridLane<TTask, TScales, TState>(ProgramViews program, LaneViews lanes, RolloutShape shape, TTask task,
        int thread, ArrayView<float> values, int stride, int offset, ref TState state)
        where TTask : struct, IRolloutTask
        where TScales : struct, IEdgeScales
        where TState : struct, ILaneState<FloatLane>
    {
        int localGenome = thread / shape.LaneStride;
        int lane = thread - localGenome * shape.LaneStride;
        if (localGenome >= shape.GenomeCount || lane >= shape.LanesPerGenome) return;
        RunEpisode<TTask, TScales, TState>(program, lanes, shape, task, localGenome, lane, values, stride, offset, ref state);
    }

    /// <summary>
    /// Queued schedule: lanes numbered [position in launch x lanes per genome + lane] (no padding), taken one at a
    /// time from the launch's counter until none is left; the state is zeroed before each episode, as a fresh thread's is.
    /// </summary>
    private static void RunQueuedLanes<TTask, TScales, TState>(ProgramViews program, LaneViews lanes, RolloutShape shape, TTask task,
        ArrayView<float> values, int stride, int offset, ref TState state)
        where TTask : struct, IRolloutTask
        where TScales : struct, IEdgeScales
        where TState : struct, IDeviceLaneState
    {
        int laneCount = shape.GenomeCount * shape.LanesPerGenome;
        for (int index = Atomic.Add(ref lanes.NextLane[0], 1); index < laneCount; index = Atomic.Add(ref lanes.NextLane[0], 1))
        {
            int localGenome = index / shape.LanesPerGenome;
            state.Clear(shape.StateSize);
            RunEpisode<TTask, TScales, TState>(program, lanes, shape, task, localGenome, index - localGenome * shape.LanesPerGenome, values, stride, offset, ref state);
        }
    }

    /// <summary>One lane's whole episode, its reward and steps written at [position in launch x lanes per genome + lane]; the same for either schedule.</summary>
    private static void RunEpisode<TTask, TScales, TState>(ProgramViews program, LaneViews lanes, RolloutShape shape, TTask task,
        int localGenome, int lane, ArrayView<float> values, int stride, int offset, ref TState state)
        where TTask : struct, IRolloutTask
        where TScales : struct, IEdgeScales
        where TState : struct, ILaneState<FloatLane>
    {
        int genome = program.Order[shape.FirstPosition + localGenome];
        int repetition = lane % shape.Repetitions; // LaneIndexing.RepetitionOf: lanes are weight-major
        float weight = lanes.Weight[lane];

        var episode = new DeviceEpisode(lanes.Episodes, repetition * shape.EpisodeSize);
        task.Reset<FloatLane, TState, DeviceEpisode>(ref state, episode);

        int firstNode = program.InstructionStart[genome];
        int nodeEnd = program.InstructionStart[genome + 1];
        int firstEdge = program.FirstEdge[genome];
        int outputBase = genome * shape.OutputCount;
        values[offset] = 1f; // bias slot
        var io = new DeviceNetworkValues(values, stride, offset, program.OutputSlot, outputBase);
        var tally = EpisodeTally<FloatLane>.Start(FloatLane.True);
        for (int t = 0; t < shape.EpisodeLength; t++)
        {
            EpisodeProtocol.Observe<TTask, FloatLane, TState, DeviceEpisode, DeviceNetworkValues>(task, ref state, episode, shape.InputCount, ref io);
            NetworkForward<TScales>(program, firstNode, nodeEnd, firstEdge, 1 + shape.InputCount, weight, values, stride, offset);
            EpisodeProtocol.Step<TTask, FloatLane, TState, DeviceEpisode, DeviceNetworkValues>(task, ref state, episode, io, shape.OutputCount, ref tally);
            if (!FloatLane.Any(tally.Alive)) break;
        }

        int index = localGenome * shape.LanesPerGenome + lane;
        lanes.Reward[index] = tally.Reward.Value;
        lanes.Steps[index] = (int)tally.Steps.Value;
    }

    /// <summary>
    /// One forward pass of a program over node values laid out [slot x stride + offset], bias and inputs
    /// already in place. Same operations in the same order as the reference interpreter.
    /// </summary>
    public static void NetworkForward<TScales>(ProgramViews program, int firstNode, int nodeEnd, int firstEdge, int firstSlot, float weight,
        ArrayView<float> values, int stride, int offset)
        where TScales : struct, IEdgeScales
    {
        var scales = default(TScales);
        int slot = firstSlot;
        int edge = firstEdge;
        for (int i = firstNode; i < nodeEnd; i++, slot++)
        {
            int header = program.NodeHeader[i];
            int end = edge + (header >> 8);
            float sum = 0f;
            for (; edge < end; edge++)
                sum += scales.Weigh(program.EdgeScale, edge, values[program.EdgeSource[edge] * stride + offset]);
            values[slot * stride + offset] = Activation.Apply(header & 0xFF, new FloatLane(weight * sum)).Value;
        }
    }
}
