using ILGPU;
using Wann.Engine.Activations;
using Wann.Engine.Lanes;

namespace Wann.Kernels.Gpu;

/// <summary>
/// Sizes of a forward-only launch: every genome x weight x group of <see cref="Columns"/> input vectors is one thread,
/// so one decoded edge serves <see cref="Columns"/> lanes.
/// </summary>
public struct ForwardShape
{
    /// <summary>Launch position of this launch's first genome (an index into <see cref="ProgramViews.Order"/>).</summary>
    public int FirstPosition;
    public int GenomeCount;
    public int WeightCount;
    public int VectorCount;
    /// <summary>Input vectors a thread runs (the kernel's <see cref="IForwardColumns"/>); the last thread of a weight may have fewer.</summary>
    public int Columns;
    /// <summary>Threads per weight: VectorCount / Columns rounded up.</summary>
    public int ThreadsPerWeight;
    /// <summary>Threads per genome: weights x <see cref="ThreadsPerWeight"/> rounded up to whole warps.</summary>
    public int LaneStride;
    public int InputCount;
    public int OutputCount;
}

/// <summary>Input vectors per forward thread, 1 or 4, as a type so each count compiles with its sums in registers.</summary>
public interface IForwardColumns
{
    int Count { get; }
}

public struct OneColumn : IForwardColumns
{
    public int Count => 1;
}

public struct FourColumns : IForwardColumns
{
    public int Count => 4;
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
/// Device code only: network forward passes without a task, one thread per (genome, weight, group of input vectors),
/// each vector a column of node values [slot x stride + column x columnStride + offset]. A launch writes its outputs
/// at [((position in launch x weights + weight) x vectors + vector) x outputs + output], or, for classification, each
/// row's score (<see cref="SoftmaxScore"/>) at [(position in launch x weights + weight) x vectors + vector], which
/// <see cref="FoldRowScores"/> then reduces per (genome, weight).
/// </summary>
public static class ForwardKernels
{
    public static void SharedMemoryForward<TScales, TColumns>(ProgramViews program, ArrayView<float> weights, ArrayView<float> inputs, ArrayView<float> outputs, ForwardShape shape)
        where TScales : struct, IEdgeScales where TColumns : struct, IForwardColumns
    {
        var values = SharedMemory.GetDynamic<float>();
        var place = new ColumnPlace(default(TColumns).Count * Group.DimX, Group.DimX, Group.IdxX);
        Outputs<TScales, TColumns>(program, weights, inputs, outputs, shape, Grid.GlobalIndex.X, values, place);
    }

    public static void GlobalMemoryForward<TScales, TColumns>(ProgramViews program, ArrayView<float> weights, ArrayView<float> inputs, ArrayView<float> outputs, ForwardShape shape, ArrayView<float> scratch)
        where TScales : struct, IEdgeScales where TColumns : struct, IForwardColumns
    {
        int thread = Grid.GlobalIndex.X, threads = Grid.DimX * Group.DimX;
        Outputs<TScales, TColumns>(program, weights, inputs, outputs, shape, thread, scratch, new ColumnPlace(default(TColumns).Count * threads, threads, thread));
    }

    public static void SharedMemoryClassify<TScales, TColumns>(ProgramViews program, ArrayView<float> weights, ArrayView<float> inputs, RowScoreViews scores, ForwardShape shape)
        where TScales : struct, IEdgeScales where TColumns : struct, IForwardColumns
    {
        var values = SharedMemory.GetDynamic<float>();
        var place = new ColumnPlace(default(TColumns).Count * Group.DimX, Group.DimX, Group.IdxX);
        Scores<TScales, TColumns>(program, weights, inputs, scores, shape, Grid.GlobalIndex.X, values, place);
    }

