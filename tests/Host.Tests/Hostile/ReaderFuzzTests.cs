using Wann.Engine;
using Wann.Engine.Config;
using Wann.Engine.Datasets;
using Wann.Engine.Formats;
using Wann.Host.Cluster;
using Wann.Host.Runs;
using Xunit.Abstractions;

namespace Wann.Host.Tests.Hostile;

/// <summary>
/// Every reader fed generated damage (<see cref="Damage"/>), through the program (in this process) where
/// a case is cheap to run, else through the reader itself. Each case is either accepted (exit 0: the
/// damage left a valid file) or refused: exit 2, one line starting "wann: ", no stack trace, nothing
/// written. Anything else (an exception, a second line, a file touched) is counted as a crash; there must be none.
/// </summary>
public sealed class ReaderFuzzTests(ITestOutputHelper output)
{
    private static readonly string SwingInputs = TestPaths.Golden("forward-swing-inputs.csv");

    private sealed class Tally(string reader)
    {
        public string Reader { get; } = reader;
        public int Accepted, Refused;
        public List<string> Crashes { get; } = new();
        public override string ToString() => $"{Reader,-28} {Accepted + Refused + Crashes.Count,5} cases: {Accepted,4} accepted, {Refused,4} refused, {Crashes.Count} crashed";
    }

    private void Report(params Tally[] tallies)
    {
        foreach (var t in tallies) output.WriteLine(t.ToString());
        var crashes = tallies.SelectMany(t => t.Crashes.Select(c => $"{t.Reader}: {c}")).ToList();
        Assert.True(crashes.Count == 0, string.Join("\n", crashes.Take(20)));
    }

    /// <summary>Runs the program on one damaged case and files the outcome.</summary>
    private static void Cli(Tally tally, Damage.Case damage, string watched, string[] args, bool mustRefuse = false)
    {
        var before = Refusal.Snapshot(watched);
        HostRunner.Result result;
        try
        {
            result = HostRunner.Run(args);
        }
        catch (Exception e)
        {
            tally.Crashes.Add($"{damage.Kind}: {e.GetType().Name}: {e.Message.Split('\n')[0]} {e.StackTrace?.Split('\n')[0].Trim()}");
            return;
        }
        string error = result.Error.Trim();
        if (result.ExitCode == 0 && !mustRefuse)
        {
            tally.Accepted++;
            return;
        }
        string? wrong = result.ExitCode != 2 ? $"exit {result.ExitCode}"
            : error.Contains('\n') ? "more than one line"
            : !error.StartsWith("wann: ", StringComparison.Ordinal) ? "not a 'wann: ' line"
            : error.Contains("   at ") ? "a stack trace"
            : !Refusal.Snapshot(watched).SequenceEqual(before) ? "files written"
            : null;
        if (wrong is null) tally.Refused++;
        else tally.Crashes.Add($"{damage.Kind}: {wrong}: {error.Split('\n')[0]}");
    }

    /// <summary>Calls a reader on one damaged case and files the outcome.</summary>
    private static void Api(Tally tally, Damage.Case damage, Action read)
    {
        try
        {
            read();
            tally.Accepted++;
        }
        catch (WannException e) when (!e.Message.Contains('\n'))
        {
            tally.Refused++;
        }
        catch (Exception e)
        {
            tally.Crashes.Add($"{damage.Kind}: {e.GetType().Name}: {e.Message.Split('\n')[0]}");
        }
    }

    private static string WriteCase(string folder, string name, Damage.Case damage)
    {
        string path = Path.Combine(folder, name);
        File.WriteAllBytes(path, damage.Bytes);
        return path;
    }

