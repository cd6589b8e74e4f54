
namespace Wann.Host.Tests;

public sealed class EvalAndTrainTests
{
    [Fact]
    public void EvalJson_HasOneEntryPerWeight_AndTheBackendsAgreeExactly()
    {
        string[] args = { "eval", "--net", TestPaths.Reference("swing.out"), "--task", "swingup", "--episodes", "6", "--json", "--seed", "3" };
        var cpu = HostRunner.Run(args.Append("--backend").Append("cpu").ToArray());
        var reference = HostRunner.Run(args.Append("--backend").Append("reference").ToArray());
        Assert.Equal(0, cpu.ExitCode);
        var a = HostRunner.Json(cpu.Out);
        var b = HostRunner.Json(reference.Out);
        Assert.Equal(6, a.GetProperty("weights").GetArrayLength());
        Assert.Equal(6, a.GetProperty("mean").GetArrayLength());
        Assert.Equal(6, a.GetProperty("std").GetArrayLength());
        Assert.Equal(6, a.GetProperty("episodes").GetInt32());
        Assert.True(a.GetProperty("envSteps").GetInt64() > 6 * 6 * 100);
        Assert.True(a.GetProperty("seconds").GetDouble() > 0);
        Assert.Equal(b.GetProperty("mean").GetRawText(), a.GetProperty("mean").GetRawText());
        Assert.Equal(b.GetProperty("envSteps").GetInt64(), a.GetProperty("envSteps").GetInt64());
    }

    [Fact]
    public void EvalTable_ShowsEveryWeight()
    {
        var result = HostRunner.Run("eval", "--net", TestPaths.Reference("swing.out"), "--task", "swingup", "--episodes", "3", "--weights=-1,0.5");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("    -1 ", result.Out);
        Assert.Contains("   0.5 ", result.Out);
        Assert.Contains("steps/s", result.Out);
    }

    private static string[] Train(string folder, params string[] extra) =>
        new[] { "train", "--config", TestPaths.Reference("laptop_swing.json"), "--pop", "16", "--seed", "4", "--out", folder, "--quiet" }.Concat(extra).ToArray();

    [Fact]
    public void Train_WritesTheRunFolder_AndTheSameSeedGivesTheSameRun()
    {
        string a = Path.Combine(HostRunner.TempFolder(), "run"), b = Path.Combine(HostRunner.TempFolder(), "run");
        Assert.Equal(0, HostRunner.Run(Train(a, "--gens", "5")).ExitCode);
        Assert.Equal(0, HostRunner.Run(Train(b, "--gens", "5")).ExitCode);
        foreach (var file in new[] { "config.json", "log.jsonl", "best.json", "checkpoint.bin" }) Assert.True(File.Exists(Path.Combine(a, file)), file);
        var config = HostRunner.Json(File.ReadAllText(Path.Combine(a, "config.json")));
        Assert.Equal(16, config.GetProperty("popSize").GetInt32());
        Assert.Equal(5, config.GetProperty("maxGen").GetInt32());
        Assert.Equal(4, config.GetProperty("select_tournSize").GetInt32());
        var log = HostRunner.LogWithoutTimes(a);
        Assert.Equal(5, log.Length);
        Assert.Equal(log, HostRunner.LogWithoutTimes(b));
        var first = HostRunner.Json(File.ReadAllLines(Path.Combine(a, "log.jsonl"))[0]);
        foreach (var field in new[] { "generation", "bestFitness", "medianFitness", "bestFitMax", "medianNodes", "medianConnections", "evaluatedLanes", "seconds" })
            Assert.True(first.TryGetProperty(field, out _), field);
        Assert.Equal(16 * 6 * 3, first.GetProperty("evaluatedLanes").GetInt64());
        Assert.True(first.GetProperty("seconds").TryGetProperty("evaluate", out _));
    }

    [Fact]
    public void ExtendedRun_EndsExactlyLikeTheUninterruptedOne()
    {
        // A run's last generation is confirmed as well as every save_mod (8) generations: a run of 9
        // ends on generation 8, which a run of 12 confirms too, so extending it changes nothing.
        string straight = Path.Combine(HostRunner.TempFolder(), "run"), resumed = Path.Combine(HostRunner.TempFolder(), "run");
        Assert.Equal(0, HostRunner.Run(Train(straight, "--gens", "12")).ExitCode);
        Assert.Equal(0, HostRunner.Run(Train(resumed, "--gens", "9")).ExitCode);
        Assert.Equal(0, HostRunner.Run("train", "--resume", resumed, "--gens", "12", "--quiet").ExitCode);

        Assert.Equal(HostRunner.LogWithoutTimes(straight), HostRunner.LogWithoutTimes(resumed));
        var a = Engine.Formats.CheckpointFormat.Parse(File.ReadAllBytes(Path.Combine(straight, "checkpoint.bin")), "a").State;
        var b = Engine.Formats.CheckpointFormat.Parse(File.ReadAllBytes(Path.Combine(resumed, "checkpoint.bin")), "b").State;
        Assert.Equal(a.Generation, b.Generation);
        Assert.Equal(a.Random.State, b.Random.State);
        Assert.Equal(a.Best!.Fitness, b.Best!.Fitness);
        for (int g = 0; g < a.Population.Count; g++)
        {
            Assert.Equal(a.Population[g].Nodes, b.Population[g].Nodes);
            Assert.Equal(a.Population[g].Connections, b.Population[g].Connections);
        }
    }

    [Fact]
    public void DamagedCheckpoint_FallsBackToThePreviousOne_WithAWarning()
    {
        string run = Path.Combine(HostRunner.TempFolder(), "run");
        Assert.Equal(0, HostRunner.Run(Train(run, "--gens", "3")).ExitCode);
        Assert.Equal(0, HostRunner.Run("train", "--resume", run, "--gens", "4", "--quiet", "--checkpoint-every", "1").ExitCode); // a previous checkpoint exists now
        string checkpoint = Path.Combine(run, "checkpoint.bin");
        File.WriteAllBytes(checkpoint, File.ReadAllBytes(checkpoint)[..100]);
        var result = HostRunner.Run("train", "--resume", run, "--gens", "5", "--quiet");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("warning", result.Error);
        Assert.Contains("checkpoint.prev.bin", result.Error);
        Assert.Equal(5, File.ReadAllLines(Path.Combine(run, "log.jsonl")).Length);
    }

    [Fact]
    public void NewRunIntoAnExistingRunFolder_IsRefused()
    {
        string run = Path.Combine(HostRunner.TempFolder(), "run");
        Assert.Equal(0, HostRunner.Run(Train(run, "--gens", "1")).ExitCode);
        var again = HostRunner.Run(Train(run, "--gens", "1"));
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("already holds a run", again.Error);
    }
}
