using System.Text.Json;

namespace Wann.Host.Tests;

public sealed class TuneAndTableTests
{
    private static string Swing => TestPaths.Reference("swing.out");

    private static JsonElement Condition(string condition, string backend, params string[] extra) =>
        HostRunner.Json(Ok(new[] { "eval", "--net", Swing, "--task", "swingup", "--condition", condition, "--trials", "12", "--seed", "5", "--backend", backend, "--json" }.Concat(extra).ToArray()));

    private static string Ok(params string[] args)
    {
        var result = HostRunner.Run(args);
        Assert.True(result.ExitCode == 0, result.Error);
        return result.Out;
    }

    [Theory]
    [InlineData("random-weights")]
    [InlineData("random-shared")]
    [InlineData("tuned-shared")]
    public void EvalCondition_ReportsMeanStdAndInterval_AndTheBackendsAgreeExactly(string condition)
    {
        var cpu = Condition(condition, "cpu");
        var reference = Condition(condition, "reference");
        Assert.Equal(12, cpu.GetProperty("trials").GetInt32());
        Assert.True(cpu.GetProperty("ci95").GetDouble() > 0);
        Assert.True(cpu.GetProperty("std").GetDouble() > 0);
        Assert.Equal(reference.GetProperty("mean").GetRawText(), cpu.GetProperty("mean").GetRawText());
        Assert.Equal(reference.GetProperty("std").GetRawText(), cpu.GetProperty("std").GetRawText());
    }

    [Fact]
    public void EvalCondition_SharedWeight_MeetsTheSameEpisodesAsPlainEval()
    {
        var condition = Condition("shared:-1", "cpu");
        var plain = HostRunner.Json(Ok("eval", "--net", Swing, "--task", "swingup", "--weights=-1", "--episodes", "12", "--seed", "5", "--backend", "cpu", "--json"));
        Assert.Equal(plain.GetProperty("mean")[0].GetDouble(), condition.GetProperty("mean").GetDouble(), 9);
        Assert.Equal(-1.0, condition.GetProperty("weight").GetDouble());
    }

    [Fact]
    public void EvalCondition_TunedShared_ChoosesAWeightInRange_ThatBeatsTheStandardWeights()
    {
        var tuned = Condition("tuned-shared", "cpu");
        double weight = tuned.GetProperty("weight").GetDouble();
        Assert.InRange(weight, -2, 2);
        // The original champion's best standard weight (1) scores about 700; its best single weight beats it.
        Assert.True(tuned.GetProperty("mean").GetDouble() > Condition("shared:1", "cpu").GetProperty("mean").GetDouble());
    }

    [Theory]
    [InlineData("--condition", "bogus")]
    [InlineData("--condition", "shared:x")]
    public void EvalCondition_BadValue_IsOneLineAndStatus2(string flag, string value)
    {
        var result = HostRunner.Run("eval", "--net", Swing, "--task", "swingup", flag, value);
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("wann: --condition:", result.Error);
        Assert.Single(result.Error.Trim().Split('\n'));
    }

    [Fact]
    public void EvalCondition_WithWeights_IsRejected()
    {
        var result = HostRunner.Run("eval", "--net", Swing, "--task", "swingup", "--condition", "stored", "--stored");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--condition replaces", result.Error);
    }

    private static string[] Tune(string folder, string backend, params string[] extra) =>
        new[] { "tune", "--net", Swing, "--task", "swingup", "--weights", "--pop", "8", "--episodes", "2", "--gens", "6", "--validate-every", "2",
                "--test-episodes", "5", "--checkpoint-every", "1", "--seed", "3", "--backend", backend, "--out", folder, "--quiet" }.Concat(extra).ToArray();

    private static float[] StoredWeights(string tunedFile) =>
        JsonDocument.Parse(File.ReadAllText(tunedFile)).RootElement.GetProperty("connections").EnumerateArray()
            .Where(c => c.GetProperty("enabled").GetBoolean()).Select(c => c.GetProperty("weight").GetSingle()).ToArray();

    [Fact]
    public void TuneShared_WritesTheRunFolder_WithTheBestWeightOnEveryConnection()
    {
        string folder = Path.Combine(HostRunner.TempFolder(), "tune");
        var result = HostRunner.Json(Ok("tune", "--net", Swing, "--task", "swingup", "--shared", "--backend", "cpu", "--out", folder, "--json", "--quiet"));
        double weight = result.GetProperty("sharedWeight").GetDouble();
        Assert.InRange(weight, -2, 2);
        Assert.Equal(100, result.GetProperty("trials").GetInt32());
        Assert.True(result.GetProperty("mean").GetDouble() > 700); // the paper: 723 ± 16
        var log = File.ReadAllLines(Path.Combine(folder, "log.jsonl"));
        Assert.Equal("shared", HostRunner.Json(log[0]).GetProperty("stage").GetString());
        Assert.Equal("test", HostRunner.Json(log[^1]).GetProperty("stage").GetString());
        var tuned = Path.Combine(folder, "tuned.json");
        Assert.All(StoredWeights(tuned), w => Assert.Equal((float)weight, w));
        Assert.Contains("wann tune --shared", File.ReadAllText(tuned));
        // Its stored weights score like the shared weight: the same network with the multiplication moved onto
        // each edge, which rounds differently, and 1000 chaotic steps let that show in the second digit.
        var stored = HostRunner.Json(Ok("eval", "--net", tuned, "--task", "swingup", "--condition", "stored", "--trials", "20", "--backend", "cpu", "--json"));
        var shared = HostRunner.Json(Ok("eval", "--net", Swing, "--task", "swingup", "--condition", $"shared:{weight.ToString(System.Globalization.CultureInfo.InvariantCulture)}", "--trials", "20", "--backend", "cpu", "--json"));
        Assert.InRange(stored.GetProperty("mean").GetDouble(), shared.GetProperty("mean").GetDouble() - 7, shared.GetProperty("mean").GetDouble() + 7);
    }

