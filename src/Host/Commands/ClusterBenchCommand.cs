using CommandLine;
using MathNet.Numerics.Statistics;
using Wann.Engine.Config;
using Wann.Engine.Evaluation;
using Wann.Engine.Programs;
using Wann.Engine.Search;
using Wann.Engine;
using Wann.Host.Cluster;
using Wann.Kernels.Tasks;

namespace Wann.Host.Commands;

[Verb("cluster-bench", HelpText = "Measure the cluster's overhead per generation (serialise, send, gather) against the workers' evaluation time.")]
public sealed class ClusterBenchOptions
{
    [Option("cluster", Required = true, HelpText = "Cluster configuration file (workers must be running).")]
    public string Cluster { get; set; } = "";

    [Option("genomes", Default = "1000,10000,100000", HelpText = "Comma-separated population sizes to measure.")]
    public string Genomes { get; set; } = "1000,10000,100000";

    [Option("repeats", Default = 5, HelpText = "Generations measured per size (after one warm-up); medians are reported.")]
    public int Repeats { get; set; } = 5;

    [Option("connections", Default = 30, HelpText = "Connections per synthetic swing-up network.")]
    public int Connections { get; set; } = 30;
}

/// <summary>
/// <c>wann cluster-bench</c>: full swing-up generations (the default 6 weights x 4 repetitions, 1000
/// steps) of synthetic networks sent through the cluster; per size the medians of the host's wall time,
/// the slowest worker's own evaluation time, and their difference, the cluster's overhead.
/// </summary>
public static class ClusterBenchCommand
{
    public static int Run(ClusterBenchOptions options)
    {
        var sizes = options.Genomes.Split(',').Select(s => int.TryParse(s.Trim(), out int n) && n >= 1 ? n : throw new WannException($"--genomes: '{s}' is not a population size")).ToList();
        if (options.Repeats < 1) throw new WannException($"--repeats: must be at least 1, got {options.Repeats}");
        if (options.Connections < 1) throw new WannException($"--connections: must be at least 1, got {options.Connections}");
        var config = ClusterConfigLoader.Load(options.Cluster);
        var settings = new Hyperparameters();
        using var cluster = ClusterEvaluator.Connect(config, message => Console.Error.WriteLine($"wann: cluster: {message}"));
        Console.WriteLine($"cluster: {cluster.Device}");
        Console.WriteLine($"{"genomes",9} {"wall s",9} {"workers s",10} {"overhead s",11} {"slice s",8} {"overhead %",11}");
        foreach (int size in sizes)
        {
            var batch = ProgramBatch.Compile(SyntheticPopulation.Grow(CartPoleSwingUp.Spec.Shape, size, options.Connections, (ulong)size), WeightMode.Shared);
            var timings = new List<ClusterTiming>();
            for (int run = 0; run <= options.Repeats; run++)
            {
                var request = new EvaluationRequest(CartPoleSwingUp.Spec, settings.SharedWeights(), settings.Repetitions, 7, run);
                cluster.Evaluate(batch, request);
                // The first generation of a size warms up (JIT, buffers) and measures the workers' speeds.
                if (run > 0) timings.Add(cluster.LastClusterTiming!);
            }
            double wall = timings.Select(t => t.WallSeconds).Median();
            double workers = timings.Select(t => t.SlowestWorkerSeconds).Median();
            double overhead = timings.Select(t => t.OverheadSeconds).Median();
            double slice = timings.Select(t => t.SliceSeconds).Median();
            Console.WriteLine($"{size,9} {wall,9:F4} {workers,10:F4} {overhead,11:F4} {slice,8:F4} {100 * overhead / wall,10:F1}%");
        }
        return 0;
    }
}
