using Wann.Engine.Datasets;
using Wann.Engine.Genomes;
using Wann.Engine.Programs;

namespace Wann.Engine.Evaluation;

/// <summary>
/// Test-set accuracy of one network: argmax accuracy at each shared weight, and of the ensemble that sums
/// the softmax outputs over all the weights (as the paper reports for MNIST).
/// </summary>
public sealed record ClassificationScore(float[] Weights, double[] Accuracy, double[] CrossEntropy, double EnsembleAccuracy, int Images)
{
    public static ClassificationScore Of(Genome genome, WeightMode mode, float[] weights, ImageDataset test, IForwardEvaluator forward)
    {
        var batch = ProgramBatch.CompileOne(genome, mode);
        var outputs = forward.Forward(batch, weights, test.Pixels);
        int classes = batch.OutputCount, n = test.Count;
        var accuracy = new double[weights.Length];
        var loss = new double[weights.Length];
        for (int w = 0; w < weights.Length; w++)
        {
            int correct = 0;
            for (int i = 0; i < n; i++)
            {
                var row = outputs.AsSpan((w * n + i) * classes, classes);
                if (Scoring.ArgMax(row) == test.Labels[i]) correct++;
                loss[w] += Scoring.CrossEntropy(row, test.Labels[i]) / n;
            }
            accuracy[w] = correct / (double)n;
        }
        var ensemble = ClassPredictions.From(outputs, weights.Length, n, classes).Classes;
        int ensembleCorrect = 0;
        for (int i = 0; i < n; i++)
            if (ensemble[i] == test.Labels[i]) ensembleCorrect++;
        return new ClassificationScore(weights, accuracy, loss, ensembleCorrect / (double)n, n);
    }
}
