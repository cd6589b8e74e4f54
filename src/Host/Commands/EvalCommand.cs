using System.Globalization;
using Wann.Engine.Config;
using Wann.Engine.Programs;
using Wann.Engine;
using Wann.Host.Evaluation;
using Wann.Host.Output;

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
        using var scoring = TaskScoring.Open(task, options.Backend, options.Threads, options.GpuSchedule);
        var scores = scoring.Score(network.Genome, options.Stored ? WeightMode.Stored : WeightMode.Shared, weights, options.Episodes, options.Seed);
        if (options.Json) JsonOutput.Print(scores.Json(options.Net, options.Stored, options.Seed, scoring.Backend));
        else foreach (string line in scores.TextLines(options.Net, options.Stored, options.Seed, scoring.Backend)) Console.WriteLine(line);
        return 0;
    }

    public static float[] ParseWeights(string text)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0) throw new WannException("--weights: empty list");
        return parts.Select(p => float.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out float v) && float.IsFinite(v)
            ? v
            : throw new WannException($"--weights: '{p}' is not a finite number")).ToArray();
    }
}
