using ILGPU;
using Wann.Engine.Lanes;

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

/// <summary>Where a classification launch puts each row's score: [(position in launch x weights + weight) x vectors + vector].</summary>
public struct RowScoreViews
{
    /// <summary>Each input vector's class.</summary>
    public ArrayView<int> Labels;
    public ArrayView<float> Loss;
    /// <summary>1 where the row was classified correctly, else 0.</summary>
    public ArrayView<int> Hit;
}

/// <summary>
/// Device code only: network forward passes without a task, one thread per (genome, weight, input
/// vector). A launch writes its outputs at [((position in launch x weights + weight) x vectors + vector) x outputs + output],
/// or, for classification, each row's score (<see cref="SoftmaxScore"/>) at [(position in launch x weights + weight) x
/// vectors + vector], which <see cref="FoldRowScores"/> then reduces per (genome, weight).
/// </summary>
public static class ForwardKernels
{
    public static void SharedMemoryForward<TScales>(ProgramViews program, ArrayView<float> weights, ArrayView<float> inputs, ArrayView<float> outputs, ForwardShape shape)
        where TScales : struct, IEdgeScales
    {
        var values = SharedMemory.GetDynamic<float>();
        Outputs<TScales>(program, weights, inputs, outputs, shape, Grid.GlobalIndex.X, values, Group.DimX, Group.IdxX);
    }

    public static void GlobalMemoryForward<TScales>(ProgramViews program, ArrayView<float> weights, ArrayView<float> inputs, ArrayView<float> outputs, ForwardShape shape, ArrayView<float> scratch)
        where TScales : struct, IEdgeScales
    {
        int thread = Grid.GlobalIndex.X;
        Outputs<TScales>(program, weights, inputs, outputs, shape, thread, scratch, Grid.DimX * Group.DimX, thread);
    }

    public static void SharedMemoryClassify<TScales>(ProgramViews program, ArrayView<float> weights, ArrayView<float> inputs, RowScoreViews scores, ForwardShape shape)
        where TScales : struct, IEdgeScales
    {
        var values = SharedMemory.GetDynamic<float>();
        Scores<TScales>(program, weights, inputs, scores, shape, Grid.GlobalIndex.X, values, Group.DimX, Group.IdxX);
    }

    public static void GlobalMemoryClassify<TScales>(ProgramViews program, ArrayView<float> weights, ArrayView<float> inputs, RowScoreViews scores, ForwardShape shape, ArrayView<float> scratch)
        where TScales : struct, IEdgeScales
    {
        int thread = Grid.GlobalIndex.X;
        Scores<TScales>(program, weights, inputs, scores, shape, thread, scratch, Grid.DimX * Group.DimX, thread);
    }

    /// <summary>
    /// One thread per (genome, weight) of a whole evaluation: the mean of its rows' losses, added in row order in float
    /// (<see cref="Wann.Engine.Evaluation.ClassScores.MeanOf"/>), and its count of rows classified correctly.
    /// </summary>
    public static void FoldRowScores(ArrayView<float> rowLoss, ArrayView<int> rowHit, ArrayView<float> meanLoss, ArrayView<int> correct, int rows, int count)
    {
        int index = Grid.GlobalIndex.X;
        if (index >= count) return;
        float total = 0f;
        int right = 0;
        long first = (long)index * rows;
        for (int i = 0; i < rows; i++)
        {
            total += rowLoss[first + i];
            right += rowHit[first + i];
        }
        meanLoss[index] = total / rows;
        correct[index] = right;
    }

    private static void Outputs<TScales>(ProgramViews program, ArrayView<float> weights, ArrayView<float> inputs, ArrayView<float> outputs, ForwardShape shape,
        int thread, ArrayView<float> values, int stride, int offset)
        where TScales : struct, IEdgeScales
    {
        if (!Forward<TScales>(program, weights, inputs, shape, thread, values, stride, offset, out int genome, out int row)) return;
        int outBase = row * shape.OutputCount;
        for (int o = 0; o < shape.OutputCount; o++)
            outputs[outBase + o] = values[program.OutputSlot[genome * shape.OutputCount + o] * stride + offset];
    }

    private static void Scores<TScales>(ProgramViews program, ArrayView<float> weights, ArrayView<float> inputs, RowScoreViews scores, ForwardShape shape,
        int thread, ArrayView<float> values, int stride, int offset)
        where TScales : struct, IEdgeScales
    {
        if (!Forward<TScales>(program, weights, inputs, shape, thread, values, stride, offset, out int genome, out int row)) return;
        int vector = row % shape.VectorCount;
        var outputs = new SlotRow(values, program.OutputSlot, genome * shape.OutputCount, stride, offset);
        SoftmaxScore.Of(outputs, shape.OutputCount, new FloatLane(scores.Labels[vector]), out FloatLane loss, out FloatLane hit);
        scores.Loss[row] = loss.Value;
        scores.Hit[row] = (int)hit.Value;
    }

    /// <summary>A thread's output values, read from its node values through the program's output slots.</summary>
    private readonly struct SlotRow(ArrayView<float> values, ArrayView<int> outputSlot, int firstOutput, int stride, int offset) : IClassRow<FloatLane>
    {
        public FloatLane Output(int k) => new(values[outputSlot[firstOutput + k] * stride + offset]);
    }

    /// <summary>
    /// The thread's forward pass; false for a padding thread. <paramref name="row"/> is its place in the launch,
    /// (position in launch x weights + weight) x vectors + vector.
    /// </summary>
    private static bool Forward<TScales>(ProgramViews program, ArrayView<float> weights, ArrayView<float> inputs, ForwardShape shape,
        int thread, ArrayView<float> values, int stride, int offset, out int genome, out int row)
        where TScales : struct, IEdgeScales
    {
        int localGenome = thread / shape.LaneStride;
        int lane = thread - localGenome * shape.LaneStride;
        genome = 0;
        row = 0;
        if (localGenome >= shape.GenomeCount || lane >= shape.WeightCount * shape.VectorCount) return false;
        genome = program.Order[shape.FirstPosition + localGenome];
        int weightIndex = lane / shape.VectorCount;
        int vector = lane - weightIndex * shape.VectorCount;

        values[offset] = 1f;
        for (int k = 0; k < shape.InputCount; k++) values[(1 + k) * stride + offset] = inputs[vector * shape.InputCount + k];
        RolloutKernels.NetworkForward<TScales>(program, program.InstructionStart[genome], program.InstructionStart[genome + 1], program.FirstEdge[genome],
            1 + shape.InputCount, weights[weightIndex], values, stride, offset);
        row = localGenome * shape.WeightCount * shape.VectorCount + lane;
        return true;
    }
}