    [Fact]
    public void NetworkFiles_JsonAndOut_ThroughForward()
    {
        string folder = HostRunner.TempFolder(), outputs = HostRunner.TempFolder();
        var swing = OutMatrixFormat.Parse(File.ReadAllText(TestPaths.Reference("swing.out")), new Engine.Genomes.NetworkShape(5, 1), "swing.out");
        string json = NetworkJsonFormat.Format(new NetworkFile(swing, "swingup", new Provenance("fuzz", 3, 1.5, 7, "2026-01-01T00:00:00Z")));
        var jsonTally = new Tally("network .json (forward)");
        var exportTally = new Tally("network .json (export .out)");
        var renderTally = new Tally("network .json (render .svg)");
        foreach (var damage in Damage.OfText(json, 200, 1, json: true))
        {
            string net = WriteCase(folder, "net.json", damage);
            Cli(jsonTally, damage, outputs, new[] { "forward", "--net", net, "--weight", "1", "--inputs", SwingInputs, "--out", Path.Combine(outputs, "o.csv") });
            foreach (string file in Directory.GetFiles(outputs)) File.Delete(file);
            Cli(exportTally, damage, outputs, new[] { "export", "--net", net, "--stored", "--out", Path.Combine(outputs, "o.out") });
            foreach (string file in Directory.GetFiles(outputs)) File.Delete(file);
            Cli(renderTally, damage, outputs, new[] { "render", "--net", net, "--out", Path.Combine(outputs, "o.svg") });
            foreach (string file in Directory.GetFiles(outputs)) File.Delete(file);
        }
        var outTally = new Tally("network .out (forward)");
        foreach (var damage in Damage.OfText(File.ReadAllText(TestPaths.Reference("swing.out")), 160, 2, json: false))
            Cli(outTally, damage, outputs, new[] { "forward", "--net", WriteCase(folder, "net.out", damage), "--task", "swingup", "--weight", "1", "--inputs", SwingInputs, "--out", Path.Combine(outputs, "o.csv") });
        Report(jsonTally, exportTally, renderTally, outTally);
    }

    [Fact]
    public void Checkpoints_DamagedOrReSigned_ThroughResume()
    {
        string template = TinyRun.Copy();
        var valid = File.ReadAllBytes(Path.Combine(template, "checkpoint.bin"));
        var unsigned = new Tally("checkpoint, checksum kept");
        var resigned = new Tally("checkpoint, re-signed");
        var legacy = new Tally("checkpoint v1 JSON, re-signed");
        // A finished run of two generations resumed to three: an accepted checkpoint is searched on, at
        // most three generations (--gens 3).
        foreach (var damage in Damage.OfCheckpointBytes(valid, 90, 3))
            Cli(unsigned, damage, ResumeFolder("checkpoint.bin", damage, out string run), Resume(run), mustRefuse: true);
        foreach (var damage in Damage.OfResignedCheckpoint(valid, 200, 4))
            Cli(resigned, damage, ResumeFolder("checkpoint.bin", damage, out string run), Resume(run));
        string legacyText = JsonCheckpointFormat.Format(CheckpointFormat.Parse(valid, "template"));
        foreach (var damage in Damage.OfResignedJsonCheckpoint(legacyText, 80, 5))
            Cli(legacy, damage, ResumeFolder("checkpoint.json", damage, out string run), Resume(run));
        Report(unsigned, resigned, legacy);
    }

    /// <summary>
    /// A file of the template run with what differs from run to run (timings, memory, dates, machine) set to
    /// fixed values, so the damage drawn from it, and the cases, are the same every time.
    /// </summary>
    private static string Steady(string path) => string.Concat(File.ReadAllLines(path).Select(line => line.Length == 0 ? "\n" :
        System.Text.RegularExpressions.Regex.Replace(line,
            "\"(evaluate|rankBreed|compile|total|lanesPerSecond|envStepsPerSecond|peakMemoryBytes)\":[0-9.eE+-]+|\"(started|machine|os|runtime|commit|commandLine|device)\": *\"[^\"]*\"|\"processors\": *[0-9]+",
            m => m.Value[..(m.Value.IndexOf(':') + 1)] + (m.Value.Contains("\":\"") || m.Value.Contains("\": \"") ? "\"fixed\"" : "1")) + "\n"));

