using Wann.Engine.Search;

namespace Wann.Host.Output;

/// <summary>One progress line per generation: fitness, size, speed and an estimate of the time left.</summary>
public sealed class ProgressPrinter
{
    private readonly long _lastGeneration;
    private readonly Queue<double> _recentSeconds = new();

    public ProgressPrinter(long lastGeneration) => _lastGeneration = lastGeneration;

    /// <summary>Prints the line; <paramref name="test"/> (classification runs) adds the run-best network's test accuracy.</summary>
    public void Print(GenerationReport r, (double Accuracy, double CrossEntropy)? test = null)
    {
        _recentSeconds.Enqueue(r.TotalSeconds);
        if (_recentSeconds.Count > 10) _recentSeconds.Dequeue();
        double left = _recentSeconds.Average() * (_lastGeneration - r.Generation);
        string best = r.RunBestFitness is { } b ? $"{b,7:F1}" : "      -";
        Console.WriteLine(
            $"gen {r.Generation,5}/{_lastGeneration}  best {r.BestFitness,7:F1}  median {r.MedianFitness,7:F1}  " +
            $"run-best {best}{(r.NewBest ? "*" : " ")}  nodes {r.MedianNodes,4:F0}  conns {r.MedianConnections,4:F0}  " +
            (test is { } t ? $"test acc {t.Accuracy * 100,5:F1}%  " : "") +
            $"{r.EnvironmentSteps / Math.Max(r.EvaluateSeconds, 1e-9) / 1e6,6:F2}M {(test is null ? "steps" : "passes")}/s  {r.TotalSeconds,6:F2}s/gen  left {FormatTime(left)}");
    }

    private static string FormatTime(double seconds) =>
        seconds >= 3600 ? $"{seconds / 3600:F1}h" : seconds >= 60 ? $"{seconds / 60:F1}m" : $"{seconds:F0}s";
}
