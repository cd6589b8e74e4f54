using System.Text.RegularExpressions;
using Wann.Host.Output;
using Wann.Kernels.Backends;
using Wann.Kernels.Tasks;

namespace Wann.Host.Tests;

/// <summary>What a user expects of the command line: version, help, run folders that describe themselves, clear messages.</summary>
public sealed class CliBehaviourTests
{
    private static string[] Train(string folder, params string[] extra) =>
        new[] { "train", "--config", TestPaths.Reference("laptop_swing.json"), "--pop", "16", "--seed", "4", "--out", folder, "--quiet" }.Concat(extra).ToArray();

    [Fact]
    public void Version_PrintsTheToolVersion()
    {
        var result = HostRunner.Run("--version");
        Assert.Equal(0, result.ExitCode);
        Assert.Matches(new Regex(@"^wann \d+\.\d+\.\d+"), result.Out);
        Assert.StartsWith($"wann {BuildInfo.Version}", result.Out);
    }

    [Theory]
    [InlineData("help", "train")]
    [InlineData("train", "-h")]
    [InlineData("train", "--help")]
    public void EveryHelpForm_PrintsTrainsOptions(params string[] args)
    {
        var result = HostRunner.Run(args);
        Assert.Equal(0, result.ExitCode);
        foreach (var option in new[] { "--config", "--gens", "--pop", "--resume", "--threads", "--backend" }) Assert.Contains(option, result.Out);
        Assert.Contains("in the last generation", result.Out); // the best network is confirmed at the end of a run too
        Assert.Equal("", result.Error);
    }

    [Fact]
    public void TrainsHelp_GivesTheDefaultsOfPopAndGens_AsTheSettingsHaveThem()
    {
        string text = Regex.Replace(HostRunner.Run("train", "--help").Out, @"\s+", " ");
        var defaults = new Engine.Config.Hyperparameters();
        Assert.Contains($"default: the config's, else {defaults.PopulationSize})", text);
        Assert.Contains($"default: the config's, else {defaults.MaxGenerations};", text);
    }

