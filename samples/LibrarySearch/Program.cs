using Wann.Engine.Config;
using Wann.Engine.Formats;
using Wann.Engine.Programs;
using Wann.Engine.Search;
using Wann.Kernels.Backends;
using Wann.Kernels.Tasks;

namespace Wann.Samples.LibrarySearch;

/// <summary>
/// Searches for a weight agnostic cart-pole controller from code: settings, a backend, the search loop,
/// then the best network run on one observation and saved in both network formats.
/// Run: dotnet run --project samples/LibrarySearch -- OUTPUT_FOLDER
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        string folder = args.Length > 0 ? args[0] : "library-search";
        Directory.CreateDirectory(folder);

        // The original's hyperparameters with a few changed; every key of default_wan.json is a property.
        var settings = new Hyperparameters { Task = "cartpole", PopulationSize = 48, MaxGenerations = 12, Repetitions = 2 };
        var task = TaskRegistry.Get(settings.Task, "sample");
        using var backend = BackendFactory.Create(BackendKind.Cpu);
        var search = new WannSearch(settings, task, backend);
        var state = WannSearch.NewRun(settings, task, seed: 7);

        while (state.Generation < settings.MaxGenerations)
        {
            var report = search.Step(state);
            Console.WriteLine($"generation {report.Generation}: best {report.BestFitness:F1}, median {report.MedianFitness:F1}");
        }

        var best = state.Best ?? throw new InvalidOperationException("the search kept no best network");
        Console.WriteLine($"best network: fitness {best.Fitness:F1}, {best.Genome.Nodes.Count} nodes, {best.Genome.EnabledConnectionCount} connections");

        // The network on one observation (x, x_dot, theta, theta_dot) at shared weight 1: push left or right?
        var program = ProgramCompiler.Compile(best.Genome, WeightMode.Shared);
        var outputs = ReferenceInterpreter.Evaluate(program, new[] { 0f, 0f, 0.05f, 0f }, 1f);
        Console.WriteLine($"pole leaning right: {(outputs[1] > outputs[0] ? "push right" : "push left")} (outputs {outputs[0]:G4}, {outputs[1]:G4})");

        var file = new NetworkFile(best.Genome, task.Name, new Provenance("samples/LibrarySearch", best.Generation, best.Fitness, 7));
        NetworkFiles.Save(Path.Combine(folder, "best.json"), file);
        NetworkFiles.Save(Path.Combine(folder, "best.out"), file);
        Console.WriteLine($"saved {Path.Combine(folder, "best.json")} and best.out");
        return 0;
    }
}
