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
    /// <summary>Fast path: node values in dynamic shared memory, [slot x group size + thread in group].</summary>
    public static void SharedMemoryRollout<TTask, TScales>(ProgramViews program, LaneViews lanes, RolloutShape shape, TTask task)
        where TTask : struct, IRolloutTask
        where TScales : struct, IEdgeScales
    {
        var values = SharedMemory.GetDynamic<float>();
        RunLane<TTask, TScales>(program, lanes, shape, task, Grid.GlobalIndex.X, values, Group.DimX, Group.IdxX);
    }

    /// <summary>Large networks: node values in global scratch, [slot x threads + thread] (coalesced per slot).</summary>
    public static void GlobalMemoryRollout<TTask, TScales>(ProgramViews program, LaneViews lanes, RolloutShape shape, TTask task)
        where TTask : struct, IRolloutTask
        where TScales : struct, IEdgeScales
    {
        int thread = Grid.GlobalIndex.X;
        RunLane<TTask, TScales>(program, lanes, shape, task, thread, lanes.Scratch, Grid.DimX * Group.DimX, thread);
    }

    private static void RunLane<TTask, TScales>(ProgramViews program, LaneViews lanes, RolloutShape shape, TTask task,
        int thread, ArrayView<float> values, int stride, int offset)
        where TTask : struct, IRolloutTask
        where TScales : struct, IEdgeScales
    {
        int localGenome = thread / shape.LaneStride;
        int lane = thread - localGenome * shape.LaneStride;
        if (localGenome >= shape.GenomeCount || lane >= shape.LanesPerGenome) return;
        int genome = program.Order[shape.FirstPosition + localGenome];
        int repetition = lane % shape.Repetitions;
        float weight = lanes.Weight[lane];

        var start = new TaskStart<FloatLane>();
        for (int c = 0; c < shape.StartComponents; c++) start.Set(c, new FloatLane(lanes.Start[c * shape.Repetitions + repetition]));
        var state = new TaskState<FloatLane>();
        task.Reset(ref state, start);

        int firstNode = program.InstructionStart[genome];
        int nodeEnd = program.InstructionStart[genome + 1];
        int firstEdge = program.FirstEdge[genome];
        int outputBase = genome * shape.OutputCount;
        values[offset] = 1f; // bias slot
        var outputs = new TaskOutputs<FloatLane>();
        float total = 0f;
        int steps = 0;
        for (int t = 0; t < shape.EpisodeLength; t++)
        {
            for (int k = 0; k < shape.InputCount; k++)
                values[(1 + k) * stride + offset] = task.Observation(state, k).Value;

            NetworkForward<TScales>(program, firstNode, nodeEnd, firstEdge, 1 + shape.InputCount, weight, values, stride, offset);

            for (int o = 0; o < shape.OutputCount && o < TaskOutputs<FloatLane>.Capacity; o++)
                outputs.Set(o, new FloatLane(values[program.OutputSlot[outputBase + o] * stride + offset]));
            total += task.Step(ref state, outputs, out var done).Value;
            steps++;
            if (done.Value > 0f) break;
        }

        int index = localGenome * shape.LanesPerGenome + lane;
        lanes.Reward[index] = total;
        lanes.Steps[index] = steps;
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
