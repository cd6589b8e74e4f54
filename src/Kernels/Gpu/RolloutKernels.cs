using ILGPU;
using Wann.Engine.Activations;
using Wann.Engine.Lanes;
using Wann.Kernels.Tasks;

namespace Wann.Kernels.Gpu;

/// <summary>
/// Device code only: one thread runs one lane's whole episode (observe, network forward, task step,
/// reward) inside a single launch. Lanes of a genome are adjacent and padded to whole warps, so a warp
/// decodes one instruction stream. Node values live in shared memory on the fast path, in a global
/// scratch buffer (same code, other view) when a network is too large for it. Every index stays below
/// 2^31 because the host sizes each launch so (see <see cref="LaunchPlanner"/>).
/// </summary>
public static class RolloutKernels
{
    /// <summary>The entry point for a launch: node values in shared or global memory, task state in registers or a buffer.</summary>
    public static string EntryName(bool sharedMemory, bool bufferState) => (sharedMemory, bufferState) switch
    {
        (true, false) => nameof(SharedMemoryRollout),
        (false, false) => nameof(GlobalMemoryRollout),
        (true, true) => nameof(SharedMemoryRolloutBufferState),
        (false, true) => nameof(GlobalMemoryRolloutBufferState),
    };

    /// <summary>Fast path: node values in dynamic shared memory, [slot x group size + thread in group]; task state in registers.</summary>
    public static void SharedMemoryRollout<TTask, TScales>(ProgramViews program, LaneViews lanes, RolloutShape shape, TTask task)
        where TTask : struct, IRolloutTask
        where TScales : struct, IEdgeScales
    {
        var values = SharedMemory.GetDynamic<float>();
        var state = default(RegisterState);
        RunLane<TTask, TScales, RegisterState>(program, lanes, shape, task, Grid.GlobalIndex.X, values, Group.DimX, Group.IdxX, ref state);
    }

    /// <summary>Large networks: node values in global scratch, [slot x threads + thread] (coalesced per slot); task state in registers.</summary>
    public static void GlobalMemoryRollout<TTask, TScales>(ProgramViews program, LaneViews lanes, RolloutShape shape, TTask task)
        where TTask : struct, IRolloutTask
        where TScales : struct, IEdgeScales
    {
        int thread = Grid.GlobalIndex.X;
        var state = default(RegisterState);
        RunLane<TTask, TScales, RegisterState>(program, lanes, shape, task, thread, lanes.Scratch, Grid.DimX * Group.DimX, thread, ref state);
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
        RunLane<TTask, TScales, BufferState>(program, lanes, shape, task, thread, values, Group.DimX, Group.IdxX, ref state);
    }

    /// <summary>As <see cref="GlobalMemoryRollout{TTask, TScales}"/> for tasks whose state does not fit in registers: state slots in a device buffer.</summary>
    public static void GlobalMemoryRolloutBufferState<TTask, TScales>(ProgramViews program, LaneViews lanes, RolloutShape shape, TTask task)
        where TTask : struct, IRolloutTask
        where TScales : struct, IEdgeScales
    {
        int thread = Grid.GlobalIndex.X;
        var state = new BufferState { Slots = lanes.State, Stride = Grid.DimX * Group.DimX, Offset = thread };
        state.Clear(shape.StateSize);
        RunLane<TTask, TScales, BufferState>(program, lanes, shape, task, thread, lanes.Scratch, Grid.DimX * Group.DimX, thread, ref state);
    }

    private static void RunLane<TTask, TScales, TState>(ProgramViews program, LaneViews lanes, RolloutShape shape, TTask task,
        int thread, ArrayView<float> values, int stride, int offset, ref TState state)
        where TTask : struct, IRolloutTask
        where TScales : struct, IEdgeScales
        where TState : struct, ILaneState<FloatLane>
    {
        int localGenome = thread / shape.LaneStride;
        int lane = thread - localGenome * shape.LaneStride;
        if (localGenome >= shape.GenomeCount || lane >= shape.LanesPerGenome) return;
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