    [Theory]
    [InlineData("--popp", "did you mean --pop?")]
    [InlineData("--checkpoint-evry", "did you mean --checkpoint-every?")]
    [InlineData("--zzzzzz", "unknown option 'zzzzzz' (see")]
    public void UnknownOptions_SuggestTheClosestOfTheVerb(string option, string message)
    {
        var result = HostRunner.Run("train", "--task", "cartpole", option, "3");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error);
    }

    [Fact]
    public void AConfigGivenAsANetwork_IsSaidSo_WithoutDotNetNames()
    {
        var result = HostRunner.Run("eval", "--net", TestPaths.Reference("swingup.json"));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("not a network file", result.Error);
        Assert.DoesNotContain("NET", result.Error);
    }

    [Theory]
    [InlineData("train")]
    [InlineData("eval")]
    [InlineData("forward")]
    [InlineData("sweep")]
    [InlineData("render")]
    [InlineData("report")]
    [InlineData("check")]
    public void EveryVerbsHelp_ListsTheTasksAndBackendsThatExist(string verb)
    {
        var result = HostRunner.Run(verb, "--help");
        Assert.Equal(0, result.ExitCode);
        string text = Regex.Replace(result.Out, @"\s+", " ");
        foreach (var task in TaskRegistry.All) Assert.Contains(task.Name, text);
        foreach (var backend in BackendNames.All.Split(", ")) Assert.Contains(backend, text);
    }

    [Fact]
    public void TheLastGeneration_IsConfirmedToo_NotOnlyEverySaveModGenerations()
    {
        // save_mod 100: only generation 0 would be confirmed; with seed 4 the last generation's elite beats it.
        string folder = HostRunner.TempFolder();
        string config = Path.Combine(folder, "config.json");
        File.WriteAllText(config, "{\"task\": \"swingup\", \"popSize\": 16, \"alg_nReps\": 3, \"save_mod\": 100, \"bestReps\": 4}");
        string run = Path.Combine(folder, "run");
        Assert.Equal(0, HostRunner.Run("train", "--config", config, "--gens", "5", "--seed", "4", "--out", run, "--quiet").ExitCode);
        var best = HostRunner.Json(File.ReadAllText(Path.Combine(run, "best.json")));
        Assert.Equal(4, best.GetProperty("provenance").GetProperty("generation").GetInt32());
        var lastLine = HostRunner.Json(File.ReadAllLines(Path.Combine(run, "log.jsonl"))[^1]);
        Assert.True(lastLine.GetProperty("newBest").GetBoolean());
    }

    [SkippableFact]
    public void AGpuBackendWithNoDevice_FailsBeforeTheRunFolderIsMade()
    {
        Skip.If(BackendFactory.AutoChoice() == BackendKind.Cuda, "this machine has a CUDA device");
        string run = Path.Combine(HostRunner.TempFolder(), "run");
        var result = HostRunner.Run("train", "--task", "swingup", "--pop", "16", "--gens", "2", "--out", run, "--backend", "cuda");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--backend cuda: no such device here", result.Error);
        Assert.False(Directory.Exists(run));
    }

    [Fact]
    public void ResumingAFinishedRun_SaysSo_AndChangesNothing()
    {
        string run = Path.Combine(HostRunner.TempFolder(), "run");
        Assert.Equal(0, HostRunner.Run(Train(run, "--gens", "3")).ExitCode);
        var before = Directory.GetFiles(run).ToDictionary(f => f, File.ReadAllText);
        var result = HostRunner.Run("train", "--resume", run);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("already finished all 3 generations", result.Error);
        Assert.Contains("--gens", result.Error);
        Assert.Equal(before, Directory.GetFiles(run).ToDictionary(f => f, File.ReadAllText));
    }

    [Theory]
    [InlineData("--seed", "5")]
    [InlineData("--pop", "32")]
    [InlineData("--task", "cartpole")]
    public void Resume_WithAnOptionThatCannotChange_IsAnError(string option, string value)
    {
        string run = Path.Combine(HostRunner.TempFolder(), "run");
        Assert.Equal(0, HostRunner.Run(Train(run, "--gens", "2")).ExitCode);
        var result = HostRunner.Run("train", "--resume", run, "--gens", "4", option, value);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"{option} cannot be given with --resume", result.Error);
        Assert.Equal(2, File.ReadAllLines(Path.Combine(run, "log.jsonl")).Length);
    }

    [Fact]
    public void RunFolder_DescribesItself_InRunJson_AndTheReportShowsItWithTheEvalTable()
    {
        string run = Path.Combine(HostRunner.TempFolder(), "run");
        Assert.Equal(0, HostRunner.Run(Train(run, "--gens", "3", "--backend", "cpu")).ExitCode);
        Assert.Equal(0, HostRunner.Run("train", "--resume", run, "--gens", "4", "--quiet", "--backend", "reference").ExitCode);
        var info = HostRunner.Json(File.ReadAllText(Path.Combine(run, "run.json")));
        Assert.Equal(4UL, info.GetProperty("seed").GetUInt64());
        Assert.Equal("reference", info.GetProperty("backend").GetString());
        Assert.False(string.IsNullOrEmpty(info.GetProperty("device").GetString()));
        Assert.Equal(BuildInfo.Version, info.GetProperty("version").GetString());
        Assert.True(info.TryGetProperty("commit", out _));
        Assert.StartsWith("wann train --resume ", info.GetProperty("commandLine").GetString());
        var sessions = info.GetProperty("sessions");
        Assert.Equal(2, sessions.GetArrayLength());
        Assert.Equal("cpu", sessions[0].GetProperty("backend").GetString());
        Assert.Contains("--seed 4", sessions[0].GetProperty("commandLine").GetString());
        Assert.Equal(3, sessions[1].GetProperty("fromGeneration").GetInt32());

        var report = HostRunner.Run("report", "--run", run, "--episodes", "2", "--eval-episodes", "5", "--backend", "cpu");
        Assert.Equal(0, report.ExitCode);
        string reportFile = Path.Combine(run, "report.html");
        Assert.Contains($"wrote {reportFile}", report.Out);
        string html = File.ReadAllText(reportFile);
        Assert.Contains("How it was run", html);
        Assert.Contains("--seed 4", html);
        Assert.Contains("Eval of the best network", html);
        Assert.Equal(6, Regex.Matches(html[html.IndexOf("Eval of the best network", StringComparison.Ordinal)..].Split("</table>")[0], "&plusmn;").Count);
    }

    [Fact]
    public void EvalAndSweep_TakeTheTaskFromTheNetworkFile()
    {
        string run = Path.Combine(HostRunner.TempFolder(), "run");
        Assert.Equal(0, HostRunner.Run("train", "--task", "cartpole", "--pop", "16", "--gens", "2", "--out", run, "--quiet").ExitCode);
        var eval = HostRunner.Run("eval", "--net", Path.Combine(run, "best.json"), "--episodes", "2", "--json", "--backend", "cpu");
        Assert.Equal(0, eval.ExitCode);
        Assert.Equal("cartpole", HostRunner.Json(eval.Out).GetProperty("task").GetString());
        var sweep = HostRunner.Run("sweep", "--net", Path.Combine(run, "best.json"), "--episodes", "1", "--count", "3", "--json", "--backend", "cpu");
        Assert.Equal(0, sweep.ExitCode);
        Assert.Equal("cartpole", HostRunner.Json(sweep.Out).GetProperty("task").GetString());
    }

    [Fact]
    public void RenderPlotAndSweep_SayWhatTheyWrote()
    {
        string run = Path.Combine(HostRunner.TempFolder(), "run");
        Assert.Equal(0, HostRunner.Run(Train(run, "--gens", "2")).ExitCode);
        string svg = Path.Combine(run, "best.svg"), png = Path.Combine(run, "curves.png"), sweep = Path.Combine(run, "sweep.png");
        Assert.Contains($"wrote {svg}", HostRunner.Run("render", "--net", Path.Combine(run, "best.json"), "--out", svg).Out);
        Assert.Contains($"wrote {png}", HostRunner.Run("plot", "--run", run, "--out", png).Out);
        Assert.Contains($"wrote {sweep}", HostRunner.Run("sweep", "--net", Path.Combine(run, "best.json"), "--out", sweep, "--count", "3", "--episodes", "1").Out);
        // With --json the JSON alone goes to standard output; the note goes to standard error.
        var json = HostRunner.Run("sweep", "--net", Path.Combine(run, "best.json"), "--out", sweep, "--count", "3", "--episodes", "1", "--json");
        Assert.Contains($"wrote {sweep}", json.Error);
        HostRunner.Json(json.Out);
    }

    [Fact]
    public void Forward_SkipsAHeaderRow_ReadsStandardInput_AndWarnsOfTrailingBlankLines()
    {
        string rows = File.ReadAllText(TestPaths.Golden("forward-swing-inputs.csv"));
        string[] args = { "forward", "--net", TestPaths.Reference("swing.out"), "--task", "swingup", "--weight", "1", "--inputs", "-" };
        var plain = HostRunner.RunWithInput(rows, args);
        Assert.Equal(0, plain.ExitCode);
        Assert.Equal(16, HostRunner.ReadCsv(plain.Out).Length);
        Assert.Equal("", plain.Error);

        var withHeader = HostRunner.RunWithInput("x,x_dot,cos,sin,theta_dot\n" + rows, args);
        Assert.Equal(0, withHeader.ExitCode);
        Assert.Equal(plain.Out, withHeader.Out);

        var trailing = HostRunner.RunWithInput(rows + "\n\n", args);
        Assert.Equal(0, trailing.ExitCode);
        Assert.Equal(plain.Out, trailing.Out);
        Assert.Contains("warning: standard input: ignored 2 blank lines after the last row", trailing.Error);
    }

    [Fact]
    public void ProgressLines_FitIn100Columns_AndAreExplainedOnce()
    {
        string run = Path.Combine(HostRunner.TempFolder(), "run");
        var result = HostRunner.Run("train", "--config", TestPaths.Reference("laptop_swing.json"), "--pop", "16", "--gens", "12", "--out", run);
        Assert.Equal(0, result.ExitCode);
        var lines = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.All(lines.Where(l => !l.Contains(run)), l => Assert.True(l.Length <= ProgressPrinter.Width, $"{l.Length} columns: {l}"));
        Assert.Single(lines, l => l.StartsWith("run-best:"));
        Assert.Single(lines, l => l.Contains("gen/last"));
        Assert.Equal(12, lines.Count(l => Regex.IsMatch(l, @"^\s+\d+/11 ")));

        // Extreme values widen no line past the limit either.
        var extreme = new Engine.Search.GenerationReport(99999, -123456.7, -123456.7, -123456.7, 1, 9999, 99999, long.MaxValue / 4, long.MaxValue / 4, 0,
            true, -123456.7, true, 1e-9, 9999, 9999);
        Assert.True(ProgressPrinter.Line(extreme, 99999, 1e7).Length <= ProgressPrinter.Width);
        Assert.All(ProgressPrinter.Legend(20), l => Assert.True(l.Length <= ProgressPrinter.Width, l));
        // Classification runs' extra test-accuracy column too.
        Assert.True(ProgressPrinter.Line(extreme, 99999, 1e7, ProgressPrinter.Percent(1)).Length <= ProgressPrinter.Width);
        Assert.All(ProgressPrinter.Legend(20, classification: true), l => Assert.True(l.Length <= ProgressPrinter.Width, l));
    }

    [Fact]
    public void WriteErrors_NameTheTargetFile_NotATemporaryOne()
    {
        string folder = HostRunner.TempFolder();
        string target = Path.Combine(folder, "taken.svg");
        Directory.CreateDirectory(target); // a folder where the picture should go
        var result = HostRunner.Run("render", "--net", TestPaths.Reference("swing.out"), "--task", "swingup", "--out", target);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("taken.svg: cannot write", result.Error);
        Assert.DoesNotContain(".tmp", result.Error);
    }
}