    public static void GlobalMemoryClassify<TScales, TColumns>(ProgramViews program, ArrayView<float> weights, ArrayView<float> inputs, RowScoreViews scores, ForwardShape shape, ArrayView<float> scratch)
        where TScales : struct, IEdgeScales where TColumns : struct, IForwardColumns
    {
        int thread = Grid.GlobalIndex.X, threads = Grid.DimX * Group.DimX;
        Scores<TScales, TColumns>(program, weights, inputs, scores, shape, thread, scratch, new ColumnPlace(default(TColumns).Count * threads, threads, thread));
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

    private static void Outputs<TScales, TColumns>(ProgramViews program, ArrayView<float> weights, ArrayView<float> inputs, ArrayView<float> outputs, ForwardShape shape,
        int thread, ArrayView<float> values, ColumnPlace place)
        where TScales : struct, IEdgeScales where TColumns : struct, IForwardColumns
    {
        if (!Forward<TScales, TColumns>(program, weights, inputs, shape, thread, values, place, out int genome, out int firstRow, out int count)) return;
        for (int j = 0; j < count; j++)
        {
            int outBase = (firstRow + j) * shape.OutputCount;
            int at = place.Column(j);
            for (int o = 0; o < shape.OutputCount; o++)
                outputs[outBase + o] = values[program.OutputSlot[genome * shape.OutputCount + o] * place.Stride + at];
        }
    }

    private static void Scores<TScales, TColumns>(ProgramViews program, ArrayView<float> weights, ArrayView<float> inputs, RowScoreViews scores, ForwardShape shape,
        int thread, ArrayView<float> values, ColumnPlace place)
        where TScales : struct, IEdgeScales where TColumns : struct, IForwardColumns
    {
        if (!Forward<TScales, TColumns>(program, weights, inputs, shape, thread, values, place, out int genome, out int firstRow, out int count)) return;
        for (int j = 0; j < count; j++)
        {
            int row = firstRow + j;
            var outputs = new SlotRow(values, program.OutputSlot, genome * shape.OutputCount, place.Stride, place.Column(j));
            SoftmaxScore.Of(outputs, shape.OutputCount, new FloatLane(scores.Labels[row % shape.VectorCount]), out FloatLane loss, out FloatLane hit);
            scores.Loss[row] = loss.Value;
            scores.Hit[row] = (int)hit.Value;
        }
    }

    /// <summary>Where a thread's node values lie: slot s of column j at s x Stride + j x ColumnStride + Offset.</summary>
    private readonly struct ColumnPlace(int stride, int columnStride, int offset)
    {
        public int Stride => stride;
        public int ColumnStride => columnStride;
        public int Column(int j) => j * columnStride + offset;
    }

    /// <summary>A thread's output values for one column, read from its node values through the program's output slots.</summary>
    private readonly struct SlotRow(ArrayView<float> values, ArrayView<int> outputSlot, int firstOutput, int stride, int offset) : IClassRow<FloatLane>
    {
        public FloatLane Output(int k) => new(values[outputSlot[firstOutput + k] * stride + offset]);
    }

    /// <summary>
    /// The thread's forward passes; false for a padding thread. Its columns hold input vectors firstRow..firstRow + count - 1
    /// of the launch's rows, row = (position in launch x weights + weight) x vectors + vector.
    /// </summary>
    private static bool Forward<TScales, TColumns>(ProgramViews program, ArrayView<float> weights, ArrayView<float> inputs, ForwardShape shape,
        int thread, ArrayView<float> values, ColumnPlace place, out int genome, out int firstRow, out int count)
        where TScales : struct, IEdgeScales where TColumns : struct, IForwardColumns
    {
        int columns = default(TColumns).Count;
        int localGenome = thread / shape.LaneStride;
        int lane = thread - localGenome * shape.LaneStride;
        genome = 0;
        firstRow = 0;
        count = 0;
        if (localGenome >= shape.GenomeCount || lane >= shape.WeightCount * shape.ThreadsPerWeight) return false;
        genome = program.Order[shape.FirstPosition + localGenome];
        int weightIndex = lane / shape.ThreadsPerWeight;
        int firstVector = (lane - weightIndex * shape.ThreadsPerWeight) * columns;
        count = Math.Min(columns, shape.VectorCount - firstVector);

        // Columns past the last vector (the last thread of a weight) run on zeros and are not written out.
        for (int j = 0; j < columns; j++)
        {
            int at = place.Column(j);
            values[at] = 1f;
            for (int k = 0; k < shape.InputCount; k++)
                values[(1 + k) * place.Stride + at] = j < count ? inputs[(firstVector + j) * shape.InputCount + k] : 0f;
        }
        NetworkForward<TScales, TColumns>(program, program.InstructionStart[genome], program.InstructionStart[genome + 1], program.FirstEdge[genome],
            1 + shape.InputCount, weights[weightIndex], values, place);
        firstRow = (localGenome * shape.WeightCount + weightIndex) * shape.VectorCount + firstVector;
        return true;
    }

    /// <summary>
    /// <see cref="RolloutKernels.NetworkForward{TScales}"/> over a thread's columns: each edge decoded once and added into
    /// every column's sum (registers), the same operations in the same order per column as the reference interpreter.
    /// </summary>
    private static void NetworkForward<TScales, TColumns>(ProgramViews program, int firstNode, int nodeEnd, int firstEdge, int firstSlot, float weight,
        ArrayView<float> values, ColumnPlace place)
        where TScales : struct, IEdgeScales where TColumns : struct, IForwardColumns
    {
        var scales = default(TScales);
        int columns = default(TColumns).Count;
        int c1 = place.ColumnStride, c2 = c1 + c1, c3 = c2 + c1;
        int slot = firstSlot;
        int edge = firstEdge;
        for (int i = firstNode; i < nodeEnd; i++, slot++)
        {
            int header = program.NodeHeader[i];
            int end = edge + (header >> 8);
            float s0 = 0f, s1 = 0f, s2 = 0f, s3 = 0f;
            for (; edge < end; edge++)
            {
                int source = program.EdgeSource[edge] * place.Stride + place.Column(0);
                s0 += scales.Weigh(program.EdgeScale, edge, values[source]);
                if (columns > 1)
                {
                    s1 += scales.Weigh(program.EdgeScale, edge, values[source + c1]);
                    s2 += scales.Weigh(program.EdgeScale, edge, values[source + c2]);
                    s3 += scales.Weigh(program.EdgeScale, edge, values[source + c3]);
                }
            }
            int activation = header & 0xFF;
            int destination = slot * place.Stride + place.Column(0);
            values[destination] = Activation.Apply(activation, new FloatLane(weight * s0)).Value;
            if (columns > 1)
            {
                values[destination + c1] = Activation.Apply(activation, new FloatLane(weight * s1)).Value;
                values[destination + c2] = Activation.Apply(activation, new FloatLane(weight * s2)).Value;
                values[destination + c3] = Activation.Apply(activation, new FloatLane(weight * s3)).Value;
            }
        }
    }
}