    [Fact]
    public void RunFolderFiles_LogRunJsonCsvTask_ThroughResume()
    {
        string template = TinyRun.Copy();
        string logText = Steady(Path.Combine(template, "log.jsonl"));
        var log = new Tally("log.jsonl (resume)");
        foreach (var damage in Damage.OfText(logText, 120, 6, json: true))
            Cli(log, damage, ResumeFolder("log.jsonl", damage, out string run), Resume(run));
        var runInfo = new Tally("run.json (resume)");
        foreach (var damage in Damage.OfText(Steady(Path.Combine(template, "run.json")), 64, 7, json: true))
            Cli(runInfo, damage, ResumeFolder("run.json", damage, out string run), Resume(run));
        var plot = new Tally("log.jsonl (RunLog.Read)");
        foreach (var damage in Damage.OfText(logText, 80, 8, json: true))
            Api(plot, damage, () => RunLog.Read(ResumeFolder("log.jsonl", damage, out _)));

        var csvTask = new Tally("csv-task.json (resume)");
        string csvRun = CsvRun();
        foreach (var damage in Damage.OfText(File.ReadAllText(Path.Combine(csvRun, CsvTaskFile.FileName)), 56, 9, json: true))
        {
            string copy = Path.Combine(HostRunner.TempFolder(), "run");
            Directory.CreateDirectory(copy);
            foreach (string file in Directory.GetFiles(csvRun)) File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
            WriteCase(copy, CsvTaskFile.FileName, damage);
            Cli(csvTask, damage, copy, Resume(copy));
        }
        Report(log, runInfo, plot, csvTask);
    }

    [Fact]
    public void SettingsAndData_ConfigClusterCsvTuning_ThroughTheirReaders()
    {
        string folder = HostRunner.TempFolder();
        var config = new Tally("config (HyperparameterLoader)");
        foreach (var damage in Damage.OfText(File.ReadAllText(TestPaths.Reference("swingup.json")), 160, 10, json: true))
            Api(config, damage, () => HyperparameterLoader.ApplyFile(new Hyperparameters(), WriteCase(folder, "config.json", damage)));

        var cluster = new Tally("cluster config");
        const string clusterConfig = """
            { "clusterId": "lab", "callTimeoutSeconds": 30, "joinTimeoutSeconds": 20,
              "membership": { "kind": "static", "primary": "10.0.0.1:11111", "gateways": ["10.0.0.1:30000", "10.0.0.2:30000"] },
              "worker": { "advertisedAddress": "10.0.0.2", "siloPort": 11112, "gatewayPort": 30001, "backend": "cpu" },
              "tls": { "certificate": "cluster.pfx", "password": "p" } }
            """;
        foreach (var damage in Damage.OfText(clusterConfig, 120, 11, json: true))
            Api(cluster, damage, () => ClusterConfigLoader.Load(WriteCase(folder, "cluster.json", damage)));

        var csv = new Tally("CSV data (csv task)");
        string test = Path.Combine(folder, "test.csv");
        File.WriteAllText(test, "a,b,label\n1,2,x\n3,4,y\n");
        string train = string.Concat(Enumerable.Range(0, 30).Select(i => $"{i % 5}.5,{i % 3},{(i % 2 == 0 ? "x" : "y")}\n"));
        foreach (var damage in Damage.OfText("a,b,label\n" + train, 120, 12, json: false))
            Api(csv, damage, () => new CsvClassificationSource(WriteCase(folder, "train.csv", damage), test, null, CsvScaling.Standard).Load());

        var tuning = new Tally("tuning checkpoint");
        string outer = File.ReadAllText(Path.Combine(TuneTemplate("pepg"), "checkpoint.json"));
        foreach (var damage in Damage.OfResignedJsonCheckpoint(outer, 80, 13))
            Api(tuning, damage, () => TuningCheckpointFormat.Parse(damage.Text, "checkpoint.json"));
        Report(config, cluster, csv, tuning);
    }

    [Theory]
    [InlineData("pepg")]
    [InlineData("cma")]
    public void TuningCheckpoints_ReSigned_ThroughTuneResume(string optimizer)
    {
        string template = TuneTemplate(optimizer);
        var tally = new Tally($"tuning checkpoint ({optimizer}, resume)");
        foreach (var damage in Damage.OfResignedJsonCheckpoint(File.ReadAllText(Path.Combine(template, "checkpoint.json")), 64, optimizer == "cma" ? 14UL : 15UL))
        {
            string run = Path.Combine(HostRunner.TempFolder(), "tune");
            Directory.CreateDirectory(run);
            foreach (string file in Directory.GetFiles(template)) File.Copy(file, Path.Combine(run, Path.GetFileName(file)));
            File.Delete(Path.Combine(run, "checkpoint.prev.json"));
            WriteCase(run, "checkpoint.json", damage);
            Cli(tally, damage, run, new[] { "tune", "--resume", run, "--gens", "3", "--quiet" });
        }
        Report(tally);
    }

    private static readonly Dictionary<string, string> TuneTemplates = new();

