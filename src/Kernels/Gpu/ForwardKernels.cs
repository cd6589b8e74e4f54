using ILGPU;

namespace Wann.Kernels.Gpu;

/// <summary>Sizes of a forward-only launch: every genome x weight x input vector is one thread.</summary>
public struct ForwardShape
{
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
/// vector). Outputs land at [((genome x weights + weight) x vectors + vector) x outputs + output].
/// </summary>
public static class ForwardKernels
{
    public static void SharedMemoryForward(ProgramViews program, ArrayView<float> weights, ArrayView<float> inputs, ArrayView<float> outputs, ForwardShape shape)
    {
        var values = SharedMemory.GetDynamic<float>();
        Run(program, weights, inputs, outputs, shape, Grid.GlobalIndex.X, values, Group.DimX, Group.IdxX);
    }

    public static void GlobalMemoryForward(ProgramViews program, ArrayView<float> weights, ArrayView<float> inputs, ArrayView<float> outputs, ForwardShape shape, ArrayView<float> scratch)
    {
        int thread = Grid.GlobalIndex.X;
        Run(program, weights, inputs, outputs, shape, thread, scratch, Grid.DimX * Group.DimX, thread);
    }

    private static void Run(ProgramViews program, ArrayView<float> weights, ArrayView<float> inputs, ArrayView<float> outputs, ForwardShape shape,
        int thread, ArrayView<float> values, int stride, int offset)
    {
        int genome = thread / shape.LaneStride;
        int lane = thread - genome * shape.LaneStride;
        if (genome >= shape.GenomeCount || lane >= shape.WeightCount * shape.VectorCount) return;
        int weightIndex = lane / shape.VectorCount;
        int vector = lane - weightIndex * shape.VectorCount;

        values[offset] = 1f;
        for (int k = 0; k < shape.InputCount; k++) values[(1 + k) * stride + offset] = inputs[vector * shape.InputCount + k];
        RolloutKernels.NetworkForward(program, program.InstructionStart[genome], program.InstructionStart[genome + 1], 1 + shape.InputCount,
            weights[weightIndex], values, stride, offset);
        int outBase = ((genome * shape.WeightCount + weightIndex) * shape.VectorCount + vector) * shape.OutputCount;
        for (int o = 0; o < shape.OutputCount; o++)
            outputs[outBase + o] = values[program.OutputSlot[genome * shape.OutputCount + o] * stride + offset];
    }
}
