namespace Wann.Host.Tests;

/// <summary>Verbs take a run folder for --net, the task from the network file, csv networks with their data, and refuse what does not belong together.</summary>
public sealed class VerbConsistencyTests(TrainedCsvRun csv) : IClassFixture<TrainedCsvRun>
{
    private static HostRunner.Result Ok(params string[] args)
    {
        var result = HostRunner.Run(args);
        Assert.True(result.ExitCode == 0, result.Error);
        return result;
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>swing.out as a JSON network that names its task.</summary>
    private static string SwingJson()
    {
        string file = Path.Combine(HostRunner.TempFolder(), "swing.json");
        Ok("export", "--net", TestPaths.Reference("swing.out"), "--task", "swingup", "--stored", "--out", file);
        return file;
    }

    [Fact]
    public void EvalAndRender_TakeARunFolder_ForItsBestNetwork()
    {
        string run = Path.Combine(HostRunner.TempFolder(), "cartpole");
        Ok("train", "--task", "cartpole", "--pop", "16", "--gens", "2", "--backend", "cpu", "--out", run, "--quiet");
        var byFolder = HostRunner.Json(Ok("eval", "--net", run, "--episodes", "5", "--backend", "cpu", "--json").Out);
        var byFile = HostRunner.Json(Ok("eval", "--net", Path.Combine(run, "best.json"), "--episodes", "5", "--backend", "cpu", "--json").Out);
        Assert.Equal(byFile.GetProperty("mean").GetRawText(), byFolder.GetProperty("mean").GetRawText());
        string picture = Path.Combine(HostRunner.TempFolder(), "best.svg");
        Ok("render", "--net", run, "--out", picture);
        Assert.True(File.Exists(picture));
        // A csv network is drawn with its features and classes.
        Ok("render", "--net", csv.Run, "--out", picture);
        Assert.Contains("length km", File.ReadAllText(picture));
        Assert.Contains("gamma", File.ReadAllText(picture));

        var empty = HostRunner.Run("eval", "--net", HostRunner.TempFolder());
        Assert.Equal(2, empty.ExitCode);
        Assert.Contains("a folder without best.json or tuned.json", empty.Error);
    }

    [Fact]
    public void Episode_TakesTheTaskFromTheNetworkFile_AndWarnsWhenTaskNamesAnother()
    {
        string swing = SwingJson(), folder = HostRunner.TempFolder();
        var own = Ok("episode", "--net", swing, "--weight", "1", "--out", Path.Combine(folder, "own.csv"));
        var named = Ok("episode", "--net", TestPaths.Reference("swing.out"), "--task", "swingup", "--weight", "1", "--out", Path.Combine(folder, "named.csv"));
        Assert.Equal(File.ReadAllText(Path.Combine(folder, "named.csv")), File.ReadAllText(Path.Combine(folder, "own.csv")));
        Assert.Equal("", own.Error);

        var other = Ok("episode", "--net", swing, "--task", "swingup_hard", "--weight", "1", "--out", Path.Combine(folder, "hard.csv"));
        Assert.Contains("is a network of task 'swingup'; running it on --task swingup_hard", other.Error);
        var classification = HostRunner.Run("episode", "--net", csv.Best, "--weight", "1", "--out", Path.Combine(folder, "csv.csv"));
        Assert.Equal(2, classification.ExitCode);
        Assert.Contains("'csv' is a classification task: it has no episodes", classification.Error);
    }

    [Fact]
    public void TuneAndTable_OfACsvNetwork_UseItsRunFoldersData_AndTheTunedFileNamesTheNetworkAndKeepsTheContract()
    {
        string tuned = Path.Combine(HostRunner.TempFolder(), "tuned");
        Ok("tune", "--net", csv.Run, "--weights", "--gens", "3", "--pop", "8", "--backend", "cpu", "--seed", "2", "--out", tuned, "--quiet");
        var file = HostRunner.Json(File.ReadAllText(Path.Combine(tuned, "tuned.json")));
        var best = Engine.Formats.NetworkFiles.Load(csv.Best, null, null);
        Assert.Equal(Engine.Genomes.TopologyFingerprint.Of(best.Genome), file.GetProperty("provenance").GetProperty("tunedFrom").GetString());
        Assert.Equal("csv", file.GetProperty("task").GetString());
        Assert.Equal(new[] { "alpha", "beta", "gamma" }, file.GetProperty("data").GetProperty("classes").EnumerateArray().Select(e => e.GetString()));
        // The tuned network predicts raw rows too.
        Assert.Equal(60, Lines(Ok("predict", "--net", tuned, "--stored", "--inputs", csv.Test).Out).Length);
        // A tuning run of a csv network resumes on the same data.
        Ok("tune", "--resume", tuned, "--gens", "5", "--backend", "cpu", "--quiet");

        var table = HostRunner.Json(Ok("table", "--net", csv.Run, "--tuned", tuned, "--trials", "3", "--backend", "cpu", "--json").Out);
        Assert.Equal("csv", table.GetProperty("task").GetString());
        Assert.Equal("test accuracy", table.GetProperty("measure").GetString());
    }

    [Fact]
    public void Table_RefusesATunedFileOfAnotherNetwork_InOneLine()
    {
        string swing = SwingJson(), tuned = Path.Combine(HostRunner.TempFolder(), "tuned");
        Ok("tune", "--net", swing, "--shared", "--backend", "cpu", "--out", tuned, "--quiet");
        var own = Ok("table", "--net", TestPaths.Reference("swing.out"), "--task", "swingup", "--tuned", tuned, "--trials", "2", "--backend", "cpu", "--json");
        Assert.Equal("", own.Error);
        // swingup_hard has swingup's shape: the tuned file fits it, but it is a tuning of another network.
        string other = Path.Combine(HostRunner.TempFolder(), "other");
        Ok("train", "--task", "swingup", "--pop", "8", "--gens", "1", "--backend", "cpu", "--out", other, "--quiet");
        var refused = HostRunner.Run("table", "--net", other, "--tuned", tuned, "--trials", "2", "--backend", "cpu");
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("tuned from another network", refused.Error);
        Assert.Single(Lines(refused.Error));
    }

    [Fact]
    public void CsvRun_MovedTogetherWithItsData_StillFindsIt_AndChangedDataIsRefusedOnResume()
    {
        string place = HostRunner.TempFolder(), data = Path.Combine(place, "data"), run = Path.Combine(place, "run");
        Directory.CreateDirectory(data);
        File.Copy(csv.Train, Path.Combine(data, "train.csv"));
        File.Copy(csv.Test, Path.Combine(data, "test.csv"));
        Ok("train", "--task", "csv", "--train", Path.Combine(data, "train.csv"), "--test", Path.Combine(data, "test.csv"), "--label", "species",
            "--pop", "16", "--gens", "2", "--backend", "cpu", "--out", run, "--quiet");
        string moved = place + "-moved";
        Directory.Move(place, moved);
        var eval = Ok("eval", "--net", Path.Combine(moved, "run"), "--backend", "cpu", "--json");
        Assert.Equal(60, HostRunner.Json(eval.Out).GetProperty("testImages").GetInt32());

        File.AppendAllText(Path.Combine(moved, "data", "train.csv"), "1,2,alpha,3\n");
        var resumed = HostRunner.Run("train", "--resume", Path.Combine(moved, "run"), "--gens", "4", "--quiet");
        Assert.Equal(2, resumed.ExitCode);
        Assert.Contains("train.csv: changed since the run started", resumed.Error);
        Assert.Contains("or resume with --accept-changed-data", resumed.Error);
        var accepted = Ok("train", "--resume", Path.Combine(moved, "run"), "--gens", "4", "--quiet", "--accept-changed-data", "--backend", "cpu");
        Assert.Contains("going on with it as --accept-changed-data asks", accepted.Error);
        // The new data is the run's from then on: a later resume takes it without being told.
        Ok("train", "--resume", Path.Combine(moved, "run"), "--gens", "5", "--quiet", "--backend", "cpu");
    }

    [Fact]
    public void Report_OfACsvRunWhoseDataMovedAway_TakesTrainAndTest_AndDropIsRemembered()
    {
        string data = HostRunner.TempFolder(), run = Path.Combine(HostRunner.TempFolder(), "run");
        // An ID column, dropped: the run remembers it, and predict ignores it.
        File.WriteAllLines(Path.Combine(data, "train.csv"), File.ReadAllLines(csv.Train).Select((l, i) => (i == 0 ? "id" : $"r{i}") + "," + l));
        File.WriteAllLines(Path.Combine(data, "test.csv"), File.ReadAllLines(csv.Test).Select((l, i) => (i == 0 ? "id" : $"t{i}") + "," + l));
        var trained = Ok("train", "--task", "csv", "--train", Path.Combine(data, "train.csv"), "--test", Path.Combine(data, "test.csv"), "--label", "species",
            "--drop", "id", "--pop", "16", "--gens", "2", "--backend", "cpu", "--out", run);
        Assert.Contains("3 features (1 dropped)", trained.Out);
        Assert.Equal(60, Lines(Ok("predict", "--net", run, "--inputs", Path.Combine(data, "test.csv")).Out).Length);
        Ok("train", "--resume", run, "--gens", "3", "--backend", "cpu", "--quiet");

        string moved = data + "-moved";
        Directory.Move(data, moved);
        var lost = HostRunner.Run("report", "--run", run, "--backend", "cpu");
        Assert.Equal(2, lost.ExitCode);
        Assert.Contains("file not found", lost.Error);
        Ok("report", "--run", run, "--backend", "cpu", "--train", Path.Combine(moved, "train.csv"), "--test", Path.Combine(moved, "test.csv"),
            "--label", "species", "--drop", "id");
        Assert.Contains("test accuracy", File.ReadAllText(Path.Combine(run, "report.html")));
    }

    [Fact]
    public void SweepChart_OfACsvNetwork_ShowsAccuracyInPercent_WithoutABandOfSpread()
    {
        string chart = Path.Combine(HostRunner.TempFolder(), "sweep.svg");
        Ok("sweep", "--net", csv.Run, "--count", "5", "--backend", "cpu", "--out", chart);
        string svg = File.ReadAllText(chart);
        Assert.Contains("test accuracy (%)", svg);
        Assert.DoesNotContain("standard deviation", svg);
        var plot = Output.Drawing.Charts.Sweep(new[] { 0.0, 1 }, new[] { 1.0, 2 }, new[] { 0.5, 0.5 }, "reward", "t");
        Assert.Contains(plot.GetPlottables(), p => p is ScottPlot.Plottables.FillY);
    }

    [Fact]
    public void RunsOverlay_CutsTheIntervalAtTheTasksBounds()
    {
        // Two runs at 0 and -10 (pendulum's rewards are at most 0): the 95 % interval would reach far above 0.
        List<Runs.LogEntry> Log(double fitness) => new() { new(0, fitness, fitness, fitness, fitness, 3, 2, 0, 0, 0, 1) };
        var runs = new List<(string, List<Runs.LogEntry>)> { ("a", Log(0)), ("b", Log(-10)) };
        double Highest(ScottPlot.Plot plot) => plot.GetPlottables().OfType<ScottPlot.Plottables.FillY>().Max(f => f.GetAxisLimits().Top);
        Assert.True(Highest(Output.Drawing.Charts.Overlay(runs, Engine.Tasks.ScoringScheme.Episodes)) > 10);
        Assert.Equal(0, Highest(Output.Drawing.Charts.Overlay(runs, Engine.Tasks.ScoringScheme.Episodes, (-100, 0))));
    }
}