    /// <summary>A finished two-generation weight tuning run of the swing-up champion with <paramref name="optimizer"/>, made once.</summary>
    private static string TuneTemplate(string optimizer)
    {
        lock (TuneTemplates)
        {
            if (TuneTemplates.TryGetValue(optimizer, out string? made)) return made;
            string folder = Path.Combine(HostRunner.TempFolder(), "tune");
            var result = HostRunner.Run("tune", "--net", TestPaths.Reference("swing.out"), "--task", "swingup_hard", "--weights", "--optimizer", optimizer, "--pop", "4",
                "--gens", "2", "--episodes", "1", "--validate-every", "1", "--test-episodes", "1", "--backend", "cpu", "--threads", "1", "--quiet", "--out", folder);
            Assert.True(result.ExitCode == 0, result.Error);
            return TuneTemplates[optimizer] = folder;
        }
    }

    /// <summary>A copy of the finished tiny run with <paramref name="file"/> replaced by the damaged case (and no fallback checkpoint).</summary>
    private static string ResumeFolder(string file, Damage.Case damage, out string run)
    {
        run = TinyRun.Copy();
        if (file.StartsWith("checkpoint", StringComparison.Ordinal))
        {
            File.Delete(Path.Combine(run, "checkpoint.bin"));
            File.Delete(Path.Combine(run, "checkpoint.prev.bin"));
        }
        WriteCase(run, file, damage);
        return run;
    }

    // One generation past the finished run's two: what a reader accepted is then also used.
    private static string[] Resume(string run) => new[] { "train", "--resume", run, "--gens", (TinyRun.Generations + 1).ToString(), "--quiet" };

    private static string CsvRun()
    {
        string data = HostRunner.TempFolder();
        File.WriteAllText(Path.Combine(data, "train.csv"), string.Concat(Enumerable.Range(0, 30).Select(i => $"{i % 7},{(i * 3) % 5},{i % 2}\n")));
        File.WriteAllText(Path.Combine(data, "test.csv"), "1,2,0\n3,4,1\n");
        string run = Path.Combine(data, "run");
        var result = HostRunner.Run("train", "--task", "csv", "--train", Path.Combine(data, "train.csv"), "--test", Path.Combine(data, "test.csv"),
            "--pop", "8", "--gens", "2", "--backend", "cpu", "--quiet", "--out", run);
        Assert.True(result.ExitCode == 0, result.Error);
        return run;
    }

    [Fact]
    public void AFewCases_ThroughTheRealProcess_ExitWith2AndOneLine()
    {
        // In-process runs cannot see what only a process shows (an abort, a runtime's own message): a handful through dotnet.
        string folder = HostRunner.TempFolder();
        string bomb = Path.Combine(folder, "intmax.json");
        File.WriteAllText(bomb, """{"format":"wann-gpu-network","version":1,"inputs":2147483647,"outputs":1,"nodes":[{"id":0,"kind":"bias","activation":1}],"connections":[],"provenance":{"source":"x"}}""");
        string rows = Path.Combine(folder, "rows.out");
        File.WriteAllText(rows, string.Concat(Enumerable.Repeat("0,1\n", 60_000)));
        string config = Path.Combine(folder, "config.json");
        File.WriteAllText(config, """{"task": "swingup", "alg_nVals": 2147483647}""");
        foreach (var args in new[]
                 {
                     new[] { "render", "--net", bomb, "--out", Path.Combine(folder, "x.svg") },
                     new[] { "forward", "--net", rows, "--task", "swingup", "--weight", "1", "--inputs", SwingInputs },
                     new[] { "train", "--config", config, "--out", Path.Combine(folder, "run") },
                 })
        {
            var info = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "wann.dll"));
            foreach (string a in args) info.ArgumentList.Add(a);
            using var child = System.Diagnostics.Process.Start(info)!;
            string error = child.StandardError.ReadToEnd().Trim();
            child.StandardOutput.ReadToEnd();
            child.WaitForExit();
            Assert.True(child.ExitCode == 2, $"{args[0]}: exit {child.ExitCode}: {error}");
            Assert.DoesNotContain('\n', error);
            Assert.StartsWith("wann: ", error);
        }
        Assert.Equal(new[] { "config.json", "intmax.json", "rows.out" }, Directory.GetFileSystemEntries(folder).Select(Path.GetFileName).Order().ToArray());
    }
}
