using MathNet.Numerics.Distributions;
using MathNet.Numerics.Statistics;

namespace Wann.Host.Evaluation;

/// <summary>Statistics of one weight's episodes: mean, sample standard deviation, 95 % t-interval half-width, extremes.</summary>
public sealed record WeightRow(float Weight, double Mean, double Std, double Ci95, double Min, double Max)
{
    public static WeightRow From(float weight, double[] rewards)
    {
        double mean = rewards.Mean();
        double std = rewards.Length > 1 ? rewards.StandardDeviation() : 0.0;
        double ci = rewards.Length > 1 ? StudentT.InvCDF(0, 1, rewards.Length - 1, 0.975) * std / Math.Sqrt(rewards.Length) : 0.0;
        return new WeightRow(weight, mean, std, ci, rewards.Minimum(), rewards.Maximum());
    }
}
