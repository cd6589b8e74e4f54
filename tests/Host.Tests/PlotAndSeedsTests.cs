using System.Xml.Linq;
using Wann.Host.Output.Drawing;
using Wann.Host.Runs;

namespace Wann.Host.Tests;

public sealed class PlotAndSeedsTests
{
    [Fact]
    public void SeedSweep_WritesOneRunPerSeed_AndPlotRunsOverlaysThem_AsPngAndSvg()
    {
        string folder = Path.Combine(HostRunner.TempFolder(), "sweep");
        var result = HostRunner.Run("train", "--task", "cartpole", "--pop", "16", "--gens", "4", "--seeds", "2-3,5", "--backend", "cpu", "--out", folder, "--quiet");
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal(new[] { "seed-2", "seed-3", "seed-5" }, Directory.GetDirectories(folder).Select(Path.GetFileName).Order().ToArray());
        // Each seed's run is the run that seed gives alone.
        string alone = Path.Combine(HostRunner.TempFolder(), "alone");
        Assert.Equal(0, HostRunner.Run("train", "--task", "cartpole", "--pop", "16", "--gens", "4", "--seed", "3", "--backend", "cpu", "--out", alone, "--quiet").ExitCode);
        Assert.Equal(HostRunner.LogWithoutTimes(alone), HostRunner.LogWithoutTimes(Path.Combine(folder, "seed-3")));

        string png = Path.Combine(folder, "overlay.png"), svg = Path.Combine(folder, "overlay.svg");
        Assert.Equal(0, HostRunner.Run("plot", "--runs", folder, "--out", png).ExitCode);
        Assert.Equal(0, HostRunner.Run("plot", "--runs", Path.Combine(folder, "seed-2"), Path.Combine(folder, "seed-5"), "--out", svg).ExitCode);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, File.ReadAllBytes(png).Take(4).ToArray());
        var doc = XDocument.Load(svg);
        Assert.Equal("svg", doc.Root!.Name.LocalName);
        Assert.Contains("2 runs: mean and 95 % interval", File.ReadAllText(svg));
    }

    [Fact]
    public void PlotRunsWallTime_DrawsEachRunAsItsOwnLine_AgainstGenerationAndAgainstWallTime()
    {
        string folder = HostRunner.TempFolder();
        foreach (string pop in new[] { "16", "32" })
            Assert.Equal(0, HostRunner.Run("train", "--task", "cartpole", "--pop", pop, "--gens", "3", "--backend", "cpu", "--out", Path.Combine(folder, $"pop{pop}"), "--quiet").ExitCode);
        string svg = Path.Combine(folder, "settings.svg");
        var result = HostRunner.Run("plot", "--runs", Path.Combine(folder, "pop16"), Path.Combine(folder, "pop32"), "--wall-time", "--out", svg);
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("confirmed best of 2 runs against generation and wall time", result.Out);
        var text = File.ReadAllText(svg);
        Assert.Equal("840", XDocument.Parse(text).Root!.Attribute("height")!.Value);
        Assert.Contains("pop16", text);
        Assert.Contains("pop32", text);
        Assert.Contains("wall time (seconds)", text);

        var alone = HostRunner.Run("plot", "--run", Path.Combine(folder, "pop16"), "--wall-time", "--out", svg);
        Assert.Equal(2, alone.ExitCode);
    }

    [Fact]
    public void WallTimeChart_PutsEachGenerationAtTheSecondsItsRunHadSpentByItsEnd_InAReadableUnit()
    {
        static LogEntry Entry(long generation, double best, double evaluate) =>
            new(generation, best, best, best, best, 3, 2, evaluate, 1, 0.5, 100);
        var slow = new List<LogEntry> { Entry(0, -5, 3600), Entry(1, -4, 3600), Entry(2, -1, 3600) };
        var fast = new List<LogEntry> { Entry(0, -5, 60), Entry(1, -2, 60) };
        Assert.Equal(new[] { 3601.5, 7203, 10804.5 }, RunComparison.ElapsedSeconds(slow));

        var plot = RunComparison.ByWallTime([("slow", slow), ("fast", fast)], Engine.Tasks.ScoringScheme.Episodes);
        var lines = plot.GetPlottables().OfType<ScottPlot.Plottables.Scatter>().ToList();
        Assert.Equal(["slow", "fast"], lines.Select(l => l.LegendText));
        // Hours, as the longest run took three: the fast run's two generations sit at 61.5 s and 123 s.
        Assert.Equal(new[] { 61.5 / 3600, 123 / 3600.0 }, lines[1].Data.GetScatterPoints().Select(p => p.X));
        Assert.Equal(new[] { -5.0, -2.0 }, lines[1].Data.GetScatterPoints().Select(p => p.Y));
        Assert.Equal("wall time (hours)", plot.Axes.Bottom.Label.Text);
    }

    [Fact]
    public void Plot_Svg_IsOneDocumentOfStackedCharts_AndClassificationRunsAreLabelledWithAccuracyAndCrossEntropy()
    {
        string folder = HostRunner.TempFolder();
        string train = Path.Combine(folder, "train.csv"), test = Path.Combine(folder, "test.csv");
        File.WriteAllText(train, string.Concat(Enumerable.Range(0, 40).Select(i => $"{i % 2 + 0.1 * (i % 5)},{i % 2}\n")));
        File.WriteAllText(test, "0.2,0\n1.1,1\n");
        string run = Path.Combine(folder, "run");
        Assert.Equal(0, HostRunner.Run("train", "--task", "csv", "--train", train, "--test", test, "--pop", "16", "--gens", "3", "--backend", "cpu", "--out", run, "--quiet").ExitCode);
        string svg = Path.Combine(folder, "curves.svg");
        Assert.Equal(0, HostRunner.Run("plot", "--run", run, "--out", svg).ExitCode);
        var doc = XDocument.Load(svg);
        Assert.Equal("1260", doc.Root!.Attribute("height")!.Value); // fitness, test accuracy, size
        string text = File.ReadAllText(svg);
        Assert.Contains("cross-entropy", text);
        Assert.Contains("test accuracy", text);
        Assert.DoesNotContain("reward", text);

        var rollout = Path.Combine(folder, "rollout");
        Assert.Equal(0, HostRunner.Run("train", "--task", "cartpole", "--pop", "16", "--gens", "2", "--backend", "cpu", "--out", rollout, "--quiet").ExitCode);
        Assert.Equal(0, HostRunner.Run("plot", "--run", rollout, "--out", svg).ExitCode);
        Assert.Equal("840", XDocument.Load(svg).Root!.Attribute("height")!.Value);
        Assert.DoesNotContain("cross-entropy", File.ReadAllText(svg));
    }

    [Fact]
    public void Sweep_WritesSvg()
    {
        string svg = Path.Combine(HostRunner.TempFolder(), "sweep.svg");
        Assert.Equal(0, HostRunner.Run("sweep", "--net", TestPaths.Reference("swing.out"), "--task", "swingup", "--count", "5", "--episodes", "2", "--backend", "cpu", "--out", svg).ExitCode);
        Assert.Equal("svg", XDocument.Load(svg).Root!.Name.LocalName);
    }

    [Theory]
    [InlineData("3-1", "runs backwards")]
    [InlineData("1,x", "'x' is not a seed")]
    [InlineData("1,1", "a seed is given twice")]
    public void BadSeeds_AreOneLine(string seeds, string message)
    {
        var result = HostRunner.Run("train", "--task", "cartpole", "--seeds", seeds, "--out", Path.Combine(HostRunner.TempFolder(), "s"));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error);
    }
}
