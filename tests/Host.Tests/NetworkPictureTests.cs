using System.Xml.Linq;
using SkiaSharp;
using Wann.Engine.Genomes;
using Wann.Host.Output.Drawing;

namespace Wann.Host.Tests;

public sealed class NetworkPictureTests
{
    private static string SaveGrown(int inputs, int outputs, int connections, string task)
    {
        var genome = Engine.Search.SyntheticPopulation.Grow(new NetworkShape(inputs, outputs), 1, connections, 11)[0];
        string path = Path.Combine(HostRunner.TempFolder(), "net.json");
        Engine.Formats.NetworkFiles.Save(path, new Engine.Formats.NetworkFile(genome, task, new Engine.Formats.Provenance("test")));
        return path;
    }

    [Theory]
    [InlineData(64, 10, "digits")]
    [InlineData(256, 10, "fashion16")]
    public void ManyInputs_AreAPixelGrid_AndThePictureHasASensibleSize(int inputs, int outputs, string task)
    {
        string net = SaveGrown(inputs, outputs, 120, task);
        string png = Path.Combine(HostRunner.TempFolder(), "net.png"), svg = Path.Combine(HostRunner.TempFolder(), "net.svg");
        Assert.Equal(0, HostRunner.Run("render", "--net", net, "--out", png).ExitCode);
        Assert.Equal(0, HostRunner.Run("render", "--net", net, "--out", svg).ExitCode);
        using var bitmap = SKBitmap.Decode(png);
        // 2x scale: under 2400 px either way (a column of circles made 64 inputs 6328 px high).
        Assert.True(bitmap.Width < 2400 && bitmap.Height < 2400, $"{bitmap.Width}x{bitmap.Height}");
        var doc = XDocument.Load(svg);
        Assert.Equal(inputs, doc.Descendants().Count(e => (string?)e.Attribute("class") == "node pixel"));
        Assert.Contains("read by the network", doc.Descendants().Select(e => e.Value));
        var side = Math.Sqrt(inputs);
        var xs = doc.Descendants().Where(e => (string?)e.Attribute("class") == "node pixel").Select(e => (string)e.Attribute("x")!).Distinct().Count();
        Assert.Equal(side, xs);
    }

    [Theory]
    [InlineData("swing.out", 5, 1)]
    [InlineData("biped.out", 24, 4)]
    [InlineData("racer.out", 16, 3)]
    public void NoConnectionPassesThroughANodeItDoesNotJoin(string file, int inputs, int outputs)
    {
        var genome = Engine.Formats.OutMatrixFormat.Parse(File.ReadAllText(TestPaths.Reference(file)), new NetworkShape(inputs, outputs), file);
        var layout = NetworkLayout.Of(genome, Array.Empty<string>(), Array.Empty<string>());
        Assert.All(layout.Edges, e => Assert.True(NetworkLayout.Clear(e, layout.Nodes), $"{e.From.Id} -> {e.To.Id}"));
        Assert.Contains(layout.Edges, e => e.IsCurve); // some had to bend
    }

    [Fact]
    public void Legend_ExplainsEdgeColoursAndGlyphs()
    {
        string svg = Path.Combine(HostRunner.TempFolder(), "swing.svg");
        Assert.Equal(0, HostRunner.Run("render", "--net", TestPaths.Reference("swing.out"), "--task", "swingup", "--out", svg).ExitCode);
        var legend = XDocument.Load(svg).Descendants().Single(e => (string?)e.Attribute("id") == "legend");
        var texts = legend.Descendants().Select(e => e.Value).ToList();
        foreach (var text in new[] { "positive stored weight", "negative stored weight", "width grows with |weight|", "th", "tanh", "sin", "G", "gauss" })
            Assert.Contains(text, texts);
    }
}
