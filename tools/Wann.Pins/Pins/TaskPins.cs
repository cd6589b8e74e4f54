using System.Globalization;
using Wann.Engine.Config;
using Wann.Engine.Evaluation;
using Wann.Engine.Formats;
using Wann.Engine.Programs;
using Wann.Engine.Tasks;
using Wann.Kernels.Reference;
using Wann.Kernels.Tasks;

namespace Wann.Pins.Pins;

/// <summary>
/// Per simulated task of the registry, the reference backend's fitness table (every reward's bits and the step
/// count) for <see cref="PinPopulation"/>: with shared weights at the six standard weights and with stored weights.
/// Plus one run of the original biped champion at weight -2, four full episodes. Sized to cost seconds:
/// the walker (tens of microseconds a step) gets a few networks, with episodes long enough for contacts.
/// </summary>
public sealed class TaskPins(string repositoryRoot) : IPinSet
{
    public const string ChampionPin = "biped champion";
    private const ulong Seed = 28;
    private const long Generation = 3;
    private const string BipedName = "biped";

    public string FileName => "tasks.json";

    public string About =>
        "Per simulated task, the reference backend's fitness table (reward bits, step count) of fixed synthetic networks " +
        "(tools/Wann.Pins/Pins/PinPopulation.cs) at the six standard weights (shared) and with stored weights; and the original biped champion.";

    public IReadOnlyList<string> Names { get; } = TaskRegistry.Simulated.Select(t => $"task {t.Name}").Append(ChampionPin).ToArray();

    /// <summary>
    /// Which networks of <see cref="PinPopulation"/> and how long: the first genome, genomes, repetitions and episode
    /// length per task. The walker takes networks 1 to 3 (network 0 falls within 130 steps at every weight) for up to
    /// 400 steps: measured, 10 of their 21 episodes run the 400 steps (standing, legs in contact throughout) and the
    /// others fall after 62 to 176, 5,400 steps in all.
    /// </summary>
    public static (int First, int Genomes, int Repetitions, int EpisodeLength) Size(TaskSpec task) =>
        task.Name == BipedName ? (1, 3, 1, 400) : (0, 12, 2, task.EpisodeLength);

    public Pin Compute(string name) => name == ChampionPin ? Champion() : Tables(TaskRegistry.Get(name["task ".Length..], "pin"));

    /// <summary>The shared- and stored-weight batches of a task's pin, and the two requests.</summary>
    public static (ProgramBatch Shared, EvaluationRequest SharedRequest, ProgramBatch Stored, EvaluationRequest StoredRequest) Inputs(TaskSpec task)
    {
        var (first, genomes, repetitions, length) = Size(task);
        var population = PinPopulation.Build(task.Shape, first, genomes);
        var spec = task with { EpisodeLength = length };
        return (ProgramBatch.Compile(population, WeightMode.Shared), new EvaluationRequest(spec, StandardWeights.Copy(), repetitions, Seed, Generation),
                ProgramBatch.Compile(population, WeightMode.Stored), new EvaluationRequest(spec, new[] { 1f }, repetitions, Seed + 1, Generation));
    }

    private static Pin Tables(TaskSpec task)
    {
        var (shared, sharedRequest, stored, storedRequest) = Inputs(task);
        using var reference = new ReferenceEvaluator(Environment.ProcessorCount);
        var sharedTable = reference.Evaluate(shared, sharedRequest);
        var storedTable = reference.Evaluate(stored, storedRequest);
        using var hasher = new BitHasher();
        foreach (var table in new[] { sharedTable, storedTable })
        {
            hasher.Add(table.Rewards);
            hasher.Add(table.StepCount);
        }
        var (_, genomes, repetitions, length) = Size(task);
        var values = new List<KeyValuePair<string, string>>
        {
            new("shared: steps", Text(sharedTable.StepCount)),
            new("shared: fitness of the first network", Text(sharedTable.Fitness(0))),
            new("stored: steps", Text(storedTable.StepCount)),
            new("stored: fitness of the first network", Text(storedTable.Fitness(0))),
        };
        return new Pin($"task {task.Name}",
            $"{genomes} networks x (6 shared weights + stored weights) x {repetitions} episodes of at most {length} steps, seed {Seed}, generation {Generation}",
            hasher.Hex(), values);
    }

    /// <summary>The original biped champion (reference/wann-original/biped.out) at weight -2: four full episodes.</summary>
    public static (ProgramBatch Batch, EvaluationRequest Request) ChampionInputs(string repositoryRoot)
    {
        var task = TaskRegistry.Get(BipedName, "pin");
        var genome = OutMatrixFormat.Parse(File.ReadAllText(Path.Combine(repositoryRoot, "reference", "wann-original", "biped.out")), task.Shape, "biped.out");
        return (ProgramBatch.CompileOne(genome, WeightMode.Shared), new EvaluationRequest(task, new[] { -2f }, 4, Seed, 0));
    }

    private Pin Champion()
    {
        var (batch, request) = ChampionInputs(repositoryRoot);
        using var reference = new ReferenceEvaluator(Environment.ProcessorCount);
        var table = reference.Evaluate(batch, request);
        using var hasher = new BitHasher();
        hasher.Add(table.Rewards);
        hasher.Add(table.StepCount);
        var values = table.Rewards.Select((r, i) => KeyValuePair.Create($"episode {i} reward", FunctionPins.Text(r)))
            .Append(KeyValuePair.Create("steps", Text(table.StepCount))).ToList();
        return new Pin(ChampionPin, $"reference/wann-original/biped.out at weight -2, 4 episodes of at most {request.Task.EpisodeLength} steps, seed {Seed}",
            hasher.Hex(), values);
    }

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
    private static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
