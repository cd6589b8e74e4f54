using Wann.Engine.Lanes;

namespace Wann.Engine.Evaluation;

/// <summary>
/// A classification forward pass reduced to what the search needs, per (genome, weight) at [genome x weights + weight]:
/// the mean softmax cross-entropy over the rows and how many rows were classified correctly. Each row is scored by
/// <see cref="SoftmaxScore"/>; the mean is the rows' losses added in row order in float, divided by the row count
/// (<see cref="MeanOf"/>). Every backend follows that order, so the means are the same bits everywhere.
/// </summary>
public sealed record ClassScores(float[] MeanLoss, int[] Correct, int Rows)
{
    /// <summary>The mean of one (genome, weight)'s row losses, as every backend folds them: in row order, in float.</summary>
    public static float MeanOf(ReadOnlySpan<float> rowLosses)
    {
        float total = 0f;
        foreach (float loss in rowLosses) total += loss;
        return total / rowLosses.Length;
    }

    /// <summary>
    /// The scores of outputs laid out as <see cref="IForwardEvaluator.Forward"/> gives them: the reference rule, and
    /// the fallback for backends without a reduction of their own.
    /// </summary>
    public static ClassScores FromOutputs(float[] outputs, int genomes, int weights, int[] labels, int classes)
    {
        int rows = labels.Length;
        var meanLoss = new float[genomes * weights];
        var correct = new int[genomes * weights];
        Parallel.For(0, genomes * weights, new ParallelOptions { MaxDegreeOfParallelism = genomes < 16 ? 1 : -1 }, lane =>
        {
            var losses = new float[rows];
            int right = 0;
            for (int i = 0; i < rows; i++)
            {
                var row = new ArrayRow(outputs, ((long)lane * rows + i) * classes);
                SoftmaxScore.Of(row, classes, new FloatLane(labels[i]), out FloatLane loss, out FloatLane hit);
                losses[i] = loss.Value;
                right += (int)hit.Value;
            }
            meanLoss[lane] = MeanOf(losses);
            correct[lane] = right;
        });
        return new ClassScores(meanLoss, correct, rows);
    }

    private readonly struct ArrayRow(float[] outputs, long start) : IClassRow<FloatLane>
    {
        public FloatLane Output(int k) => new(outputs[start + k]);
    }
}
