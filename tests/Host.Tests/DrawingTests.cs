using System.Xml.Linq;
using SkiaSharp;

namespace Wann.Host.Tests;

public sealed class DrawingTests
{
    private static readonly string Folder = HostRunner.TempFolder();

    [Fact]
    public void RenderSvg_HasOneCirclePerNode_AndOneLinePerEnabledConnection()
    {
        string svg = Path.Combine(Folder, "swing.svg");
        Assert.Equal(0, HostRunner.Run("render", "--net", TestPaths.Reference("swing.out"), "--task", "swingup", "--out", svg).ExitCode);
        var doc = XDocument.Load(svg);
        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Equal(29, doc.Descendants(ns + "circle").Count(e => (string?)e.Attribute("class") == "node"));
        Assert.Equal(52, doc.Descendants().Count(e => (string?)e.Attribute("class") == "connection"));
        var texts = doc.Descendants(ns + "text").Select(t => t.Value).ToList();
        foreach (var label in new[] { "x", "x_dot", "cos(theta)", "sin(theta)", "theta_dot", "force", "tanh", "gauss" }) Assert.Contains(label, texts);
    }

    [Fact]
    public void RenderPng_HasTheLayoutsSize_AndIsNotBlank()
    {
        string png = Path.Combine(Folder, "biped.png");
        Assert.Equal(0, HostRunner.Run("render", "--net", TestPaths.Reference("biped.out"), "--io", "24x4", "--out", png).ExitCode);
        using var bitmap = SKBitmap.Decode(png);
        Assert.True(bitmap.Width > 800 && bitmap.Height > 800, $"{bitmap.Width}x{bitmap.Height}");
        AssertNotBlank(bitmap);
    }

    [Fact]
    public void RenderDot_DeclaresEveryNodeAndEdge()
    {
        string dot = Path.Combine(Folder, "racer.dot");
        Assert.Equal(0, HostRunner.Run("render", "--net", TestPaths.Reference("racer.out"), "--io", "16x3", "--out", dot).ExitCode);
        string text = File.ReadAllText(dot);
        Assert.StartsWith("digraph", text);
        Assert.Equal(245, text.Split('\n').Count(l => l.Contains("->")));
        Assert.Equal(106, text.Split('\n').Count(l => l.TrimStart().StartsWith("n") && l.Contains("[label=")));
    }

    [Fact]
    public void PlotSweepAndReport_WriteValidFiles()
    {
        string run = Path.Combine(Folder, "run");
        Assert.Equal(0, HostRunner.Run("train", "--config", TestPaths.Reference("laptop_swing.json"), "--pop", "16", "--gens", "9", "--out", run, "--quiet").ExitCode);

        string plot = Path.Combine(Folder, "plot.png");
        Assert.Equal(0, HostRunner.Run("plot", "--run", run, "--out", plot).ExitCode);
        using (var bitmap = SKBitmap.Decode(plot))
        {
            Assert.Equal((900, 840), (bitmap.Width, bitmap.Height));
            AssertNotBlank(bitmap);
        }

        string sweep = Path.Combine(Folder, "sweep.png");
        var result = HostRunner.Run("sweep", "--net", Path.Combine(run, "best.json"), "--task", "swingup", "--out", sweep, "--json", "--episodes", "2", "--count", "5");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(5, HostRunner.Json(result.Out).GetProperty("mean").GetArrayLength());
        using (var bitmap = SKBitmap.Decode(sweep)) AssertNotBlank(bitmap);

        Assert.Equal(0, HostRunner.Run("report", "--run", run, "--episodes", "2").ExitCode);
        string html = File.ReadAllText(Path.Combine(run, "report.html"));
        Assert.Contains("<svg", html);
        Assert.Contains("Weight sweep", html);
        // Nothing to fetch: no external scripts, styles, images or links.
        Assert.DoesNotContain("src=\"http", html);
        Assert.DoesNotContain("href=\"http", html);
        Assert.DoesNotContain("<script src", html);
        Assert.DoesNotContain("<link", html);
    }

    [Theory]
    [InlineData("must end in .svg, .png or .dot", "render", "--net", "REF:swing.out", "--task", "swingup", "--out", "OUT:x.gif")]
    [InlineData("file not found", "render", "--net", "/no/such.json", "--out", "OUT:x.svg")]
    [InlineData("no log.jsonl here", "plot", "--run", "/tmp", "--out", "OUT:x.png")]
    [InlineData("no such run folder", "report", "--run", "/no/such/run")]
    [InlineData("give --out FILE.png, --json, or both", "sweep", "--net", "REF:swing.out", "--task", "swingup")]
    [InlineData("--count: at least 2 weights", "sweep", "--net", "REF:swing.out", "--task", "swingup", "--json", "--count", "1")]
    public void BadInput_FailsWithOneLine_AndWritesNothing(string message, params string[] args)
    {
        string folder = HostRunner.TempFolder();
        var resolved = args.Select(a => a.StartsWith("REF:") ? TestPaths.Reference(a[4..]) : a.StartsWith("OUT:") ? Path.Combine(folder, a[4..]) : a).ToArray();
        var result = HostRunner.Run(resolved);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error);
        Assert.Empty(Directory.GetFiles(folder));
    }

    [Fact]
    public void PlotOfARunStillWriting_SkipsTheTornLastLine()
    {
        string run = Path.Combine(Folder, "torn");
        Assert.Equal(0, HostRunner.Run("train", "--task", "swingup", "--pop", "8", "--gens", "3", "--out", run, "--quiet").ExitCode);
        File.AppendAllText(Path.Combine(run, "log.jsonl"), "{\"generation\": 3, \"bestFit");
        Assert.Equal(0, HostRunner.Run("plot", "--run", run, "--out", Path.Combine(Folder, "torn.png")).ExitCode);
    }

    private static void AssertNotBlank(SKBitmap bitmap)
    {
        int dark = 0;
        for (int y = 0; y < bitmap.Height; y += 3)
            for (int x = 0; x < bitmap.Width; x += 3)
                if (bitmap.GetPixel(x, y).Red < 128) dark++;
        Assert.True(dark > 100, $"only {dark} dark pixels: the picture is blank");
    }
}
