using Wann.Engine;
using Wann.Engine.Config;
using Wann.Engine.Tasks;

namespace Wann.Host.Evaluation;

/// <summary>
/// Refuses sizes this machine cannot hold before anything is allocated or written, saying how much memory
/// they would take. The figures are for the start of a search: networks grow as it goes.
/// </summary>
public static class MemoryNeed
{
    // Per genome: the object and its two lists (NodeGene 12 bytes, ConnectionGene 24 bytes with padding),
    // held three times over a generation (population, compiled programs, next generation).
    private const double GenomeOverheadBytes = 200;
    private const double NodeBytes = 16;
    private const double ConnectionBytes = 32;
    private const double Copies = 3;

    // Per evaluated lane (genome x weight x episode): reward, steps and the episode's state on the backend.
    private const double LaneBytes = 64;

    // Ranking and breeding per genome: objectives, fitness, sort order, fronts, crowding distances and
    // ranks (the two-objective sort is linear in memory), and the breeding plan.
    private const double RankingBytesPerGenome = 160;

    /// <summary>Memory a new search needs at its start, in bytes.</summary>
    public static double ForSearch(Hyperparameters settings, TaskSpec task)
    {
        double nodes = 1 + task.Shape.Inputs + task.Shape.Outputs;
        double connections = (task.Shape.Inputs + 1.0) * task.Shape.Outputs;
        double genome = Copies * (GenomeOverheadBytes + NodeBytes * nodes + ConnectionBytes * connections);
        // The generation's lanes, and a best network's re-evaluation on bestReps times as many episodes.
        double lanes = (double)settings.PopulationSize * settings.WeightCount * settings.Repetitions
                       + (double)settings.WeightCount * settings.Repetitions * settings.BestRepetitions;
        return settings.PopulationSize * (genome + RankingBytesPerGenome) + lanes * LaneBytes;
    }

    /// <summary>Memory for evaluating one network on <paramref name="lanes"/> (weight, episode) lanes, in bytes.</summary>
    public static double ForLanes(double lanes) => lanes * LaneBytes;

    /// <summary>Throws, naming <paramref name="what"/> and both figures, when <paramref name="bytes"/> exceed the memory available.</summary>
    public static void Check(double bytes, string what) => Check(bytes, what, Available());

    public static void Check(double bytes, string what, double availableBytes)
    {
        if (bytes > availableBytes)
            throw new WannException($"{what} would need about {Format(bytes)} of memory; this machine has {Format(availableBytes)}");
    }

    /// <summary>What the runtime may use: physical memory, or the container's limit where there is one.</summary>
    public static double Available() => GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;

    public static string Format(double bytes) => bytes switch
    {
        >= 1L << 50 => $"{bytes / (1L << 50):F1} PiB",
        >= 1L << 40 => $"{bytes / (1L << 40):F1} TiB",
        >= 1L << 30 => $"{bytes / (1L << 30):F1} GiB",
        >= 1L << 20 => $"{bytes / (1L << 20):F0} MiB",
        _ => $"{bytes / 1024:F0} KiB",
    };
}
