using System.Diagnostics;
using System.Globalization;
using Wann.Engine.Evaluation;
using Wann.Engine;
using Wann.Host.Evaluation;
using Wann.Host.Output;

namespace Wann.Host.Commands;

/// <summary><c>wann eval --condition</c>: one condition of the paper's table over independent trials, with mean, spread and a 95 % interval.</summary>
public static class EvalConditions
{
    public static int Run(EvalOptions options)
    {
        if (options.Weights is not null || options.Stored)
            throw new WannException("--condition replaces --weights and --stored: give --condition shared:W or --condition stored");
        var condition = Condition.Parse(options.Condition!, "--condition");
        var (network, task) = NetworkAndTask.Load(options.Net, options.Task, options);
        using var scoring = TaskScoring.Open(task, options.Backend, options.Threads, options.GpuSchedule);
        var clock = Stopwatch.StartNew();
        var result = scoring.Condition(network.Genome, condition, options.Trials, options.Seed);
        double seconds = clock.Elapsed.TotalSeconds;
        double? ensemble = scoring.EnsembleAccuracy(network.Genome);
        var s = result.Summary;
        if (options.Json)
        {
            JsonOutput.Print(new
            {
                net = options.Net,
                task = task.Name,
                backend = scoring.Evaluator.Name,
                device = scoring.Evaluator.Device,
                condition = condition.Name,
                seed = options.Seed,
                trials = s.Trials,
                weight = result.Weight,
                sweepMean = result.Tuning?.ChosenMean,
                mean = s.Mean,
                std = s.Std,
                ci95 = s.Ci95,
                min = s.Min,
                max = s.Max,
                measure = scoring.Scheme.TrialMeasure,
                ensembleAccuracy = ensemble,
                envSteps = result.StepCount,
                seconds,
            });
            return 0;
        }
        string weight = result.Weight is { } w ? $", weight {w.ToString("0.####", CultureInfo.InvariantCulture)}" : "";
        Console.WriteLine($"{options.Net} on {task.Name}: condition {condition.Name}{weight}, {s.Trials} trials, seed {options.Seed}, backend {scoring.Evaluator.Name} ({scoring.Evaluator.Device})");
        foreach (string line in ScoreFormat.For(scoring.Scheme).ConditionLines(s, result.StepCount, seconds, ensemble)) Console.WriteLine(line);
        return 0;
    }
}
