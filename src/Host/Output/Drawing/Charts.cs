using ScottPlot;
using SkiaSharp;
using Wann.Host.Runs;

namespace Wann.Host.Output.Drawing;

/// <summary>The charts of runs and networks (ScottPlot), as PNG bytes or SVG text.</summary>
public static class Charts
{
    public const int Width = 900, Height = 420;

    public static Plot Fitness(IReadOnlyList<LogEntry> log)
    {
        FontFiles.UseForCharts();
        var plot = new Plot();
        double[] gens = log.Select(e => (double)e.Generation).ToArray();
        Line(plot, gens, log.Select(e => e.BestFitness), "best (generation's highest mean fitness)", Colors.C0);
        Line(plot, gens, log.Select(e => e.MedianFitness), "median", Colors.C1);
        Line(plot, gens, log.Select(e => e.TopRankedFitness), "top-ranked (NSGA-II)", Colors.C2);
        Line(plot, gens, log.Select(e => e.RunBestFitness), "run best (confirmed)", Colors.C3);
        plot.Title("Fitness per generation (mean reward over shared weights)");
        plot.XLabel("generation");
        plot.YLabel("fitness");
        plot.ShowLegend(Alignment.LowerRight);
        return plot;
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

    public static Plot Sweep(IReadOnlyList<double> weights, IReadOnlyList<double> mean, IReadOnlyList<double> std, string what, string title)
    {
        FontFiles.UseForCharts();
        var plot = new Plot();
        var x = weights.ToArray();
        var lower = mean.Zip(std, (m, s) => m - s).ToArray();
        var upper = mean.Zip(std, (m, s) => m + s).ToArray();
        var band = plot.Add.FillY(x, lower, upper);
        band.FillColor = Colors.C0.WithAlpha(0.2);
        band.LegendText = "± one standard deviation";
        var line = plot.Add.Scatter(x, mean.ToArray());
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
