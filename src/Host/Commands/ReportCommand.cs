using CommandLine;
using MathNet.Numerics.Statistics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text;
using Wann.Engine.Config;
using Wann.Engine.Evaluation;
using Wann.Engine.Formats;
using Wann.Engine.Programs;
using Wann.Engine.Tasks;
using Wann.Engine;
using Wann.Host.Output.Drawing;
using Wann.Host.Evaluation;
using Wann.Host.Output;
using Wann.Host.Runs;
using Wann.Kernels.Tasks;

namespace Wann.Host.Commands;

[Verb("report", HelpText = "One self-contained HTML page for a run: how it was run, config, curves, best network, its eval table and weight sweep, timings.")]
public sealed class ReportOptions : CsvDataOptions
{
    [Option("run", Required = true, HelpText = "Run folder.")]
    public string Run { get; set; } = "";

    [Option("out", HelpText = "HTML file to write (default: report.html in the run folder).")]
    public string? Out { get; set; }

    [Option("episodes", Default = 10, HelpText = "Episodes per weight for the best network's sweep.")]
    public int Episodes { get; set; }

    [Option("eval-episodes", Default = 100, HelpText = "Episodes per weight for the best network's eval table.")]
    public int EvalEpisodes { get; set; }

    [Option("backend", Default = "auto", HelpText = "Backend for the best network's sweep (see the list below).")]
    public string Backend { get; set; } = "auto";
}

