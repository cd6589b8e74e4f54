using System.Text.Json;
using CommandLine;
using Wann.Engine;
using Wann.Engine.Evaluation;
using Wann.Engine.Formats;
using Wann.Engine.Tasks;
using Wann.Host.Output.Drawing;
using Wann.Kernels.Backends;

namespace Wann.Host.Commands;

[Verb("sweep", HelpText = "Reward against the shared weight over a range (default -2..2, 41 values), as in the paper.")]
public sealed class SweepOptions
{
    [Option("net", Required = true, HelpText = "Network file (.json or .out).")]
    public string Net { get; set; } = "";

    [Option("task", Required = true, HelpText = "Task to run.")]
    public string Task { get; set; } = "";

    [Option("out", HelpText = "PNG file for the chart.")]
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

    [Option("backend", Default = "auto", HelpText = "auto, cpu, reference, cuda, opencl or ilgpu-cpu.")]
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
        if (options.Out is { } o && !o.EndsWith(".png", StringComparison.OrdinalIgnoreCase)) throw new WannException($"--out: '{o}' must end in .png");
        if (options.Episodes < 1) throw new WannException($"--episodes: must be at least 1, got {options.Episodes}");
        var task = TaskCatalog.Get(options.Task, "--task");
        var weights = WeightSweep.Range(options.From, options.To, options.Count);
        var network = NetworkFiles.Load(options.Net, task.Shape, task.Name);
        using var evaluator = EvaluatorFactory.Create(BackendNames.Parse(options.Backend));
        var sweep = WeightSweep.Run(network.Genome, task, evaluator, weights, options.Episodes, options.Seed);
        if (options.Out is { } path)
            AtomicFile.WriteAllBytes(path, Charts.Png(Charts.Sweep(sweep.Weights.Select(w => (double)w).ToList(), sweep.Mean, sweep.Std, "reward",
                $"{Path.GetFileName(options.Net)} on {task.Name}: {options.Episodes} episodes per weight")));
        if (options.Json)
            Console.WriteLine(JsonSerializer.Serialize(new { net = options.Net, task = task.Name, episodes = options.Episodes, weights = sweep.Weights, mean = sweep.Mean, std = sweep.Std },
                new JsonSerializerOptions { WriteIndented = true }));
        return 0;
    }
}
