using System.Globalization;
using Wann.Engine.Evaluation;
using Wann.Engine.Tasks;

namespace Wann.Host.Evaluation;

/// <summary>How the commands write a scheme's figures: rewards as they are, accuracies as percentages.</summary>
public abstract class ScoreFormat
{
    private static readonly ScoreFormat Rewards = new RewardFormat(), Accuracies = new AccuracyFormat();

    public static ScoreFormat For(ScoringScheme scheme) => scheme.Match(() => Rewards, _ => Accuracies);

    /// <summary><c>eval --condition</c>'s lines after its header (<paramref name="ensemble"/>: <see cref="TaskScoring.EnsembleAccuracy"/>).</summary>
    public abstract IEnumerable<string> ConditionLines(TrialSummary s, long steps, double seconds, double? ensemble);

    /// <summary><c>table</c>: the value column's title, a row's value and its interval (empty for one trial).</summary>
    public abstract string TableHeader { get; }
    public abstract string TableValue(TrialSummary s);
    public abstract string TableInterval(TrialSummary s);

    /// <summary><c>tune</c>: the shared-weight sweep's best mean, in words.</summary>
    public abstract string SweepResult(double mean, int count);

    /// <summary><c>tune</c>: the tuned network's final score, in words.</summary>
    public abstract string TunedResult(TrialSummary s);

    /// <summary><c>tune --json</c>'s accuracy field: the score where it is an accuracy, else null.</summary>
    public abstract double? Accuracy(TrialSummary s);

    private static string Fixed(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    private sealed class RewardFormat : ScoreFormat
    {
        public override IEnumerable<string> ConditionLines(TrialSummary s, long steps, double seconds, double? ensemble)
        {
            yield return $"{"mean",10} {"std",9} {"95% ci",9} {"min",9} {"max",9}";
            yield return $"{s.Mean,10:F2} {s.Std,9:F2} {"±" + Fixed(s.Ci95, "F2"),9} {s.Min,9:F2} {s.Max,9:F2}";
            yield return $"{steps:N0} environment steps in {seconds:F3} s";
        }

        public override string TableHeader => "mean ± sd";
        public override string TableValue(TrialSummary s) => $"{s.Mean:F0} ± {s.Std:F0}";
        public override string TableInterval(TrialSummary s) => s.Trials > 1 ? "±" + Fixed(s.Ci95, "F1") : "";
        public override string SweepResult(double mean, int count) => $"sweep mean {mean:F4} over {count} episodes";
        public override string TunedResult(TrialSummary s) => $"{s.Trials} fresh episodes {s.Mean:F2} ± {s.Std:F2}";
        public override double? Accuracy(TrialSummary s) => null;
    }

    private sealed class AccuracyFormat : ScoreFormat
    {
        public override IEnumerable<string> ConditionLines(TrialSummary s, long steps, double seconds, double? ensemble)
        {
            yield return $"test accuracy {s.Mean * 100:F2} % ± {s.Std * 100:F2} (95% ci ±{s.Ci95 * 100:F2}, min {s.Min * 100:F2} %, max {s.Max * 100:F2} %)";
            yield return $"ensemble over the six weights {ensemble!.Value * 100:F2} %; {seconds:F3} s";
        }

        public override string TableHeader => "test accuracy";
        public override string TableValue(TrialSummary s) => s.Trials > 1 ? $"{s.Mean * 100:F1} ± {s.Std * 100:F1} %" : $"{s.Mean * 100:F1} %";
        public override string TableInterval(TrialSummary s) => s.Trials > 1 ? "±" + Fixed(s.Ci95 * 100, "F1") : "";
        public override string SweepResult(double mean, int count) => $"training accuracy {mean:F4} over {count} examples";
        public override string TunedResult(TrialSummary s) => $"test accuracy {s.Mean * 100:F2} %";
        public override double? Accuracy(TrialSummary s) => s.Mean;
    }
}
