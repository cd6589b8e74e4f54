using System.Globalization;
using Wann.Engine.Config;
using Wann.Engine.Datasets;
using Wann.Engine.Evaluation;
using Wann.Engine.Genomes;
using Wann.Engine.Search;
using Wann.Engine.Tasks;
using Wann.Kernels.Reference;
using Wann.Kernels.Tasks;

namespace Wann.Pins.Pins;

/// <summary>
/// 20-generation searches, one on a cheap rollout task and one on a classification data set kept in the repository
/// (iris): what each generation reported (every figure but the timings), the final population gene by gene, the
/// innovation counters, the run's best network and the generator's state.
/// </summary>
public sealed class SearchPins(string repositoryRoot) : IPinSet
{
    public const string TrajectoryPin = "search pendulum 20 generations";
    public const string ClassificationPin = "search iris 20 generations";
    private const ulong Seed = 2026;

    /// <summary>The classification run's settings: the rollout run's, on the csv task.</summary>
    public static Hyperparameters ClassificationSettings => Settings with { Task = CsvTask.Name };

    /// <summary>The pinned run's settings: the original's defaults but for a small population and few re-evaluations.</summary>
    public static Hyperparameters Settings { get; } = new()
    {
        Task = "pendulum", PopulationSize = 32, Repetitions = 2, MaxGenerations = 20, SaveEvery = 4, BestRepetitions = 2,
    };

    public string FileName => "search.json";

    public string About => "20-generation searches (tools/Wann.Pins/Pins/SearchPins.cs): per-generation figures, final population, counters, best network, generator state.";

    public IReadOnlyList<string> Names { get; } = new[] { TrajectoryPin, ClassificationPin };

    public Pin Compute(string name) => name switch
    {
        TrajectoryPin => Run(new ReferenceEvaluator(Environment.ProcessorCount)),
        ClassificationPin => RunClassification(new ReferenceEvaluator(Environment.ProcessorCount), repositoryRoot),
        _ => throw new ArgumentException($"no search pin '{name}'", nameof(name)),
    };

    /// <summary>The pinned rollout run on <paramref name="backend"/> (disposed here): every backend must give the same pin.</summary>
    public static Pin Run(IEvaluator backend) =>
        Run(TrajectoryPin, Settings, TaskRegistry.Get(Settings.Task, "pin"), backend);

    /// <summary>
    /// The pinned classification run on <paramref name="backend"/> (disposed here): iris (tests/data/iris), trained and
    /// tested on its 150 rows, fitness the classification scores every backend computes alike (ARCHITECTURE.md rule 8).
    /// </summary>
    public static Pin RunClassification(IBackend backend, string repositoryRoot)
    {
        string iris = Path.Combine(repositoryRoot, "tests", "data", "iris", "iris.csv");
        var dataset = new CsvClassificationSource(iris, iris, null, CsvScaling.Standard).Load();
        return Run(ClassificationPin, ClassificationSettings, CsvTask.From(dataset), new ClassificationEvaluator(backend, dataset.Data));
    }

    private static Pin Run(string name, Hyperparameters settings, TaskSpec task, IEvaluator backend)
    {
        using var evaluator = backend;
        var search = new WannSearch(settings, task, evaluator);
        var state = WannSearch.NewRun(settings, task, Seed);
        using var hasher = new BitHasher();
        var values = new List<KeyValuePair<string, string>>();
        while (state.Generation < settings.MaxGenerations)
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
        return new Pin(name, $"task {task.Name}, population {settings.PopulationSize}, {settings.Repetitions} repetitions, seed {Seed}, {settings.MaxGenerations} generations",
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
