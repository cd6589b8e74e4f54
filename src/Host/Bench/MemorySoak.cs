using System.Diagnostics;
using Wann.Engine.Config;
using Wann.Engine.Evaluation;
using Wann.Engine.Search;
using Wann.Kernels.Tasks;

namespace Wann.Host.Bench;

/// <summary>Managed heap (after a full collection) and working set at one moment of a long run.</summary>
public sealed record MemorySample(long Generation, long ManagedBytes, long WorkingSetBytes);

/// <summary>Memory at the start (after warm-up) and end of a long small search: it should stay flat.</summary>
public sealed record SoakResult(int Generations, int Population, MemorySample Start, MemorySample End, double Seconds)
{
    public double ManagedGrowthBytesPerGeneration => (End.ManagedBytes - Start.ManagedBytes) / (double)Math.Max(1, End.Generation - Start.Generation);
}

/// <summary>
/// Runs thousands of generations of a small swing-up search (200-step episodes) and samples memory once
/// the run has warmed up and again at the end.
/// </summary>
public static class MemorySoak
{
    public static SoakResult Run(IEvaluator backend, int generations, Action<string> progress)
    {
        var settings = HyperparameterLoader.Validate(new Hyperparameters { PopulationSize = 64, Repetitions = 2, MaxGenerations = generations, EliteRatio = 0.05, TournamentSize = 4 }, "soak");
        var state = WannSearch.NewRun(settings, CartPoleSwingUp.HardSpec, 1);
        var search = new WannSearch(settings, CartPoleSwingUp.HardSpec, backend);
        int warmup = Math.Min(100, generations / 10);
        var clock = Stopwatch.StartNew();
        MemorySample? start = null;
        for (int g = 0; g < generations; g++)
        {
            search.Step(state);
            if (g + 1 == warmup) start = Sample(state.Generation);
            if ((g + 1) % 500 == 0) progress($"soak: generation {g + 1} of {generations}");
        }
        return new SoakResult(generations, settings.PopulationSize, start ?? Sample(0), Sample(state.Generation), clock.Elapsed.TotalSeconds);
    }

    private static MemorySample Sample(long generation)
    {
        long managed = GC.GetTotalMemory(forceFullCollection: true);
        using var process = Process.GetCurrentProcess();
        return new MemorySample(generation, managed, process.WorkingSet64);
    }
}
