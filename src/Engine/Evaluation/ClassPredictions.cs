namespace Wann.Engine.Evaluation;

/// <summary>
/// The classes a network predicts for rows: its softmax outputs summed over the shared weights it ran at (the
/// ensemble <c>eval</c> reports; with one weight, that weight's softmax), each row's class the one of the
/// largest sum (the first on ties). A weight whose outputs are not all finite adds nothing to that row.
/// </summary>
/// <param name="Classes">The predicted class of each row.</param>
/// <param name="Probabilities">Row-major, a value per class: the softmax averaged over the weights.</param>
public sealed record ClassPredictions(int[] Classes, double[] Probabilities)
{
    /// <param name="outputs">Outputs as a backend's forward pass gives them: weight-major, then row, then class.</param>
    public static ClassPredictions From(ReadOnlySpan<float> outputs, int weights, int rows, int classes)
    {
        var sums = new double[rows * classes];
        for (int w = 0; w < weights; w++)
            for (int i = 0; i < rows; i++)
                Scoring.AddSoftmax(outputs.Slice((w * rows + i) * classes, classes), sums.AsSpan(i * classes, classes));
        var predicted = new int[rows];
        for (int i = 0; i < rows; i++)
        {
            var row = sums.AsSpan(i * classes, classes);
            int best = 0;
            for (int k = 1; k < classes; k++) if (row[k] > row[best]) best = k;
            predicted[i] = best;
        }
        for (int k = 0; k < sums.Length; k++) sums[k] /= weights;
        return new ClassPredictions(predicted, sums);
    }
}
