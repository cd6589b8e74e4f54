using CommandLine;
using ScottPlot;
using Wann.Engine;
using Wann.Engine.Formats;
using Wann.Host.Output;
using Wann.Host.Output.Drawing;
using Wann.Host.Runs;

namespace Wann.Host.Commands;

[Verb("plot", HelpText = "Fitness curves and network size per generation of a run (finished or still running), or several runs overlaid.")]
public sealed class PlotOptions
{
    [Option("run", SetName = "one", HelpText = "Run folder (holds log.jsonl).")]
    public string? Run { get; set; }

    [Option("runs", SetName = "many", HelpText = "Several run folders (seeds) to overlay, or one folder of them (as 'wann train --seeds' writes).")]
    public IEnumerable<string>? Runs { get; set; }

    [Option("wall-time", SetName = "many", Default = false, HelpText = "With --runs: compare settings instead of seeds: each run's confirmed best " +
                                                                         "as its own line, against generation and against wall time (the generations' own seconds, summed).")]
    public bool WallTime { get; set; }

    [Option("out", Required = true, HelpText = "Chart to write: FILE.png or FILE.svg.")]
    public string Out { get; set; } = "";
}

/// <summary><c>wann plot</c>: best, median, top-ranked and run-best fitness, test accuracy (classification), then nodes and connections, per generation.</summary>
public static class PlotCommand
{
    public static int Run(PlotOptions options)
    {
        string extension = Path.GetExtension(options.Out).ToLowerInvariant();
        if (extension is not (".png" or ".svg")) throw new WannException($"--out: '{options.Out}' must end in .png or .svg");
        var (plots, what) = options.Runs?.ToList() is { Count: > 0 } runs ? Overlay(runs, options.WallTime)
            : options.WallTime ? throw new WannException("--wall-time: give the runs to compare with --runs DIR...")
            : One(options.Run ?? throw new WannException("give --run DIR or --runs DIR..."));
        if (extension == ".svg") AtomicFile.WriteAllText(options.Out, Charts.StackSvg(plots.Select(p => Charts.Svg(p)).ToArray()));
        else AtomicFile.WriteAllBytes(options.Out, Charts.Stack(plots.Select(p => Charts.Png(p)).ToArray()));
        WrittenFile.Say(options.Out, what);
        return 0;
    }

    private static (List<Plot> Plots, string What) One(string folder)
    {
        var log = RunLog.Read(folder);
        var scoring = RunLog.Scoring(folder, log);
        var plots = new List<Plot> { Charts.Fitness(log, scoring) };
        if (log.Any(e => e.TestAccuracy is not null)) plots.Add(Charts.TestAccuracy(log));
        plots.Add(Charts.NetworkSize(log));
        string measure = scoring.FitnessCurve + (plots.Count == 3 ? ", test accuracy" : "");
        return (plots, $"{measure} and network size over {Counted.Of(log.Count, "generation")}");
    }

    private static (List<Plot> Plots, string What) Overlay(List<string> folders, bool wallTime)
    {
        if (folders.Count == 1 && !File.Exists(Path.Combine(folders[0], "log.jsonl")) && Directory.Exists(folders[0]))
            folders = Directory.GetDirectories(folders[0]).Where(d => File.Exists(Path.Combine(d, "log.jsonl"))).Order(StringComparer.Ordinal).ToList();
        if (folders.Count == 0) throw new WannException("--runs: no run folders (folders holding log.jsonl) given or found");
        var runs = folders.Select(f => (Name: Path.GetFileName(Path.GetFullPath(f).TrimEnd('/')), Log: RunLog.Read(f))).ToList();
        var scoring = RunLog.Scoring(folders[0], runs[0].Log);
        if (wallTime)
            return ([RunComparison.ByGeneration(runs, scoring), RunComparison.ByWallTime(runs, scoring)],
                    $"confirmed best of {runs.Count} runs against generation and wall time");
        return (new List<Plot> { Charts.Overlay(runs, scoring, RunLog.FitnessBounds(folders[0])) }, $"{scoring.FitnessCurve} of {runs.Count} runs (mean and 95 % interval)");
    }
}
