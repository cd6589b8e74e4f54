using Wann.Engine.Datasets;
using Wann.Engine.Evaluation;
using Wann.Engine.Genomes;
using Wann.Engine.Programs;
using Wann.Engine.Tasks;

namespace Wann.Engine.Tuning;

/// <summary>How the best single shared weight is searched: a coarse sweep of the whole range, then a fine one around its best.</summary>
public sealed record SharedTuningSettings
{
    /// <summary>The paper's weight range, [-2, 2] (WANNTool's <c>--lo</c>/<c>--hi</c> sweep defaults).</summary>
    public float Cap { get; init; } = 2f;
    public int CoarseCount { get; init; } = 41;
    public int FineCount { get; init; } = 41;
    /// <summary>Half-width of the fine sweep: one coarse step either side of the coarse best.</summary>
    public float FineHalfWidth { get; init; } = 0.1f;
    /// <summary>Episodes (or classification batches) per weight, the same ones at every weight.</summary>
    public int Episodes { get; init; } = 100;
}

/// <summary>The chosen shared weight and the two sweeps it was chosen from (means on the sweep's own episodes).</summary>
public sealed record SharedTuningResult(float Weight, double ChosenMean, WeightSweep Coarse, WeightSweep Fine, long StepCount);

/// <summary>
/// The "tuned shared weight" of the paper: the best single shared weight in [-2, 2]. WANNTool's
/// <c>model.py --sweep</c> scores evenly spaced weights on the same seeds and the best is read off; here a
/// coarse sweep is refined around its best point. Every weight sees the same episodes (common random
/// numbers, a stream of its own), so the comparison between weights is sharp; the chosen weight must be
/// scored on other episodes, since its sweep mean is biased upwards by the choice.
/// </summary>
public static class SharedWeightTuning
{
    public static SharedTuningResult Run(Genome genome, TaskSpec task, IEvaluator evaluator, ulong seed, SharedTuningSettings settings)
    {
        if (settings.Episodes < 1) throw new WannException($"--sweep-episodes: must be at least 1, got {settings.Episodes}");
        ulong sweepSeed = RandomStreams.Seed(seed, RandomStreams.SharedSweep);
        var coarse = WeightSweep.Run(genome, task, evaluator, WeightSweep.Range(-settings.Cap, settings.Cap, settings.CoarseCount), settings.Episodes, sweepSeed);
        int best = ArgMax(coarse.Mean);
        float centre = coarse.Weights[best];
        float from = Math.Max(-settings.Cap, centre - settings.FineHalfWidth), to = Math.Min(settings.Cap, centre + settings.FineHalfWidth);
        var fine = WeightSweep.Run(genome, task, evaluator, WeightSweep.Range(from, to, settings.FineCount), settings.Episodes, sweepSeed);
        int fineBest = ArgMax(fine.Mean);
        var (weight, mean) = fine.Mean[fineBest] >= coarse.Mean[best] ? (fine.Weights[fineBest], fine.Mean[fineBest]) : (centre, coarse.Mean[best]);
        return new SharedTuningResult(weight, mean, coarse, fine, coarse.StepCount + fine.StepCount);
    }

    /// <summary>
    /// Classification: the same coarse-then-fine sweep, each weight judged by its argmax accuracy on (up to
    /// <paramref name="maxImages"/> of) the training images, the measure the paper reports, never on the test set.
    /// </summary>
    public static SharedTuningResult RunOnAccuracy(Genome genome, ImageDataset train, IForwardEvaluator forward, SharedTuningSettings settings, int maxImages = 10000)
    {
        var images = train.Count <= maxImages ? train : train.Subset(Enumerable.Range(0, maxImages).ToList());
        WeightSweep Sweep(float[] weights)
        {
            var accuracy = new List<double>(weights.Length);
            for (int first = 0; first < weights.Length; first += 8) // bounds the outputs held at once
                accuracy.AddRange(ClassificationScore.Of(genome, WeightMode.Shared, weights[first..Math.Min(weights.Length, first + 8)], images, forward).Accuracy);
            return new WeightSweep(weights, accuracy.ToArray(), new double[weights.Length], images.Count);
        }
        var coarse = Sweep(WeightSweep.Range(-settings.Cap, settings.Cap, settings.CoarseCount));
        int best = ArgMax(coarse.Mean);
        float centre = coarse.Weights[best];
        var fine = Sweep(WeightSweep.Range(Math.Max(-settings.Cap, centre - settings.FineHalfWidth), Math.Min(settings.Cap, centre + settings.FineHalfWidth), settings.FineCount));
        int fineBest = ArgMax(fine.Mean);
        var (weight, mean) = fine.Mean[fineBest] >= coarse.Mean[best] ? (fine.Weights[fineBest], fine.Mean[fineBest]) : (centre, coarse.Mean[best]);
        return new SharedTuningResult(weight, mean, coarse, fine, 0);
    }

    private static int ArgMax(double[] values)
    {
        int best = 0;
        for (int i = 1; i < values.Length; i++)
            if (values[i] > values[best] || double.IsNaN(values[best])) best = i;
        return best;
    }
}
