using System.Diagnostics;
using System.Globalization;
using Wann.Engine.Evaluation;
using Wann.Engine;
using Wann.Engine.Formats;
using Wann.Engine.Genomes;
using Wann.Engine.Tasks;
using Wann.Engine.Tuning;
using Wann.Host.Evaluation;
using Wann.Host.Output;

namespace Wann.Host.Commands;

/// <summary>
/// <c>wann table</c>: one network's row of the paper's table "WANNs perform with and without training":
/// random weights, random shared weight, tuned shared weight and tuned weights, each over the same trials,
/// next to the paper's values where the network is one of the original champions.
/// </summary>
public static class TableCommand
{
    // Gaier & Ha 2019, table 1 (mean ± sd over 100 trials; MNIST: test accuracy).
    private static readonly Dictionary<string, string[]> Paper = new(StringComparer.OrdinalIgnoreCase)
    {
        ["swing.out"] = new[] { "57 ± 121", "515 ± 58", "723 ± 16", "932 ± 6" },
        ["biped.out"] = new[] { "-46 ± 54", "51 ± 108", "261 ± 58", "332 ± 1" },
        ["mnist256"] = new[] { "", "82.0 %", "91.9 %", "94.2 %", "91.6 %" },
    };

    private sealed record Row(string Condition, string Label, TrialSummary Summary, float? Weight, double Seconds, string? PaperValue);

    public static int Run(TableOptions options)
    {
        var (network, task) = NetworkAndTask.Load(options.Net, options.Task, options);
        TaskEvaluators.RunnableTask(task, options.Task is null ? $"{NetworkPath.File(options.Net)}: task" : "--task");
        var tuned = options.Tuned is null ? null : TunedFrom(options.Tuned, network, options.Net, task);
        using var scoring = TaskScoring.Open(task, options.Backend, options.Threads);
        var paper = Paper.GetValueOrDefault(Path.GetFileName(options.Net)) ?? Paper.GetValueOrDefault(task.Name);
        var format = ScoreFormat.For(scoring.Scheme);
        var rows = new List<Row>();

        Row Measure(string key, string label, int column, Func<ConditionResult> score)
        {
            var clock = Stopwatch.StartNew();
            var result = score();
            var row = new Row(key, label, result.Summary, result.Weight, clock.Elapsed.TotalSeconds, paper is not null && column < paper.Length && paper[column] != "" ? paper[column] : null);
            rows.Add(row);
            return row;
        }

        var genome = network.Genome;
        Measure("random-weights", "random weights", 0, () => scoring.Condition(genome, new Condition(ConditionKind.RandomWeights), options.Trials, options.Seed));
        Measure("random-shared", "random shared weight", 1, () => scoring.Condition(genome, new Condition(ConditionKind.RandomShared), options.Trials, options.Seed));
        var sharedRow = Measure("tuned-shared", "tuned shared weight", 2, () => scoring.Condition(genome, new Condition(ConditionKind.TunedShared), options.Trials, options.Seed));
        Measure("tuned-weights", "tuned weights", 3, () =>
        {
            var trained = tuned?.Genome ?? TuneWeights(genome, scoring, sharedRow.Weight!.Value, options);
            return scoring.Condition(trained, new Condition(ConditionKind.Stored), options.Trials, options.Seed);
        });
        var ensembleClock = Stopwatch.StartNew();
        if (scoring.EnsembleAccuracy(genome) is { } ensemble)
            rows.Add(new Row("ensemble", "ensemble of six weights", TrialSummary.Of(new[] { ensemble }), null, ensembleClock.Elapsed.TotalSeconds, paper is { Length: > 4 } ? paper[4] : null));

        if (options.Json)
        {
            JsonOutput.Print(new
            {
                net = options.Net,
                task = task.Name,
                backend = scoring.Evaluator.Name,
                device = scoring.Evaluator.Device,
                seed = options.Seed,
                trials = options.Trials,
                tuned = options.Tuned,
                measure = scoring.Scheme.TrialMeasure,
                rows = rows.Select(r => new
                {
                    condition = r.Condition,
                    mean = r.Summary.Mean,
                    std = r.Summary.Std,
                    ci95 = r.Summary.Ci95,
                    trials = r.Summary.Trials,
                    weight = r.Weight,
                    paper = r.PaperValue,
                    seconds = r.Seconds,
                }).ToArray(),
            });
            return 0;
        }
        Console.WriteLine($"{options.Net} on {task.Name}: {options.Trials} trials per condition, seed {options.Seed}, backend {scoring.Evaluator.Name} ({scoring.Evaluator.Device})");
        Console.WriteLine($"{"condition",-28} {format.TableHeader,-18} {"95% ci",9} {"paper",-10} {"seconds",8}");
        foreach (var r in rows)
        {
            string value = format.TableValue(r.Summary);
            string ci = format.TableInterval(r.Summary);
            string label = r.Weight is { } w && r.Condition != "random-shared" ? $"{r.Label} ({w.ToString("0.###", CultureInfo.InvariantCulture)})" : r.Label;
            Console.WriteLine($"{label,-28} {value,-18} {ci,9} {r.PaperValue ?? "",-10} {r.Seconds,8:F2}");
        }
        return 0;
    }

    /// <summary>The tuned network of --tuned, refused unless it is a tuning of <paramref name="network"/>: tuning changes weights, never the topology.</summary>
    private static NetworkFile TunedFrom(string path, NetworkFile network, string netPath, TaskSpec task)
    {
        var tuned = NetworkAndTask.LoadNetwork(path, task.Shape, task.Name);
        string expected = TopologyFingerprint.Of(network.Genome);
        string file = NetworkPath.File(path);
        if (tuned.Provenance.TunedFrom is { } named && named != expected)
            throw new WannException($"{file}: tuned from another network (topology {named[..12]}), not {netPath} (topology {expected[..12]}): give the tuned.json that wann tune made of it");
        string own = TopologyFingerprint.Of(tuned.Genome);
        if (own != expected)
            throw new WannException($"{file}: not a tuning of {netPath}: its topology (fingerprint {own[..12]}) is not the network's ({expected[..12]}); give the tuned.json that wann tune made of it");
        return tuned;
    }

    /// <summary>Per-connection weights tuned here from the tuned shared weight; the result is the genome with them stored.</summary>
    private static Genome TuneWeights(Genome genome, TaskScoring scoring, float shared, TableOptions options)
    {
        var settings = new WeightTuningSettings
        {
            Optimizer = options.Optimizer.ToLowerInvariant(),
            Generations = options.Generations ?? 2000,
            Episodes = scoring.Scheme.TuningEpisodes,
        };
        var tuner = new WeightTuner(genome, scoring.Task, scoring.Evaluator, settings, options.Seed);
        var state = tuner.Start(shared);
        while (state.Generation < settings.Generations) tuner.Step(state);
        return tuner.Connections.Genome(tuner.Weights(state, tuner.Result(state).Offsets));
    }
}
