using System.Globalization;
using Wann.Engine.Search;

namespace Wann.Host.Output;

/// <summary>
/// One progress line per generation, at most <see cref="Width"/> columns: fitness, size, speed and an
/// estimate of the time left. The columns are explained once, above the first line. Classification runs add
/// the run-best network's test accuracy and count forward passes instead of environment steps.
/// </summary>
public sealed class ProgressPrinter
{
    /// <summary>The widest a progress or legend line may be.</summary>
    public const int Width = 100;

    private readonly long _lastGeneration;
    private readonly int _bestRepetitions;
    private readonly Queue<double> _recentSeconds = new();
    private readonly bool _classification;
    private bool _explained;

    public ProgressPrinter(long lastGeneration, int bestRepetitions, bool classification = false)
    {
        _lastGeneration = lastGeneration;
        _bestRepetitions = bestRepetitions;
        _classification = classification;
    }

    /// <summary>Prints the line; <paramref name="test"/> (classification runs) adds the run-best network's test accuracy.</summary>
    public void Print(GenerationReport r, (double Accuracy, double CrossEntropy)? test = null)
    {
        if (!_explained)
        {
            foreach (var line in Legend(_bestRepetitions, _classification)) Console.WriteLine(line);
            _explained = true;
        }
        _recentSeconds.Enqueue(r.TotalSeconds);
        if (_recentSeconds.Count > 10) _recentSeconds.Dequeue();
        string? accuracy = _classification ? test is { } t ? Percent(t.Accuracy) : "-" : null;
        Console.WriteLine(Line(r, _lastGeneration, _recentSeconds.Average() * (_lastGeneration - r.Generation), accuracy));
    }

    /// <summary>What each column means, then the column heads, in lines no wider than <see cref="Width"/>.</summary>
    public static string[] Legend(int bestRepetitions, bool classification = false) => classification
        ?
        [
            "best, median: fitness of the generation's best and median network (minus the mean cross-entropy)",
            $"run-best: best network so far, confirmed by {bestRepetitions} re-evaluations (* = new, saved to best.json)",
            "test: run-best network's accuracy on the test set; nodes, conns: median network size",
            "passes/s: forward passes per second of evaluation; left: time",
            $"{"gen/last",13} {"best",9} {"median",9} {"run-best",9}  {"test",6} {"nodes",5} {"conns",5} {"passes/s",8} {"s/gen",7} {"left",6}",
        ]
        :
        [
            "best, median: fitness of the generation's best and median network (mean reward over the weights)",
            $"run-best: best network so far, confirmed by {bestRepetitions} re-evaluations (* = new, saved to best.json)",
            "nodes, conns: median network size; steps/s: environment steps per second of evaluation; left: time",
            $"{"gen/last",13} {"best",9} {"median",9} {"run-best",9}  {"nodes",5} {"conns",5} {"steps/s",8} {"s/gen",7} {"left",6}",
        ];

    /// <summary>
    /// One generation's line under the column heads; numbers too large for their column widen it but stay readable.
    /// <paramref name="testAccuracy"/> (classification runs: a percentage or "-") fills the test column; null leaves it out.
    /// </summary>
    public static string Line(GenerationReport r, long lastGeneration, double secondsLeft, string? testAccuracy = null)
    {
        string best = r.RunBestFitness is { } b ? Fitness(b) : "-";
        string test = testAccuracy is null ? "" : $"{testAccuracy,6} ";
        double perSecond = r.EnvironmentSteps / Math.Max(r.EvaluateSeconds, 1e-9);
        return string.Create(CultureInfo.InvariantCulture,
            $"{$"{r.Generation}/{lastGeneration}",13} {Fitness(r.BestFitness),9} {Fitness(r.MedianFitness),9} {best,9}{(r.NewBest ? "*" : " ")} " +
            $"{test}{r.MedianNodes,5:F0} {r.MedianConnections,5:F0} {Rate(perSecond),8} {r.TotalSeconds,7:F2} {FormatTime(secondsLeft),6}");
    }

    /// <summary>An accuracy (0..1) as the test column shows it, e.g. "93.4%".</summary>
    public static string Percent(double accuracy) => (accuracy * 100).ToString("F1", CultureInfo.InvariantCulture) + "%";

    private static string Fitness(double value) =>
        Math.Abs(value) < 1e6 ? value.ToString("F1", CultureInfo.InvariantCulture) : value.ToString("G3", CultureInfo.InvariantCulture);

    /// <summary>A rate as the progress lines show it, e.g. "52.3k" or "4.5M".</summary>
    public static string Rate(double perSecond) => perSecond switch
    {
        >= 1e12 => perSecond.ToString("0.00e0", CultureInfo.InvariantCulture), // absurd rates stay as narrow as the column
        >= 1e9 => $"{perSecond / 1e9:F2}G",
        >= 1e6 => $"{perSecond / 1e6:F1}M",
        >= 1e3 => $"{perSecond / 1e3:F1}k",
        _ => $"{perSecond:F0}",
    };

    private static string FormatTime(double seconds) =>
        seconds >= 3600 ? $"{seconds / 3600:F1}h" : seconds >= 60 ? $"{seconds / 60:F1}m" : $"{seconds:F0}s";
}