/// <summary><c>wann report</c>: everything about a run in one HTML file with every picture inline (no network access needed).</summary>
public static class ReportCommand
{
    public static int Run(ReportOptions options)
    {
        if (options.Episodes < 1) throw new WannException($"--episodes: must be at least 1, got {options.Episodes}");
        if (options.EvalEpisodes < 1) throw new WannException($"--eval-episodes: must be at least 1, got {options.EvalEpisodes}");
        if (!Directory.Exists(options.Run)) throw new WannException($"{options.Run}: no such run folder");
        var log = RunLog.Read(options.Run);
        string configPath = Path.Combine(options.Run, "config.json");
        JsonElement config;
        using (var document = StrictJson.Parse(BoundedFile.ReadText(configPath, FileLimit.Settings), configPath)) config = document.RootElement.Clone();
        if (config.ValueKind != JsonValueKind.Object) throw new WannException($"{configPath}: expected a JSON object of hyperparameters");
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Wann.Gpu run report</title>\n<style>");
        html.Append("body{font-family:'DejaVu Sans',sans-serif;margin:2em;max-width:1100px;color:#222}table{border-collapse:collapse;margin:0.5em 0}");
        html.Append("td,th{border:1px solid #ccc;padding:3px 8px;text-align:left}th{background:#f3f3f3}svg{max-width:100%;height:auto}.network{overflow-x:auto}.network svg{max-width:none}h2{margin-top:1.6em}");
        html.Append("</style></head><body>\n");
        html.Append($"<h1>Run {Encode(Path.GetFileName(Path.GetFullPath(options.Run).TrimEnd('/')))}</h1>\n");
        html.Append($"<p>{Counted.Of(log.Count, "generation")} logged; report written {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC by Wann.Gpu.</p>\n");

        if (RunInfo.Read(Path.Combine(options.Run, RunInfo.FileName)) is { } run)
        {
            html.Append("<h2>How it was run</h2>\n<table><tr><th>what</th><th>value</th></tr>\n");
            foreach (var (key, value) in run)
                if (key is not ("format" or "sessions")) html.Append($"<tr><td>{Encode(key)}</td><td>{Encode(value?.ToString() ?? "-")}</td></tr>\n");
            html.Append("</table>\n");
            if (run["sessions"] is System.Text.Json.Nodes.JsonArray { Count: > 1 } sessions)
            {
                html.Append("<p>Sessions (start, then each resume):</p>\n<table><tr><th>started</th><th>from generation</th><th>backend</th><th>device</th><th>version</th><th>command line</th></tr>\n");
                foreach (var session in sessions)
                    html.Append($"<tr><td>{Field(session, "started")}</td><td>{Field(session, "fromGeneration")}</td><td>{Field(session, "backend")}</td>" +
                                $"<td>{Field(session, "device")}</td><td>{Field(session, "version")}</td><td><code>{Field(session, "commandLine")}</code></td></tr>\n");
                html.Append("</table>\n");
            }
        }

        html.Append("<h2>Configuration</h2>\n<table><tr><th>key</th><th>value</th></tr>\n");
        foreach (var p in config.EnumerateObject()) html.Append($"<tr><td>{Encode(p.Name)}</td><td>{Encode(p.Value.ToString())}</td></tr>\n");
        html.Append("</table>\n");

        html.Append("<h2>Fitness and network size</h2>\n");
        var scheme = RunLog.Scoring(options.Run, log);
        html.Append(Charts.Svg(Charts.Fitness(log, scheme))).Append('\n');
        if (log.Any(e => e.TestAccuracy is not null)) html.Append(Charts.Svg(Charts.TestAccuracy(log))).Append('\n');
        html.Append(Charts.Svg(Charts.NetworkSize(log))).Append('\n');

        string bestPath = Path.Combine(options.Run, "best.json");
        if (File.Exists(bestPath))
        {
            var best = NetworkAndTask.LoadNetwork(bestPath, null, null);
            var (inputs, outputs) = NetworkLabels.For(best, null);
            html.Append("<h2>Best network</h2>\n");
            html.Append($"<p>Fitness {Number(best.Provenance.Fitness)} (confirmed by re-evaluation), found in generation {best.Provenance.Generation}; " +
                        $"{best.Genome.Nodes.Count} nodes, {best.Genome.ExpressedConnectionCount} live connections.</p>\n");
            html.Append("<div class=\"network\">").Append(SvgNetworkWriter.Write(NetworkLayout.Of(best.Genome, inputs, outputs), "best.json")).Append("</div>\n");
            // A csv run's data: --train and --test where it has moved, else the files csv-task.json names.
            string? csvRun = File.Exists(Path.Combine(options.Run, CsvTaskFile.FileName)) ? options.Run : null;
            var task = CsvTask.Is(best.Task ?? "")
                ? options.TrainFile is null && csvRun is null ? null : TaskResolver.Get(CsvTask.Name, options, "--train", csvRun)
                : TaskResolver.CsvSource(best.Task ?? "", options) is null ? TaskRegistry.Find(best.Task ?? "") : null;
            if (task is { CanRun: true })
            {
                using var scoring = TaskScoring.Open(task, options.Backend);
                var weights = HyperparameterLoader.ApplyFile(new Hyperparameters(), configPath).SharedWeights();
                html.Append(scoring.Score(best.Genome, WeightMode.Shared, weights, options.EvalEpisodes, 1)
                    .Html(scoring.Backend, $"wann eval --net best.json --episodes {options.EvalEpisodes}"));
                var scores = scoring.Score(best.Genome, WeightMode.Shared, WeightSweep.Range(-2f, 2f, 41), options.Episodes, 1);
                var sweep = scores.AsSweep();
                html.Append("<h2>Weight sweep of the best network</h2>\n");
                html.Append(Charts.Svg(Charts.Sweep(sweep.Weights.Select(w => (double)w).ToList(), sweep.Mean, sweep.Std, scores.ChartMeasure,
                    $"best.json on {task.Name}: {scores.Detail}", scores.ChartScale))).Append('\n');
            }
        }

        html.Append("<h2>Timings</h2>\n<table><tr><th>phase</th><th>total seconds</th><th>median per generation</th></tr>\n");
        foreach (var (name, values) in new[]
                 {
                     ("evaluate", log.Select(e => e.EvaluateSeconds).ToArray()),
                     ("rank + breed", log.Select(e => e.RankBreedSeconds).ToArray()),
                     ("compile", log.Select(e => e.CompileSeconds).ToArray()),
                 })
            html.Append($"<tr><td>{name}</td><td>{Number(values.Sum())}</td><td>{Number(values.Median())}</td></tr>\n");
        long steps = log.Sum(e => e.EnvSteps);
        double evaluate = log.Sum(e => e.EvaluateSeconds);
        string unit = scheme.WorkUnit;
        html.Append($"</table>\n<p>{steps:N0} {unit}, {Number(steps / Math.Max(evaluate, 1e-9))} per second of evaluation.</p>\n");
        html.Append("</body></html>\n");

        string written = options.Out ?? Path.Combine(options.Run, "report.html");
        AtomicFile.WriteAllText(written, html.ToString());
        WrittenFile.Say(written, $"report of {Counted.Of(log.Count, "generation")}");
        return 0;
    }

    private static string Field(System.Text.Json.Nodes.JsonNode? node, string key) => Encode(node?[key]?.ToString() ?? "-");

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
    /// <summary>Five significant digits, large numbers grouped in full rather than as 2.3335E+07.</summary>
    private static string Number(double? value) => value switch
    {
        null => "-",
        { } v when Math.Abs(v) >= 1e5 && double.IsFinite(v) => v.ToString("N0", CultureInfo.InvariantCulture),
        { } v => v.ToString("G5", CultureInfo.InvariantCulture),
    };
}
