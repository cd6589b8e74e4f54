using Wann.Engine.Datasets;
using Wann.Engine.Programs;
using Wann.Engine.Randomness;

namespace Wann.Engine.Evaluation;

/// <summary>
/// Fitness for classification tasks, as the original scores mnist256: every (genome, weight) runs a batch
/// of training images drawn at random each generation (the same batch for every genome); reward = minus
/// the mean softmax cross-entropy. The backend runs the forward passes and reduces them to that loss where the
/// outputs are (<see cref="IForwardEvaluator.Classify"/>, in float, the same bits on every backend).
/// </summary>
public sealed class ClassificationEvaluator : IEvaluator
{
    private const long OutputBudget = 16L << 20;

    private readonly IBackend _backend;
    private readonly ClassificationData _data;
    private readonly int _batchSize;

    public ClassificationEvaluator(IBackend backend, ClassificationData data, int batchSize = 1000)
    {
        _backend = backend;
        _data = data;
        _batchSize = Math.Min(batchSize, data.Train.Count);
    }

    public string Name => _backend.Name;
    public string Device => _backend.Device;
    public ClassificationData Data => _data;

    /// <summary>The backend's forward passes, for scoring networks on the test set.</summary>
    public IForwardEvaluator Forward => _backend;

    public FitnessTable Evaluate(ProgramBatch batch, EvaluationRequest request)
    {
        var table = new FitnessTable(batch.ProgramCount, request.Weights.Length, request.Repetitions);
        for (int r = 0; r < request.Repetitions; r++)
        {
            var images = _data.Train.Subset(BatchIndices(request.Seed, request.Generation, r));
            var losses = MeanCrossEntropy(batch, request.Weights, images, request.Progress);
            for (int g = 0; g < batch.ProgramCount; g++)
                for (int w = 0; w < request.Weights.Length; w++)
                    table.Rewards[table.Lanes.IndexOf(g, w, r)] = -losses[g * request.Weights.Length + w];
        }
        table.StepCount = (long)batch.ProgramCount * request.LanesPerGenome * _batchSize;
        return table;
    }

    /// <summary>A random batch without repeats, a pure function of (seed, generation, repetition).</summary>
    private List<int> BatchIndices(ulong seed, long generation, int repetition)
    {
        var order = Enumerable.Range(0, _data.Train.Count).ToArray();
        var random = new SeededRandom(CounterRandom.Hash(seed, (ulong)generation, (ulong)repetition, 0x5EED));
        for (int i = 0; i < _batchSize; i++)
        {
            int j = i + random.NextInt(order.Length - i);
            (order[i], order[j]) = (order[j], order[i]);
        }
        return order.Take(_batchSize).ToList();
    }

    /// <summary>Mean cross-entropy per (genome, weight) over the images, in chunks of genomes to bound the backend's memory.</summary>
    private float[] MeanCrossEntropy(ProgramBatch batch, float[] weights, ImageDataset images, EvaluationProgress? progress)
    {
        var losses = new float[batch.ProgramCount * weights.Length];
        long perGenome = (long)weights.Length * images.Count * batch.OutputCount;
        int chunk = (int)Math.Clamp(OutputBudget / perGenome, 1, batch.ProgramCount);
        for (int first = 0; first < batch.ProgramCount; first += chunk)
        {
            progress?.Cancellation.ThrowIfCancellationRequested();
            int count = Math.Min(chunk, batch.ProgramCount - first);
            var scores = _backend.Classify(count == batch.ProgramCount ? batch : batch.Slice(first, count), weights, images.Pixels, images.Labels);
            scores.MeanLoss.CopyTo(losses, first * weights.Length);
            progress?.Finish((long)count * weights.Length);
        }
        return losses;
    }

    public void Dispose() => _backend.Dispose();
}
