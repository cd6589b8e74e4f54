using MathNet.Numerics.Distributions;
using MathNet.Numerics.Statistics;

namespace Wann.Engine.Evaluation;

/// <summary>
/// Mean, sample standard deviation and 95 % Student-t interval half-width of independent trials (MathNet).
/// The original's <c>model.py</c> prints numpy's population deviation; at 100 trials the two differ by 0.5 %.
/// </summary>
public sealed record TrialSummary(int Trials, double Mean, double Std, double Ci95, double Min, double Max)
{
    public static TrialSummary Of(IReadOnlyList<double> values)
    {
        if (values.Count == 0) throw new ArgumentException("no trials", nameof(values));
        double mean = values.Mean();
        double std = values.Count > 1 ? values.StandardDeviation() : 0.0;
        double ci = values.Count > 1 ? StudentT.InvCDF(0, 1, values.Count - 1, 0.975) * std / Math.Sqrt(values.Count) : 0.0;
        return new TrialSummary(values.Count, mean, std, ci, values.Minimum(), values.Maximum());
    }
}
