using System.Text.Json;
using Wann.Engine.Search;

namespace Wann.Host.Output;

/// <summary>One JSON object per generation, as written to log.jsonl.</summary>
public static class GenerationLog
{
    public static string Line(GenerationReport r) => JsonSerializer.Serialize(new
    {
        generation = r.Generation,
        bestFitness = Finite(r.BestFitness),
        medianFitness = Finite(r.MedianFitness),
        topRankedFitness = Finite(r.TopRankedFitness),
        bestFitMax = Finite(r.BestFitMax),
        runBestFitness = r.RunBestFitness,
        newBest = r.NewBest,
        medianNodes = r.MedianNodes,
        medianConnections = r.MedianConnections,
        objective = r.MooObjective ? "fitness,1/connections" : "fitness,fitMax",
        evaluatedLanes = r.EvaluatedLanes,
        envSteps = r.EnvironmentSteps,
        nonFiniteLanes = r.NonFiniteLanes,
        seconds = new { evaluate = r.EvaluateSeconds, rankBreed = r.RankBreedSeconds, compile = r.CompileSeconds, total = r.TotalSeconds },
        lanesPerSecond = r.EvaluatedLanes / Math.Max(r.EvaluateSeconds, 1e-9),
        envStepsPerSecond = r.EnvironmentSteps / Math.Max(r.EvaluateSeconds, 1e-9),
    });

    // JSON has no infinity: a generation whose every lane was non-finite logs null.
    private static double? Finite(double value) => double.IsFinite(value) ? value : null;
}
