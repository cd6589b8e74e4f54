using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Wann.Host.Tests;

public sealed class ExportCommandTests
{
    public static TheoryData<string, string, string> Champions => new()
    {
        { "swing", "--task=swingup", "--weight=1" },
        { "swing", "--task=swingup", "--weight=-1.5" },
        { "swing", "--task=swingup", "--stored" },
        { "biped", "--io=24x4", "--weight=1" },
        { "biped", "--io=24x4", "--weight=-1.5" },
        { "biped", "--io=24x4", "--stored" },
        { "racer", "--io=16x3", "--weight=0.5" },
        { "racer", "--io=16x3", "--stored" },
    };

    [Theory]
    [MemberData(nameof(Champions))]
    public void Onnx_OnnxRuntimeGivesWhatForwardGives_OnTheGoldenInputs(string net, string shape, string weight)
    {
        string folder = HostRunner.TempFolder();
        string model = Path.Combine(folder, net + ".onnx");
        Assert.Equal(0, HostRunner.Run("export", "--net", TestPaths.Reference(net + ".out"), shape, weight, "--out", model).ExitCode);
        string inputsFile = TestPaths.Golden($"forward-{net}-inputs.csv");
        var forward = HostRunner.Run("forward", "--net", TestPaths.Reference(net + ".out"), shape, weight, "--inputs", inputsFile);
        Assert.Equal(0, forward.ExitCode);
        var expected = HostRunner.ReadCsv(forward.Out);
        var inputs = HostRunner.ReadCsv(File.ReadAllText(inputsFile));

        var actual = RunOnnx(model, inputs);
        Assert.Equal(expected.Length, actual.Length);
        for (int r = 0; r < expected.Length; r++)
        {
            Assert.Equal(expected[r].Length, actual[r].Length);
            for (int o = 0; o < expected[r].Length; o++)
                Assert.True(Math.Abs(actual[r][o] - expected[r][o]) <= 1e-4 * Math.Max(Math.Abs(expected[r][o]), 1),
                    $"row {r} output {o}: OnnxRuntime {actual[r][o]}, wann forward {expected[r][o]}");
        }
    }

