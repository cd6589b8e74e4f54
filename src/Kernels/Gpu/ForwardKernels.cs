using ILGPU;

namespace Wann.Kernels.Gpu;

/// <summary>Sizes of a forward-only launch: every genome x weight x input vector is one thread.</summary>
public struct ForwardShape
{
    /// <summary>Launch position of this launch's first genome (an index into <see cref="ProgramViews.Order"/>).</summary>
    public int FirstPosition;
    public int GenomeCount;
    public int WeightCount;
    public int VectorCount;
    /// <summary>Threads per genome: weights x vectors rounded up to whole warps.</summary>
    public int LaneStride;
    public int InputCount;
    public int OutputCount;
}

/// <summary>
/// Device code only: network forward passes without a task, one thread per (genome, weight, input
/// vector). A launch writes its outputs at [((position in launch x weights + weight) x vectors + vector) x outputs + output].
/// </summary>
public static class ForwardKernels
{
    public static void SharedMemoryForward<TScales>(ProgramViews program, ArrayView<float> weights, ArrayView<float> inputs, ArrayView<float> outputs, ForwardShape shape)
        where TScales : struct, IEdgeScales
    {
        var values = SharedMemory.GetDynamic<float>();
        Run<TScales>(program, weights, inputs, outputs, shape, Grid.GlobalIndex.X, values, Group.DimX, Group.IdxX);
    }

    public static void GlobalMemoryForward<TScales>(ProgramViews program, ArrayView<float> weights, ArrayView<float> inputs, ArrayView<float> outputs, ForwardShape shape, ArrayView<float> scratch)
        where TScales : struct, IEdgeScales
    {
        int thread = Grid.GlobalIndex.X;
        Run<TScales>(program, weights, inputs, outputs, shape, thread, scratch, Grid.DimX * Group.DimX, thread);
    }

    private static void Run<TScales>(ProgramViews program, ArrayView<float> weights, ArrayView<float> inputs, ArrayView<float> outputs, ForwardShape shape,
        int thread, ArrayView<float> values, int stride, int offset)
        where TScales : struct, IEdgeScales
    {
        int localGenome = thread / shape.LaneStride;
        int lane = thread - localGenome * shape.LaneStride;
        if (localGenome >= shape.GenomeCount || lane >= shape.WeightCount * shape.VectorCount) return;
        int genome = program.Order[shape.FirstPosition + localGenome];
        int weightIndex = lane / shape.VectorCount;
        int vector = lane - weightIndex * shape.VectorCount;

        values[offset] = 1f;
        for (int k = 0; k < shape.InputCount; k++) values[(1 + k) * stride + offset] = inputs[vector * shape.InputCount + k];
        RolloutKernels.NetworkForward<TScales>(program, program.InstructionStart[genome], program.InstructionStart[genome + 1], program.FirstEdge[genome],
            1 + shape.InputCount, weights[weightIndex], values, stride, offset);
        int outBase = ((localGenome * shape.WeightCount + weightIndex) * shape.VectorCount + vector) * shape.OutputCount;
        for (int o = 0; o < shape.OutputCount; o++)
            outputs[outBase + o] = values[program.OutputSlot[genome * shape.OutputCount + o] * stride + offset];
    }
}
