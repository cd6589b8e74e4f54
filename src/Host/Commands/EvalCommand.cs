using System.Globalization;
using MathNet.Numerics.Statistics;
using Wann.Engine.Config;
using Wann.Engine.Evaluation;
using Wann.Engine.Programs;
using Wann.Engine.Tasks;
using Wann.Engine;
using Wann.Host.Evaluation;
using Wann.Host.Output;
using Wann.Kernels.Backends;

namespace Wann.Host.Commands;

/// <summary><c>wann eval</c>: episodes of one network at each shared weight, with mean, spread and a 95 % interval.</summary>
public static class EvalCommand
{
    public static int Run(EvalOptions options)
    {
        if (options.Condition is not null) return EvalConditions.Run(options);
        if (options.Episodes < 1) throw new WannException($"--episodes: must be at least 1, got {options.Episodes}");
        TaskEvaluators.CheckThreads(options.Threads);
        if (options.Stored && options.Weights is not null) throw new WannException("give either --weights or --stored, not both");
        var weights = options.Stored ? new[] { 1f } : options.Weights is null ? StandardWeights.Copy() : ParseWeights(options.Weights);
        var (network, task) = NetworkAndTask.Load(options.Net, options.Task, options);
        MemoryNeed.Check(MemoryNeed.ForLanes((double)weights.Length * options.Episodes), $"--episodes {options.Episodes}: {weights.Length} weights x {options.Episodes:N0} episodes");
        TaskEvaluators.RunnableTask(task, "--task");
        using var backend = BackendFactory.Create(BackendNames.Parse(options.Backend), options.Threads);
        var scores = NetworkScoring.Score(backend, network.Genome, options.Stored ? WeightMode.Stored : WeightMode.Shared, task, weights, options.Episodes, options.Seed);
        if (scores.IsClassification) PrintAccuracy(options, task, backend, scores.Accuracy!, scores.Seconds);
        else if (options.Json) PrintJson(options, task, backend, scores.Rows!, scores.Table!, scores.Seconds);
        else PrintTable(options, task, backend, scores.Rows!, scores.Table!, scores.Seconds);
        return 0;
    }

    /// <summary>Classification: accuracy on the whole held-out test set at each weight, and of the ensemble over the weights.</summary>
    private static void PrintAccuracy(EvalOptions options, TaskSpec task, IBackend backend, ClassificationScore score, double seconds)
    {
        var weights = score.Weights;
        if (options.Json)
        {
            JsonOutput.Print(new
            {
                net = options.Net,
                task = task.Name,
                backend = backend.Name,
                device = backend.Device,
                stored = options.Stored,
                testImages = score.Images,
                weights = score.Weights,
                accuracy = score.Accuracy,
                crossEntropy = score.CrossEntropy,
                ensembleAccuracy = score.EnsembleAccuracy,
                seconds,
            });
            return;
        }
        Console.WriteLine($"{options.Net} on {task.Name}: {score.Images} test examples, backend {backend.Name} ({backend.Device})");
        Console.WriteLine($"{(options.Stored ? "stored" : "weight"),8} {"accuracy",9} {"x-entropy",10}");
        for (int w = 0; w < weights.Length; w++)
            Console.WriteLine($"{(options.Stored ? "-" : weights[w].ToString("0.###", CultureInfo.InvariantCulture)),8} {score.Accuracy[w] * 100,8:F2}% {score.CrossEntropy[w],10:F4}");
        Console.WriteLine($"{"ensemble",8} {score.EnsembleAccuracy * 100,8:F2}%   (softmax summed over the weights)");
        Console.WriteLine($"{score.Images * weights.Length:N0} forward passes in {seconds:F3} s");
    }

    public static float[] ParseWeights(string text)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0) throw new WannException("--weights: empty list");
        return parts.Select(p => float.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out float v) && float.IsFinite(v)
            ? v
            : throw new WannException($"--weights: '{p}' is not a finite number")).ToArray();
    }

    private static void PrintTable(EvalOptions o, TaskSpec task, IBackend evaluator, IReadOnlyList<WeightRow> rows, FitnessTable table, double seconds)
    {
        Console.WriteLine($"{o.Net} on {task.Name}: {o.Episodes} episodes per weight, seed {o.Seed}, backend {evaluator.Name} ({evaluator.Device})");
        Console.WriteLine($"{(o.Stored ? "stored" : "weight"),8} {"mean",10} {"std",9} {"95% ci",9} {"min",9} {"max",9}");
        foreach (var r in rows)
            Console.WriteLine($"{(o.Stored ? "-" : r.Weight.ToString("0.###", CultureInfo.InvariantCulture)),8} {r.Mean,10:F2} {r.Std,9:F2} {"±" + r.Ci95.ToString("F2", CultureInfo.InvariantCulture),9} {r.Min,9:F2} {r.Max,9:F2}");
        Console.WriteLine($"{"all",8} {rows.Select(r => r.Mean).Mean(),10:F2}   (mean over weights)");
        Console.WriteLine($"{table.StepCount:N0} environment steps in {seconds:F3} s = {table.StepCount / seconds:N0} steps/s");
    }

    private static void PrintJson(EvalOptions o, TaskSpec task, IBackend evaluator, IReadOnlyList<WeightRow> rows, FitnessTable table, double seconds)
    {
        var doc = new
        {
            net = o.Net,
            task = task.Name,
            backend = evaluator.Name,
            device = evaluator.Device,
            stored = o.Stored,
            seed = o.Seed,
            weights = rows.Select(r => r.Weight).ToArray(),
            mean = rows.Select(r => r.Mean).ToArray(),
            std = rows.Select(r => r.Std).ToArray(),
            ci95 = rows.Select(r => r.Ci95).ToArray(),
            min = rows.Select(r => r.Min).ToArray(),
            max = rows.Select(r => r.Max).ToArray(),
            meanOverWeights = rows.Select(r => r.Mean).Mean(),
            episodes = o.Episodes,
            envSteps = table.StepCount,
            seconds,
            envStepsPerSecond = table.StepCount / seconds,
        };
        JsonOutput.Print(doc);
    }
}