    [Fact]
    public void Onnx_EveryActivation_MatchesTheReferenceInterpreter_AtSeveralWeights()
    {
        // One input feeding eleven outputs, output k having activation k; plus a hidden node fed by the bias alone.
        var shape = new Engine.Genomes.NetworkShape(1, 11);
        var nodes = new List<Engine.Genomes.NodeGene> { new(0, Engine.Genomes.NodeKind.Bias, Engine.Activations.ActivationFunction.Linear), new(1, Engine.Genomes.NodeKind.Input, Engine.Activations.ActivationFunction.Linear) };
        var connections = new List<Engine.Genomes.ConnectionGene>();
        for (int k = 1; k <= 11; k++)
        {
            nodes.Add(new(1 + k, Engine.Genomes.NodeKind.Output, (Engine.Activations.ActivationFunction)k));
            connections.Add(new(k, 1, 1 + k, true, 0.75f));
        }
        nodes.Add(new(20, Engine.Genomes.NodeKind.Hidden, Engine.Activations.ActivationFunction.Tanh));
        connections.Add(new(30, 0, 20, true, -1.25f));
        connections.Add(new(31, 20, 12, true, 1f));
        var genome = new Engine.Genomes.Genome(shape, nodes, connections);
        string folder = HostRunner.TempFolder(), net = Path.Combine(folder, "all.json"), inputs = Path.Combine(folder, "in.csv");
        Engine.Formats.NetworkFiles.Save(net, new Engine.Formats.NetworkFile(genome, null, new Engine.Formats.Provenance("test")));
        var values = new[] { -3.5, -1, -0.25, 0, 0.2, 0.5, 1, 2.75 };
        File.WriteAllLines(inputs, values.Select(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        foreach (string weight in new[] { "--weight=-2", "--weight=0.5", "--stored" })
        {
            string model = Path.Combine(folder, "all.onnx");
            Assert.Equal(0, HostRunner.Run("export", "--net", net, weight, "--out", model).ExitCode);
            var expected = HostRunner.ReadCsv(HostRunner.Run("forward", "--net", net, weight, "--inputs", inputs).Out);
            var actual = RunOnnx(model, values.Select(v => new[] { v }).ToArray());
            for (int r = 0; r < values.Length; r++)
                for (int o = 0; o < 11; o++)
                    Assert.True(Math.Abs(actual[r][o] - expected[r][o]) <= 1e-5 * Math.Max(Math.Abs(expected[r][o]), 1),
                        $"{weight}, input {values[r]}, activation {o + 1}: OnnxRuntime {actual[r][o]}, wann forward {expected[r][o]}");
        }
    }

    [Fact]
    public void Onnx_GraphHasOneInputAndOneOutputTensor_OfTheNetworksWidths()
    {
        string model = Path.Combine(HostRunner.TempFolder(), "biped.onnx");
        Assert.Equal(0, HostRunner.Run("export", "--net", TestPaths.Reference("biped.out"), "--io", "24x4", "--stored", "--out", model).ExitCode);
        using var session = new InferenceSession(model);
        var input = Assert.Single(session.InputMetadata);
        var output = Assert.Single(session.OutputMetadata);
        Assert.Equal(24, input.Value.Dimensions[1]);
        Assert.Equal(4, output.Value.Dimensions[1]);
    }

    [Fact]
    public void Out_RoundTripsTheOriginalChampionToIdenticalText()
    {
        string file = Path.Combine(HostRunner.TempFolder(), "swing.out");
        var export = HostRunner.Run("export", "--net", TestPaths.Reference("swing.out"), "--task", "swingup", "--stored", "--out", file);
        Assert.Equal(0, export.ExitCode);
        Assert.Equal($"wrote {file} (the original's matrix format)", export.Out.Trim());
        Assert.Equal(Normalise(File.ReadAllText(TestPaths.Reference("swing.out"))), Normalise(File.ReadAllText(file)));
    }

    [Fact]
    public void OutAndJson_ReadBack_GiveBitIdenticalOutputs()
    {
        string folder = HostRunner.TempFolder();
        string json = Path.Combine(folder, "racer.json"), outFile = Path.Combine(folder, "racer.out");
        string inputs = TestPaths.Golden("forward-racer-inputs.csv");
        Assert.Equal(0, HostRunner.Run("export", "--net", TestPaths.Reference("racer.out"), "--io", "16x3", "--stored", "--out", json).ExitCode);
        Assert.Equal(0, HostRunner.Run("export", "--net", json, "--stored", "--out", outFile).ExitCode);
        var original = HostRunner.Run("forward", "--net", TestPaths.Reference("racer.out"), "--io", "16x3", "--stored", "--inputs", inputs);
        var viaJson = HostRunner.Run("forward", "--net", json, "--stored", "--inputs", inputs);
        var viaOut = HostRunner.Run("forward", "--net", outFile, "--io", "16x3", "--stored", "--inputs", inputs);
        Assert.Equal(original.Out, viaJson.Out);
        Assert.Equal(original.Out, viaOut.Out);
    }

    [Fact]
    public void Out_WithSharedWeight_StoresThatWeight_AndUnroundedWeightsSurvive()
    {
        string folder = HostRunner.TempFolder();
        string file = Path.Combine(folder, "w.out"), back = Path.Combine(folder, "back.out");
        const string weight = "0.123456789";
        Assert.Equal(0, HostRunner.Run("export", "--net", TestPaths.Reference("swing.out"), "--task", "swingup", "--weight=" + weight, "--out", file).ExitCode);
        Assert.Equal(0, HostRunner.Run("export", "--net", file, "--task", "swingup", "--stored", "--out", back).ExitCode);
        Assert.Equal(File.ReadAllText(file), File.ReadAllText(back));
        var genome = Engine.Formats.OutMatrixFormat.Parse(File.ReadAllText(back), new Engine.Genomes.NetworkShape(5, 1), "back.out");
        Assert.All(genome.Connections.Where(c => c.Enabled), c => Assert.Equal(0.123456789f, c.Weight));
    }

    [Theory]
    [InlineData("net.txt", "--stored", "must end in .out, .json or .onnx")]
    [InlineData("net.onnx", "", "give exactly one of --weight W and --stored")]
    public void BadOptions_OneLineAndStatus2_NoFile(string name, string weight, string message)
    {
        string file = Path.Combine(HostRunner.TempFolder(), name);
        var args = new List<string> { "export", "--net", TestPaths.Reference("swing.out"), "--task", "swingup", "--out", file };
        if (weight.Length > 0) args.Add(weight);
        var result = HostRunner.Run(args.ToArray());
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error);
        Assert.Single(result.Error.Trim().Split('\n'));
        Assert.False(File.Exists(file));
    }

    private static double[][] RunOnnx(string model, double[][] rows)
    {
        using var session = new InferenceSession(model);
        int width = rows[0].Length;
        var tensor = new DenseTensor<float>(rows.SelectMany(r => r.Select(v => (float)v)).ToArray(), new[] { rows.Length, width });
        using var results = session.Run(new[] { NamedOnnxValue.CreateFromTensor("inputs", tensor) });
        var output = results.Single(r => r.Name == "outputs").AsTensor<float>();
        int columns = output.Dimensions[1];
        return Enumerable.Range(0, rows.Length).Select(r => Enumerable.Range(0, columns).Select(c => (double)output[r, c]).ToArray()).ToArray();
    }

    private static string Normalise(string text) =>
        string.Join('\n', text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));
}
