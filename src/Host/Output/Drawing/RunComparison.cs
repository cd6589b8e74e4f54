using ScottPlot;
using Wann.Engine.Tasks;
using Wann.Host.Runs;

namespace Wann.Host.Output.Drawing;

/// <summary>
/// Runs of different settings (population sizes, devices) side by side: each run's confirmed best as its own
/// labelled line, against generation and against wall time, so "which reaches a result sooner" reads off
/// the second chart. Wall time is what the generations took (the log's seconds, summed): the pauses between
/// a run's sessions do not count, so a run moved or resumed compares fairly.
/// </summary>
public static class RunComparison
{
    public static Plot ByGeneration(IReadOnlyList<(string Name, List<LogEntry> Log)> runs, ScoringScheme scoring)
    {
        var plot = Lines(runs, log => log.Select(e => (double)e.Generation).ToArray());
        plot.Title($"Confirmed best of {runs.Count} runs per generation");
        plot.XLabel("generation");
        plot.YLabel(scoring.FitnessLabel);
        return plot;
    }

    public static Plot ByWallTime(IReadOnlyList<(string Name, List<LogEntry> Log)> runs, ScoringScheme scoring)
    {
        double longest = runs.Max(r => ElapsedSeconds(r.Log)[^1]);
        var (unit, seconds) = longest >= 7200 ? ("hours", 3600.0) : longest >= 120 ? ("minutes", 60.0) : ("seconds", 1.0);
        var plot = Lines(runs, log => ElapsedSeconds(log).Select(s => s / seconds).ToArray());
        plot.Title($"Confirmed best of {runs.Count} runs against wall time (the generations' own time; pauses do not count)");
        plot.XLabel($"wall time ({unit})");
        plot.YLabel(scoring.FitnessLabel);
        return plot;
    }

    /// <summary>Seconds from the run's start to the end of each logged generation: evaluation, ranking and breeding, compiling.</summary>
    public static double[] ElapsedSeconds(IReadOnlyList<LogEntry> log)
    {
        var elapsed = new double[log.Count];
        double sum = 0;
        for (int i = 0; i < log.Count; i++) elapsed[i] = sum += log[i].EvaluateSeconds + log[i].RankBreedSeconds + log[i].CompileSeconds;
        return elapsed;
    }

    private static Plot Lines(IReadOnlyList<(string Name, List<LogEntry> Log)> runs, Func<List<LogEntry>, double[]> x)
    {
        FontFiles.UseForCharts();
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        for (int r = 0; r < runs.Count; r++)
        {
            var (name, log) = runs[r];
            var xs = x(log);
            var points = xs.Zip(log).Where(p => p.Second.RunBestFitness is { } v && double.IsFinite(v)).ToArray();
            if (points.Length == 0) continue;
            var line = plot.Add.Scatter(points.Select(p => p.First).ToArray(), points.Select(p => p.Second.RunBestFitness!.Value).ToArray());
            line.LegendText = name;
            line.Color = palette.GetColor(r);
            line.MarkerSize = points.Length > 60 ? 0 : 4;
        }
        plot.ShowLegend(Alignment.LowerRight);
        return plot;
    }
}
