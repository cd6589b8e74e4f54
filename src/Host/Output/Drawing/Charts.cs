using ScottPlot;
using SkiaSharp;
using Wann.Engine.Tasks;
using Wann.Host.Runs;

namespace Wann.Host.Output.Drawing;

/// <summary>The charts of runs and networks (ScottPlot), as PNG bytes or SVG text.</summary>
public static class Charts
{
    public const int Width = 900, Height = 420;

    /// <summary>Fitness per generation, named for what it is under the run's scheme (a reward, or minus a cross-entropy).</summary>
    public static Plot Fitness(IReadOnlyList<LogEntry> log, ScoringScheme scoring)
    {
        FontFiles.UseForCharts();
        var plot = new Plot();
        double[] gens = log.Select(e => (double)e.Generation).ToArray();
        Line(plot, gens, log.Select(e => e.BestFitness), "best (generation's highest mean fitness)", Colors.C0);
        Line(plot, gens, log.Select(e => e.MedianFitness), "median", Colors.C1);
        Line(plot, gens, log.Select(e => e.TopRankedFitness), "top-ranked (NSGA-II)", Colors.C2);
        Line(plot, gens, log.Select(e => e.RunBestFitness), "run best (confirmed)", Colors.C3);
        plot.Title(scoring.FitnessTitle);
        plot.XLabel("generation");
        plot.YLabel(scoring.FitnessLabel);
        plot.ShowLegend(Alignment.LowerRight);
        return plot;
    }

    /// <summary>Test accuracy of the run-best network per generation (classification runs that logged it).</summary>
    public static Plot TestAccuracy(IReadOnlyList<LogEntry> log)
    {
        FontFiles.UseForCharts();
        var plot = new Plot();
        double[] gens = log.Select(e => (double)e.Generation).ToArray();
        Line(plot, gens, log.Select(e => e.TestAccuracy * 100), "test accuracy of the run best (mean over shared weights)", Colors.C3);
        plot.Title("Test accuracy per generation");
        plot.XLabel("generation");
        plot.YLabel("test accuracy (%)");
        plot.ShowLegend(Alignment.LowerRight);
        return plot;
    }

    /// <summary>
    /// Several runs (seeds) on one chart: each run's confirmed best as a thin line, and across runs the mean
    /// and its 95 % Student-t interval per generation, over the generations every run has logged. The interval is
    /// cut at <paramref name="bounds"/> (the fitness the task can give): a band above the task's maximum shows nothing real.
    /// </summary>
    public static Plot Overlay(IReadOnlyList<(string Name, List<LogEntry> Log)> runs, ScoringScheme scoring, (double Min, double Max)? bounds = null)
    {
        FontFiles.UseForCharts();
        var plot = new Plot();
        int generations = runs.Min(r => r.Log.Count);
        foreach (var (_, log) in runs)
        {
            var thin = log.Take(generations).Where(e => e.RunBestFitness is { } v && double.IsFinite(v)).ToArray();
            if (thin.Length == 0) continue;
            var line = plot.Add.Scatter(thin.Select(e => (double)e.Generation).ToArray(), thin.Select(e => e.RunBestFitness!.Value).ToArray());
            line.Color = Colors.C3.WithAlpha(0.25);
            line.MarkerSize = 0;
        }
        Band(plot, runs, generations, e => e.BestFitness, "generation best", Colors.C0, bounds);
        Band(plot, runs, generations, e => e.RunBestFitness, "run best (confirmed)", Colors.C3, bounds);
        plot.Title($"{runs.Count} runs: mean and 95 % interval across runs; thin lines: each run's best");
        plot.XLabel("generation");
        plot.YLabel(scoring.FitnessLabel);
        plot.ShowLegend(Alignment.LowerRight);
        return plot;
    }

    private static void Band(Plot plot, IReadOnlyList<(string Name, List<LogEntry> Log)> runs, int generations, Func<LogEntry, double?> value, string label, Color colour,
        (double Min, double Max)? bounds)
    {
        var x = new List<double>();
        var mean = new List<double>();
        var lower = new List<double>();
        var upper = new List<double>();
        for (int g = 0; g < generations; g++)
        {
            var values = runs.Select(r => value(r.Log[g])).Where(v => v is { } d && double.IsFinite(d)).Select(v => v!.Value).ToArray();
            if (values.Length == 0) continue;
            double m = values.Average();
            double half = values.Length > 1
                ? MathNet.Numerics.Distributions.StudentT.InvCDF(0, 1, values.Length - 1, 0.975) * MathNet.Numerics.Statistics.Statistics.StandardDeviation(values) / Math.Sqrt(values.Length)
                : 0;
            x.Add(runs[0].Log[g].Generation);
            mean.Add(m);
            lower.Add(bounds is { } below ? Math.Max(below.Min, m - half) : m - half);
            upper.Add(bounds is { } above ? Math.Min(above.Max, m + half) : m + half);
        }
        if (x.Count == 0) return;
        var band = plot.Add.FillY(x.ToArray(), lower.ToArray(), upper.ToArray());
        band.FillColor = colour.WithAlpha(0.2);
        band.LineStyle.Width = 0;
        var line = plot.Add.Scatter(x.ToArray(), mean.ToArray());
        line.LegendText = $"{label}: mean across runs";
        line.Color = colour;
        line.MarkerSize = 0;
    }

