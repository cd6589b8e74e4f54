using Wann.Engine.Evaluation;
using Wann.Engine.Tasks;

namespace Wann.Host.Evaluation;

/// <summary>
/// One network scored at a set of shared weights: episode statistics per weight for a rollout task
/// (<see cref="Rows"/>, <see cref="Table"/>), test-set accuracy for a classification task (<see cref="Accuracy"/>).
/// </summary>
public sealed record NetworkScores(TaskSpec Task, float[] Weights, int Episodes, double Seconds,
    IReadOnlyList<WeightRow>? Rows, FitnessTable? Table, ClassificationScore? Accuracy)
{
    public bool IsClassification => Accuracy is not null;

    /// <summary>What the sweep chart's y axis measures.</summary>
    public string Measure => IsClassification ? "test accuracy" : "reward";

    /// <summary>What each point is made of, for chart captions.</summary>
    public string Detail => IsClassification ? $"{Accuracy!.Images} test examples" : $"{Episodes} episodes per weight";

    /// <summary>Mean and spread per weight (accuracy has no spread over episodes: zeros).</summary>
    public WeightSweep AsSweep() => IsClassification
        ? new WeightSweep(Weights, Accuracy!.Accuracy, new double[Weights.Length], Accuracy.Images)
        : new WeightSweep(Weights, Rows!.Select(r => r.Mean).ToArray(), Rows!.Select(r => r.Std).ToArray(), Episodes) { StepCount = Table!.StepCount };
}
