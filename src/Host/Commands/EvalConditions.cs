using System.Diagnostics;
using System.Globalization;
using Wann.Engine.Config;
using Wann.Engine.Evaluation;
using Wann.Engine.Programs;
using Wann.Engine.Tasks;
using Wann.Engine.Tuning;
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
        using var session = TuningSession.Open(task, options.Backend, options.Threads);
        var clock = Stopwatch.StartNew();
        var result = Score(network.Genome, task, session, condition, options.Trials, options.Seed);
        double seconds = clock.Elapsed.TotalSeconds;
        double? ensemble = session.Data is { } data
            ? ClassificationScore.Of(network.Genome, WeightMode.Shared, StandardWeights.Copy(), data.Test, session.Forward!).EnsembleAccuracy
            : null;
        var s = result.Summary;
        if (options.Json)
        {
            JsonOutput.Print(new
            {
                net = options.Net,
                task = task.Name,
                backend = session.Evaluator.Name,
                device = session.Evaluator.Device,
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
                measure = session.Data is null ? "episode reward" : "test accuracy",
                ensembleAccuracy = ensemble,
                envSteps = result.StepCount,
                seconds,
            });
            return 0;
        }
        string weight = result.Weight is { } w ? $", weight {w.ToString("0.####", CultureInfo.InvariantCulture)}" : "";
        Console.WriteLine($"{options.Net} on {task.Name}: condition {condition.Name}{weight}, {s.Trials} trials, seed {options.Seed}, backend {session.Evaluator.Name} ({session.Evaluator.Device})");
        if (session.Data is null)
        {
            Console.WriteLine($"{"mean",10} {"std",9} {"95% ci",9} {"min",9} {"max",9}");
            Console.WriteLine($"{s.Mean,10:F2} {s.Std,9:F2} {"±" + s.Ci95.ToString("F2", CultureInfo.InvariantCulture),9} {s.Min,9:F2} {s.Max,9:F2}");
            Console.WriteLine($"{result.StepCount:N0} environment steps in {seconds:F3} s");
        }
        else
        {
            Console.WriteLine($"test accuracy {s.Mean * 100:F2} % ± {s.Std * 100:F2} (95% ci ±{s.Ci95 * 100:F2}, min {s.Min * 100:F2} %, max {s.Max * 100:F2} %)");
            Console.WriteLine($"ensemble over the six weights {ensemble!.Value * 100:F2} %; {seconds:F3} s");
        }
        return 0;
    }

    /// <summary>One condition on the session's backend: episodes for rollout tasks, test accuracy for classification.</summary>
    public static ConditionResult Score(Engine.Genomes.Genome genome, TaskSpec task, TuningSession session, Condition condition, int trials, ulong seed) =>
        session.Data is { } data
            ? ConditionTrials.Classification(genome, data, session.Forward!, condition, trials, seed)
            : ConditionTrials.Rollouts(genome, task, session.Evaluator, condition, trials, seed);
}
