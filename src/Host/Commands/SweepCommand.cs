using CommandLine;
using Wann.Engine;
using Wann.Engine.Evaluation;
using Wann.Engine.Formats;
using Wann.Host.Evaluation;
using Wann.Host.Output;
using Wann.Host.Output.Drawing;

namespace Wann.Host.Commands;

[Verb("sweep", HelpText = "Reward against the shared weight over a range (default -2..2, 41 values), as in the paper.")]
public sealed class SweepOptions : CsvDataOptions
{
    [Option("net", Required = true, HelpText = "Network file (.json or .out).")]
    public string Net { get; set; } = "";

    [Option("task", HelpText = "Task to run (default: the task the network file names; a .out file names none).")]
    public string? Task { get; set; }

    [Option("out", HelpText = "Chart to write: FILE.png or FILE.svg.")]
    public string? Out { get; set; }

    [Option("from", Default = -2f, HelpText = "Lowest shared weight.")]
    public float From { get; set; }

    [Option("to", Default = 2f, HelpText = "Highest shared weight.")]
    public float To { get; set; }

    [Option("count", Default = 41, HelpText = "Number of weights, evenly spaced.")]
    public int Count { get; set; }

    [Option("episodes", Default = 20, HelpText = "Episodes per weight.")]
    public int Episodes { get; set; }

    [Option("seed", Default = 1UL, HelpText = "Seed of the episodes' start states.")]
    public ulong Seed { get; set; }

    [Option("backend", Default = "auto", HelpText = "Backend to evaluate on (see the list below).")]
    public string Backend { get; set; } = "auto";

    [Option("json", Default = false, HelpText = "Print the sweep as JSON.")]
    public bool Json { get; set; }
}

/// <summary><c>wann sweep</c>: mean reward (and spread) at each shared weight of a range.</summary>
public static class SweepCommand
{
    public static int Run(SweepOptions options)
    {
        if (options.Out is null && !options.Json) throw new WannException("give --out FILE.png, --json, or both");
        if (options.Out is { } o && Path.GetExtension(o).ToLowerInvariant() is not (".png" or ".svg")) throw new WannException($"--out: '{o}' must end in .png or .svg");
        if (options.Episodes < 1) throw new WannException($"--episodes: must be at least 1, got {options.Episodes}");
        var weights = WeightSweep.Range(options.From, options.To, options.Count);
        var (network, task) = NetworkAndTask.Load(options.Net, options.Task, options);
        MemoryNeed.Check(MemoryNeed.ForLanes((double)weights.Length * options.Episodes), $"--episodes {options.Episodes}: {weights.Length} weights x {options.Episodes:N0} episodes");
        TaskEvaluators.RunnableTask(task, "--task");
        NetworkScores scores;
        using (var scoring = TaskScoring.Open(task, options.Backend))
            scores = scoring.Score(network.Genome, Engine.Programs.WeightMode.Shared, weights, options.Episodes, options.Seed);
        var (sweep, what, detail) = (scores.AsSweep(), scores.Measure, scores.Detail);
        if (options.Out is { } path)
        {
            var chart = Charts.Sweep(sweep.Weights.Select(w => (double)w).ToList(), sweep.Mean, sweep.Std, scores.ChartMeasure,
                $"{Path.GetFileName(options.Net)} on {task.Name}: {detail}", scores.ChartScale);
            if (path.EndsWith(".svg", StringComparison.OrdinalIgnoreCase)) AtomicFile.WriteAllText(path, Charts.Svg(chart));
            else AtomicFile.WriteAllBytes(path, Charts.Png(chart));
            WrittenFile.Say(path, $"{what} at {weights.Length} weights, {options.From:G}..{options.To:G}", options.Json);
        }
        if (options.Json)
            JsonOutput.Print(new { net = options.Net, task = task.Name, measure = what, episodes = options.Episodes, weights = sweep.Weights, mean = sweep.Mean, std = sweep.Std });
        return 0;
    }
}
