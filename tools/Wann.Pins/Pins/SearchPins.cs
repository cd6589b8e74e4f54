using System.Globalization;
using Wann.Engine.Config;
using Wann.Engine.Evaluation;
using Wann.Engine.Genomes;
using Wann.Engine.Search;
using Wann.Kernels.Reference;
using Wann.Kernels.Tasks;

namespace Wann.Pins.Pins;

/// <summary>
/// A 20-generation search on a cheap task: what each generation reported (every figure but the timings), the
/// final population gene by gene, the innovation counters, the run's best network and the generator's state.
/// </summary>
public sealed class SearchPins : IPinSet
{
    public const string TrajectoryPin = "search pendulum 20 generations";
    private const ulong Seed = 2026;

    /// <summary>The pinned run's settings: the original's defaults but for a small population and few re-evaluations.</summary>
    public static Hyperparameters Settings { get; } = new()
    {
        Task = "pendulum", PopulationSize = 32, Repetitions = 2, MaxGenerations = 20, SaveEvery = 4, BestRepetitions = 2,
    };

    public string FileName => "search.json";

    public string About => "A 20-generation search (tools/Wann.Pins/Pins/SearchPins.cs): per-generation figures, final population, counters, best network, generator state.";

    public IReadOnlyList<string> Names { get; } = new[] { TrajectoryPin };

    public Pin Compute(string name) => name == TrajectoryPin
        ? Run(new ReferenceEvaluator(Environment.ProcessorCount))
        : throw new ArgumentException($"no search pin '{name}'", nameof(name));

    /// <summary>The pinned run on <paramref name="backend"/> (disposed here): every backend must give the same pin.</summary>
    public static Pin Run(IEvaluator backend)
    {
        using var evaluator = backend;
        var task = TaskRegistry.Get(Settings.Task, "pin");
        var search = new WannSearch(Settings, task, evaluator);
        var state = WannSearch.NewRun(Settings, task, Seed);
        using var hasher = new BitHasher();
        var values = new List<KeyValuePair<string, string>>();
        while (state.Generation < Settings.MaxGenerations)
        {
            var r = search.Step(state);
            AddReport(hasher, r);
            values.Add(KeyValuePair.Create($"generation {r.Generation:00}",
                $"best {Text(r.BestFitness)}, median {Text(r.MedianFitness)}, top-ranked {Text(r.TopRankedFitness)}, best fitMax {Text(r.BestFitMax)}, " +
                $"nodes {Text(r.MedianNodes)}, connections {Text(r.MedianConnections)}, lanes {r.EvaluatedLanes}, steps {r.EnvironmentSteps}, " +
                $"non-finite {r.NonFiniteLanes}, moo {r.MooObjective}, run best {(r.RunBestFitness is { } b ? Text(b) : "none")}, new best {r.NewBest}"));
        }
        foreach (var genome in state.Population) AddGenome(hasher, genome);
        hasher.Add(state.Counter.NextNodeId);
        hasher.Add(state.Counter.NextInnovation);
        var best = state.Best ?? throw new InvalidOperationException("the pinned search found no best network");
        hasher.Add(best.Fitness);
        hasher.Add(best.Generation);
        AddGenome(hasher, best.Genome);
        foreach (ulong word in state.Random.State) hasher.Add(word);

        values.Add(KeyValuePair.Create("population", $"{state.Population.Count} genomes, {state.Population.Sum(g => g.Connections.Count)} connection genes"));
        values.Add(KeyValuePair.Create("counters", $"next node {state.Counter.NextNodeId}, next innovation {state.Counter.NextInnovation}"));
        values.Add(KeyValuePair.Create("best", $"fitness {Text(best.Fitness)} from generation {best.Generation}"));
        values.Add(KeyValuePair.Create("generator", string.Join(" ", state.Random.State.Select(w => w.ToString("x16", CultureInfo.InvariantCulture)))));
        return new Pin(TrajectoryPin, $"task {Settings.Task}, population {Settings.PopulationSize}, {Settings.Repetitions} repetitions, seed {Seed}, {Settings.MaxGenerations} generations",
            hasher.Hex(), values);
    }

    private static void AddReport(BitHasher hasher, GenerationReport r)
    {
        hasher.Add(r.Generation);
        hasher.Add(r.BestFitness);
        hasher.Add(r.MedianFitness);
        hasher.Add(r.TopRankedFitness);
        hasher.Add(r.BestFitMax);
        hasher.Add(r.MedianNodes);
        hasher.Add(r.MedianConnections);
        hasher.Add(r.EvaluatedLanes);
        hasher.Add(r.EnvironmentSteps);
        hasher.Add(r.NonFiniteLanes);
        hasher.Add(r.MooObjective);
        hasher.Add(r.RunBestFitness ?? double.NegativeInfinity);
        hasher.Add(r.RunBestFitness.HasValue);
        hasher.Add(r.NewBest);
    }

    private static void AddGenome(BitHasher hasher, Genome genome)
    {
        hasher.Add(genome.Nodes.Count);
        foreach (var node in genome.Nodes)
        {
            hasher.Add(node.Id);
            hasher.Add((int)node.Kind);
            hasher.Add((int)node.Activation);
        }
        hasher.Add(genome.Connections.Count);
        foreach (var c in genome.Connections)
        {
            hasher.Add(c.Innovation);
            hasher.Add(c.Source);
            hasher.Add(c.Destination);
            hasher.Add(c.Enabled);
            hasher.Add(c.Weight);
        }
    }

    private static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