    public static Plot NetworkSize(IReadOnlyList<LogEntry> log)
    {
        FontFiles.UseForCharts();
        var plot = new Plot();
        double[] gens = log.Select(e => (double)e.Generation).ToArray();
        Line(plot, gens, log.Select(e => (double?)e.MedianNodes), "median nodes", Colors.C4);
        Line(plot, gens, log.Select(e => (double?)e.MedianConnections), "median connections", Colors.C5);
        plot.Title("Network size per generation");
        plot.XLabel("generation");
        plot.YLabel("count");
        plot.ShowLegend(Alignment.UpperLeft);
        return plot;
    }

    /// <summary>
    /// Mean (times <paramref name="scale"/>) against the shared weight, with a band of one standard deviation where
    /// there is a spread (a test accuracy is one number per weight: no band, no legend line promising one).
    /// </summary>
    public static Plot Sweep(IReadOnlyList<double> weights, IReadOnlyList<double> mean, IReadOnlyList<double> std, string what, string title, double scale = 1)
    {
        FontFiles.UseForCharts();
        var plot = new Plot();
        var x = weights.ToArray();
        if (std.Any(s => s > 0))
        {
            var lower = mean.Zip(std, (m, s) => (m - s) * scale).ToArray();
            var upper = mean.Zip(std, (m, s) => (m + s) * scale).ToArray();
            var band = plot.Add.FillY(x, lower, upper);
            band.FillColor = Colors.C0.WithAlpha(0.2);
            band.LegendText = "± one standard deviation";
        }
        var line = plot.Add.Scatter(x, mean.Select(m => m * scale).ToArray());
        line.LegendText = $"mean {what}";
        line.Color = Colors.C0;
        plot.Title(title);
        plot.XLabel("shared weight");
        plot.YLabel(what);
        plot.ShowLegend(Alignment.LowerRight);
        return plot;
    }

    private static void Line(Plot plot, double[] x, IEnumerable<double?> y, string label, Color colour)
    {
        var points = x.Zip(y).Where(p => p.Second is { } v && double.IsFinite(v)).ToArray();
        if (points.Length == 0) return;
        var line = plot.Add.Scatter(points.Select(p => p.First).ToArray(), points.Select(p => p.Second!.Value).ToArray());
        line.LegendText = label;
        line.Color = colour;
        line.MarkerSize = points.Length > 60 ? 0 : 4;
    }

    public static byte[] Png(Plot plot, int width = Width, int height = Height) => plot.GetImageBytes(width, height, ImageFormat.Png);

    public static string Svg(Plot plot, int width = Width, int height = Height) => plot.GetSvgXml(width, height);

    /// <summary>Stacks SVG charts of <see cref="Width"/> x <see cref="Height"/> vertically into one SVG document.</summary>
    public static string StackSvg(params string[] svgs)
    {
        var text = new System.Text.StringBuilder();
        text.Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height * svgs.Length}\" viewBox=\"0 0 {Width} {Height * svgs.Length}\">\n");
        for (int i = 0; i < svgs.Length; i++)
        {
            string body = svgs[i];
            if (body.StartsWith("<?xml", StringComparison.Ordinal)) body = body[(body.IndexOf("?>", StringComparison.Ordinal) + 2)..];
            text.Append($"<g transform=\"translate(0,{Height * i})\">").Append(body.Trim()).Append("</g>\n");
        }
        return text.Append("</svg>\n").ToString();
    }

    /// <summary>Stacks PNG charts vertically into one PNG.</summary>
    public static byte[] Stack(params byte[][] pngs)
    {
        var bitmaps = pngs.Select(SKBitmap.Decode).ToList();
        try
        {
            using var surface = SKSurface.Create(new SKImageInfo(bitmaps.Max(b => b.Width), bitmaps.Sum(b => b.Height)));
            surface.Canvas.Clear(SKColors.White);
            int y = 0;
            foreach (var b in bitmaps)
            {
                surface.Canvas.DrawBitmap(b, 0, y);
                y += b.Height;
            }
            using var image = surface.Snapshot();
            using var data = image.Encode(SKEncodedImageFormat.Png, 100);
            return data.ToArray();
        }
        finally
        {
            foreach (var b in bitmaps) b.Dispose();
        }
    }
}
