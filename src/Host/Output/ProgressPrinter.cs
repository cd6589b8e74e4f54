using System.Globalization;
using Wann.Engine.Search;

namespace Wann.Host.Output;

/// <summary>
/// One progress line per generation, at most <see cref="Width"/> columns: fitness, size, speed and an
/// estimate of the time left. The columns are explained once, above the first line.
/// </summary>
public sealed class ProgressPrinter
{
    /// <summary>The widest a progress or legend line may be.</summary>
    public const int Width = 100;

    private readonly long _lastGeneration;
    private readonly int _bestRepetitions;
    private readonly Queue<double> _recentSeconds = new();
    private bool _explained;

    public ProgressPrinter(long lastGeneration, int bestRepetitions)
    {
        _lastGeneration = lastGeneration;
        _bestRepetitions = bestRepetitions;
    }

    public void Print(GenerationReport r)
    {
        if (!_explained)
        {
            foreach (var line in Legend(_bestRepetitions)) Console.WriteLine(line);
            _explained = true;
        }
        _recentSeconds.Enqueue(r.TotalSeconds);
        if (_recentSeconds.Count > 10) _recentSeconds.Dequeue();
        Console.WriteLine(Line(r, _lastGeneration, _recentSeconds.Average() * (_lastGeneration - r.Generation)));
    }

    /// <summary>What each column means, then the column heads, in lines no wider than <see cref="Width"/>.</summary>
    public static string[] Legend(int bestRepetitions) =>
    [
        "best, median: fitness of the generation's best and median network (mean reward over the weights)",
        $"run-best: best network so far, confirmed by {bestRepetitions} re-evaluations (* = new, saved to best.json)",
        "nodes, conns: median network size; steps/s: environment steps per second of evaluation; left: time",
        $"{"gen/last",13} {"best",9} {"median",9} {"run-best",9}  {"nodes",5} {"conns",5} {"steps/s",8} {"s/gen",7} {"left",6}",
    ];

    /// <summary>One generation's line under the column heads; numbers too large for their column widen it but stay readable.</summary>
    public static string Line(GenerationReport r, long lastGeneration, double secondsLeft)
    {
        string best = r.RunBestFitness is { } b ? Fitness(b) : "-";
        double stepsPerSecond = r.EnvironmentSteps / Math.Max(r.EvaluateSeconds, 1e-9);
        return string.Create(CultureInfo.InvariantCulture,
            $"{$"{r.Generation}/{lastGeneration}",13} {Fitness(r.BestFitness),9} {Fitness(r.MedianFitness),9} {best,9}{(r.NewBest ? "*" : " ")} " +
            $"{r.MedianNodes,5:F0} {r.MedianConnections,5:F0} {Rate(stepsPerSecond),8} {r.TotalSeconds,7:F2} {FormatTime(secondsLeft),6}");
    }

    private static string Fitness(double value) =>
        Math.Abs(value) < 1e6 ? value.ToString("F1", CultureInfo.InvariantCulture) : value.ToString("G3", CultureInfo.InvariantCulture);

    private static string Rate(double perSecond) => perSecond switch
    {
        >= 1e9 => $"{perSecond / 1e9:F2}G",
        >= 1e6 => $"{perSecond / 1e6:F1}M",
        >= 1e3 => $"{perSecond / 1e3:F1}k",
        _ => $"{perSecond:F0}",
    };

    private static string FormatTime(double seconds) =>
        seconds >= 3600 ? $"{seconds / 3600:F1}h" : seconds >= 60 ? $"{seconds / 60:F1}m" : $"{seconds:F0}s";
}
