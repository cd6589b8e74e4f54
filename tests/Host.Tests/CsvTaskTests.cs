using Wann.Host.Output;

namespace Wann.Host.Tests;

public sealed class CsvTaskTests
{
    /// <summary>Three classes around separate centres in 3 features, a header and text labels in the middle column.</summary>
    private static (string Train, string Test) WriteData()
    {
        string folder = HostRunner.TempFolder();
        var random = new Random(7);
        var centres = new Dictionary<string, double[]> { ["low"] = new[] { 0.0, 0, 2 }, ["mid"] = new[] { 2.0, 1, 0 }, ["high"] = new[] { 0.0, 3, -1 } };
        string Make(int rows)
        {
            var text = new System.Text.StringBuilder("f1,f2,class,f3\n");
            for (int i = 0; i < rows; i++)
            {
                var (name, c) = centres.ElementAt(i % 3);
                var v = c.Select(x => (x + (random.NextDouble() - 0.5)).ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)).ToArray();
                text.Append($"{v[0]},{v[1]},{name},{v[2]}\n");
            }
            return text.ToString();
        }
        string train = Path.Combine(folder, "train.csv"), test = Path.Combine(folder, "test.csv");
        File.WriteAllText(train, Make(150));
        File.WriteAllText(test, Make(60));
        return (train, test);
    }

    [Theory]
    [InlineData("cpu")]
    [InlineData("reference")]
    [InlineData("ilgpu-cpu")]
    public void TrainEvalSweep_OnTheUsersCsv_LogAccuracy_AndBackendsAgree(string backend)
    {
        var (train, test) = WriteData();
        string run = Path.Combine(HostRunner.TempFolder(), "run");
        var trained = HostRunner.Run("train", "--task", "csv", "--train", train, "--test", test, "--label", "class",
            "--pop", "24", "--gens", "6", "--backend", backend, "--out", run);
        Assert.True(trained.ExitCode == 0, trained.Error);
        // Progress: the classification legend once (test column, forward passes), every line under the width limit.
        var lines = trained.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.All(lines.Where(l => !l.Contains(run)), l => Assert.True(l.Length <= ProgressPrinter.Width, $"{l.Length} columns: {l}"));
        Assert.Single(lines, l => l.Contains("gen/last") && l.Contains("test") && l.Contains("passes/s"));
        Assert.Single(lines, l => l.StartsWith("test: run-best network's accuracy"));
        var progress = lines.Where(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^\s+\d+/5 ")).ToList();
        Assert.Equal(6, progress.Count);
        Assert.Contains(progress, l => System.Text.RegularExpressions.Regex.IsMatch(l, @" \d+\.\d% "));
        var last = HostRunner.Json(File.ReadAllLines(Path.Combine(run, "log.jsonl")).Last());
        Assert.InRange(last.GetProperty("testAccuracy").GetDouble(), 0.0, 1.0);
        Assert.True(last.GetProperty("testCrossEntropy").GetDouble() > 0);

        string[] data = { "--task", "csv", "--train", train, "--test", test, "--label", "class" };
        var eval = HostRunner.Run(new[] { "eval", "--net", Path.Combine(run, "best.json"), "--json", "--backend", backend }.Concat(data).ToArray());
        Assert.True(eval.ExitCode == 0, eval.Error);
        var json = HostRunner.Json(eval.Out);
        Assert.Equal(60, json.GetProperty("testImages").GetInt32());
        var reference = HostRunner.Json(HostRunner.Run(new[] { "eval", "--net", Path.Combine(run, "best.json"), "--json", "--backend", "reference" }.Concat(data).ToArray()).Out);
        Assert.Equal(reference.GetProperty("accuracy").GetRawText(), json.GetProperty("accuracy").GetRawText());

        var sweep = HostRunner.Run(new[] { "sweep", "--net", Path.Combine(run, "best.json"), "--json", "--count", "5", "--backend", backend }.Concat(data).ToArray());
        Assert.True(sweep.ExitCode == 0, sweep.Error);
        Assert.Equal("test accuracy", HostRunner.Json(sweep.Out).GetProperty("measure").GetString());

        // The network file names task csv: eval and sweep take it from there, given the files.
        var fromFile = HostRunner.Run("eval", "--net", Path.Combine(run, "best.json"), "--json", "--backend", "reference",
            "--train", train, "--test", test, "--label", "class");
        Assert.True(fromFile.ExitCode == 0, fromFile.Error);
        Assert.Equal(reference.GetProperty("accuracy").GetRawText(), HostRunner.Json(fromFile.Out).GetProperty("accuracy").GetRawText());
        // Without them, from the run folder the network lies in (its csv-task.json); a network elsewhere needs them.
        var fromRun = HostRunner.Run("eval", "--net", run, "--json", "--backend", "reference");
        Assert.True(fromRun.ExitCode == 0, fromRun.Error);
        Assert.Equal(reference.GetProperty("accuracy").GetRawText(), HostRunner.Json(fromRun.Out).GetProperty("accuracy").GetRawText());
        string moved = Path.Combine(HostRunner.TempFolder(), "best.json");
        File.Copy(Path.Combine(run, "best.json"), moved);
        var noFiles = HostRunner.Run("sweep", "--net", moved, "--json");
        Assert.Equal(2, noFiles.ExitCode);
        Assert.Contains("task 'csv' needs --train FILE and --test FILE", noFiles.Error);
    }

    [Fact]
    public void Search_FindsBetterThanChance_AndResumesWithoutBeingToldTheFilesAgain()
    {
        var (train, test) = WriteData();
        string run = Path.Combine(HostRunner.TempFolder(), "run");
        Assert.Equal(0, HostRunner.Run("train", "--task", "csv", "--train", train, "--test", test, "--label", "class",
            "--pop", "64", "--gens", "10", "--backend", "cpu", "--out", run, "--quiet").ExitCode);
        var refused = HostRunner.Run("train", "--resume", run, "--gens", "20", "--train", train, "--quiet");
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("--train cannot be given with --resume", refused.Error);
        var resumed = HostRunner.Run("train", "--resume", run, "--gens", "20", "--backend", "cpu", "--quiet");
        Assert.True(resumed.ExitCode == 0, resumed.Error);
        var log = File.ReadAllLines(Path.Combine(run, "log.jsonl"));
        Assert.Equal(20, log.Length);
        Assert.True(HostRunner.Json(log[^1]).GetProperty("testAccuracy").GetDouble() > 0.6, log[^1]);
    }

    [Fact]
    public void BadCsv_OneLineNamingFileLineAndColumn_Status2_NoRunFolder()
    {
        var (train, _) = WriteData();
        string bad = Path.Combine(HostRunner.TempFolder(), "bad.csv");
        File.WriteAllText(bad, "f1,f2,class,f3\n1,2,low,3\n1,oops,mid,3\n");
        string run = Path.Combine(HostRunner.TempFolder(), "run");
        var result = HostRunner.Run("train", "--task", "csv", "--train", train, "--test", bad, "--label", "class", "--out", run);
        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.Error.Trim().Split('\n'));
        Assert.Contains("bad.csv: line 3, column 2 ('f2'): 'oops' is not a finite number", result.Error);
        Assert.False(Directory.Exists(run));
    }

    [Theory]
    [InlineData("task 'csv' needs --train FILE and --test FILE", "--task", "csv")]
    [InlineData("belong to --task csv", "--task", "cartpole", "--train", "x.csv")]
    [InlineData("--scale: 'log' is not standard or none", "--task", "csv", "--train", "a.csv", "--test", "b.csv", "--scale", "log")]
    public void MissingOrMisplacedCsvOptions_AreOneLine(string message, params string[] args)
    {
        var result = HostRunner.Run(new[] { "train", "--out", Path.Combine(HostRunner.TempFolder(), "run") }.Concat(args).ToArray());
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error);
    }

    [Fact]
    public void CsvChampion_ExportsToOnnx_ThatOnnxRuntimeRunsAsForwardDoes_AndToOutThatReadsBack()
    {
        var (train, test) = WriteData();
        string folder = HostRunner.TempFolder();
        string run = Path.Combine(folder, "run");
        Assert.Equal(0, HostRunner.Run("train", "--task", "csv", "--train", train, "--test", test, "--label", "class",
            "--pop", "32", "--gens", "8", "--backend", "cpu", "--out", run, "--quiet").ExitCode);
        string best = Path.Combine(run, "best.json"), onnx = Path.Combine(folder, "best.onnx"), outFile = Path.Combine(folder, "best.out");
        Assert.Equal(0, HostRunner.Run("export", "--net", best, "--task", "csv", "--weight=-1", "--out", onnx).ExitCode);
        Assert.Equal(0, HostRunner.Run("export", "--net", best, "--stored", "--out", outFile).ExitCode);

        // Inputs: the test file's raw features (forward and the graph scale them as training did).
        string inputs = Path.Combine(folder, "inputs.csv");
        File.WriteAllLines(inputs, File.ReadAllLines(test).Skip(1).Select(l => { var c = l.Split(','); return $"{c[0]},{c[1]},{c[3]}"; }));
        var forward = HostRunner.Run("forward", "--net", best, "--task", "csv", "--weight=-1", "--inputs", inputs);
        Assert.True(forward.ExitCode == 0, forward.Error);
        var expected = HostRunner.ReadCsv(forward.Out);
        var rows = HostRunner.ReadCsv(File.ReadAllText(inputs));
        using var session = new Microsoft.ML.OnnxRuntime.InferenceSession(onnx);
        var tensor = new Microsoft.ML.OnnxRuntime.Tensors.DenseTensor<float>(rows.SelectMany(r => r.Select(v => (float)v)).ToArray(), new[] { rows.Length, 3 });
        using var results = session.Run(new[] { Microsoft.ML.OnnxRuntime.NamedOnnxValue.CreateFromTensor("inputs", tensor) });
        var actual = results.Single(r => r.Name == "outputs").AsTensor<float>();
        for (int r = 0; r < rows.Length; r++)
            for (int o = 0; o < 3; o++)
                Assert.True(Math.Abs(actual[r, o] - expected[r][o]) <= 1e-4 * Math.Max(Math.Abs(expected[r][o]), 1), $"row {r} output {o}");

        // A .out file keeps the network, not its data contract: it takes network inputs, as the JSON file without its contract does.
        var bare = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(best))!.AsObject();
        bare.Remove("data");
        string bareFile = Path.Combine(folder, "bare.json");
        File.WriteAllText(bareFile, bare.ToJsonString());
        var viaOut = HostRunner.Run("forward", "--net", outFile, "--io", "3x3", "--stored", "--inputs", inputs);
        var viaJson = HostRunner.Run("forward", "--net", bareFile, "--stored", "--inputs", inputs);
        Assert.True(viaOut.ExitCode == 0, viaOut.Error);
        Assert.Equal(viaJson.Out, viaOut.Out);
    }
}