    [Fact]
    public void TuneWeights_SameSeed_GivesTheSameWeights_OnTheBitIdenticalBackends()
    {
        string cpu = Path.Combine(HostRunner.TempFolder(), "tune"), reference = Path.Combine(HostRunner.TempFolder(), "tune");
        Ok(Tune(cpu, "cpu"));
        Ok(Tune(reference, "reference"));
        Assert.Equal(StoredWeights(Path.Combine(cpu, "tuned.json")), StoredWeights(Path.Combine(reference, "tuned.json")));
        Assert.Equal(HostRunner.LogWithoutTimes(cpu), HostRunner.LogWithoutTimes(reference));
        Assert.Equal(1 + 6 + 1, File.ReadAllLines(Path.Combine(cpu, "log.jsonl")).Length);
        Assert.True(File.Exists(Path.Combine(cpu, "checkpoint.json")));
    }

    [Theory]
    [InlineData("pepg")]
    [InlineData("cma")]
    public void TuneWeights_Resumed_EndsExactlyLikeTheUninterruptedRun(string optimizer)
    {
        string straight = Path.Combine(HostRunner.TempFolder(), "tune"), resumed = Path.Combine(HostRunner.TempFolder(), "tune");
        Ok(Tune(straight, "cpu", "--optimizer", optimizer));
        Ok(Tune(resumed, "cpu", "--optimizer", optimizer).Select(a => a == "6" ? "3" : a).ToArray());
        Ok("tune", "--resume", resumed, "--gens", "6", "--quiet");
        Assert.Equal(HostRunner.LogWithoutTimes(straight), HostRunner.LogWithoutTimes(resumed));
        Assert.Equal(StoredWeights(Path.Combine(straight, "tuned.json")), StoredWeights(Path.Combine(resumed, "tuned.json")));
    }

    [Theory]
    [InlineData(new[] { "--net", "N", "--task", "swingup", "--out", "O" }, "exactly one of --shared")]
    [InlineData(new[] { "--net", "N", "--task", "swingup", "--weights", "--optimizer", "adam", "--out", "O" }, "--optimizer: unknown optimizer 'adam'")]
    [InlineData(new[] { "--net", "N", "--task", "swingup", "--weights", "--pop", "7", "--out", "O" }, "--pop")]
    [InlineData(new[] { "--net", "N", "--task", "racer", "--weights", "--out", "O" }, "--task: task 'racer' has no simulator")]
    [InlineData(new[] { "--resume", "O", "--pop", "8" }, "--resume continues a run with its own settings")]
    [InlineData(new[] { "--net", "N", "--task", "swingup", "--shared", "--start-weight=-1.5", "--out", "O" }, "--start-weight: only with --weights")]
    public void Tune_BadInput_IsOneLineAndStatus2(string[] args, string message)
    {
        string folder = Path.Combine(HostRunner.TempFolder(), "tune");
        var result = HostRunner.Run(new[] { "tune" }.Concat(args.Select(a => a == "N" ? Swing : a == "O" ? folder : a)).ToArray());
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error);
        Assert.Single(result.Error.Trim().Split('\n'));
    }

    [Fact]
    public void Table_HasTheFourConditions_WithThePapersValuesForTheOriginalChampion()
    {
        var table = HostRunner.Json(Ok("table", "--net", Swing, "--task", "swingup", "--trials", "10", "--gens", "4", "--backend", "cpu", "--json"));
        var rows = table.GetProperty("rows").EnumerateArray().ToArray();
        Assert.Equal(new[] { "random-weights", "random-shared", "tuned-shared", "tuned-weights" }, rows.Select(r => r.GetProperty("condition").GetString()));
        Assert.Equal(new[] { "57 ± 121", "515 ± 58", "723 ± 16", "932 ± 6" }, rows.Select(r => r.GetProperty("paper").GetString()));
        Assert.All(rows, r => Assert.Equal(10, r.GetProperty("trials").GetInt32()));
        // Tuned weights start from the tuned shared weight and keep the best on validation, so they do not fall far below it.
        Assert.True(rows[3].GetProperty("mean").GetDouble() > rows[2].GetProperty("mean").GetDouble() - 30);
        var text = Ok("table", "--net", Swing, "--task", "swingup", "--trials", "10", "--gens", "2", "--backend", "cpu");
        Assert.Contains("tuned shared weight", text);
        Assert.Contains("932 ± 6", text);
    }
}
