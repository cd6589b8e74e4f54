using System.Text.Json;
using Wann.Engine.Search;

namespace Wann.Host.Output;

/// <summary>One JSON object per generation, as written to log.jsonl.</summary>
public static class GenerationLog
{
    /// <summary>The log line; <paramref name="test"/> (classification runs) adds the run-best network's test accuracy and cross-entropy.</summary>
    public static string Line(GenerationReport r, (double Accuracy, double CrossEntropy)? test = null)
    {
        string line = Line(r);
        if (test is not { } t) return line;
        var node = System.Text.Json.Nodes.JsonNode.Parse(line)!.AsObject();
        node["testAccuracy"] = t.Accuracy;
        node["testCrossEntropy"] = Finite(t.CrossEntropy);
        return node.ToJsonString();
    }

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
        // The process's peak resident memory so far: what a large population really takes.
        peakMemoryBytes = System.Diagnostics.Process.GetCurrentProcess().PeakWorkingSet64,
    });

    // JSON has no infinity: a generation whose every lane was non-finite logs null.
    private static double? Finite(double value) => double.IsFinite(value) ? value : null;
}
