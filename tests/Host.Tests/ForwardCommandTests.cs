namespace Wann.Host.Tests;

public sealed class ForwardCommandTests
{
    [Theory]
    [InlineData("swing", "--task=swingup", "w1", "--weight=1")]
    [InlineData("swing", "--task=swingup", "wm1.5", "--weight=-1.5")]
    [InlineData("swing", "--task=swingup", "stored", "--stored")]
    [InlineData("biped", "--io=24x4", "w1", "--weight=1")]
    [InlineData("biped", "--io=24x4", "wm1.5", "--weight=-1.5")]
    [InlineData("biped", "--io=24x4", "stored", "--stored")]
    [InlineData("racer", "--io=16x3", "w1", "--weight=1")]
    [InlineData("racer", "--io=16x3", "wm1.5", "--weight=-1.5")]
    [InlineData("racer", "--io=16x3", "stored", "--stored")]
    public void Champions_GiveTheOriginalCodesOutputs(string net, string shape, string label, string weight)
    {
        string outFile = Path.Combine(HostRunner.TempFolder(), "out.csv");
        var result = HostRunner.Run("forward", "--net", TestPaths.Reference(net + ".out"), shape, weight,
            "--inputs", TestPaths.Golden($"forward-{net}-inputs.csv"), "--out", outFile);
        Assert.Equal(0, result.ExitCode);
        var actual = HostRunner.ReadCsv(File.ReadAllText(outFile));
        var expected = HostRunner.ReadCsv(File.ReadAllText(TestPaths.Golden($"forward-{net}-{label}.csv")));
        Assert.Equal(expected.Length, actual.Length);
        for (int r = 0; r < expected.Length; r++)
            for (int o = 0; o < expected[r].Length; o++)
                Assert.True(Math.Abs(actual[r][o] - expected[r][o]) <= 1e-3 * Math.Max(Math.Abs(expected[r][o]), 1e-2),
                    $"row {r} output {o}: {actual[r][o]} vs {expected[r][o]}");
    }

    [Fact]
    public void WithoutOut_WritesToStandardOutput_OneRowPerInputRow()
    {
        var result = HostRunner.Run("forward", "--net", TestPaths.Reference("swing.out"), "--task", "swingup", "--weight", "0.5",
            "--inputs", TestPaths.Golden("forward-swing-inputs.csv"));
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(16, HostRunner.ReadCsv(result.Out).Length);
    }

    [Fact]
    public void JsonNetwork_GivesTheSameOutputsAsTheOutFileItCameFrom()
    {
        string folder = HostRunner.TempFolder();
        var genome = Engine.Formats.OutMatrixFormat.Parse(File.ReadAllText(TestPaths.Reference("swing.out")), new Engine.Genomes.NetworkShape(5, 1), "swing.out");
        string json = Path.Combine(folder, "swing.json");
        Engine.Formats.NetworkFiles.Save(json, new Engine.Formats.NetworkFile(genome, "swingup", new Engine.Formats.Provenance("test")));
        var fromOut = HostRunner.Run("forward", "--net", TestPaths.Reference("swing.out"), "--task", "swingup", "--stored", "--inputs", TestPaths.Golden("forward-swing-inputs.csv"));
        var fromJson = HostRunner.Run("forward", "--net", json, "--stored", "--inputs", TestPaths.Golden("forward-swing-inputs.csv"));
        Assert.Equal(fromOut.Out, fromJson.Out);
    }
}
