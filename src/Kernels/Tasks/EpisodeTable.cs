using Wann.Engine.Evaluation;

namespace Wann.Kernels.Tasks;

/// <summary>
/// The episode data of one evaluation, computed once on the host, so every backend and every genome runs
/// repetition r on bit-identical data. Layout: <c>Values[repetition * Size + index]</c>.
/// </summary>
public sealed class EpisodeTable
{
    public int Repetitions { get; }
    public int Size { get; }
    public float[] Values { get; }

    private EpisodeTable(int repetitions, int size, float[] values)
    {
        Repetitions = repetitions;
        Size = size;
        Values = values;
    }

    /// <summary>Offset of repetition <paramref name="repetition"/>'s data in <see cref="Values"/>.</summary>
    public int OffsetOf(int repetition) => repetition * Size;

    /// <summary>Given data (a recorded terrain, a test's start state): <paramref name="values"/> holds <paramref name="repetitions"/> episodes of <paramref name="size"/> floats.</summary>
    public static EpisodeTable FromValues(int repetitions, int size, float[] values)
    {
        if (repetitions < 1 || size < 0 || values.Length < Math.Max(1, repetitions * size))
            throw new ArgumentException($"{values.Length} values cannot hold {repetitions} episodes of {size}", nameof(values));
        return new EpisodeTable(repetitions, size, values);
    }

    public static EpisodeTable Compute(IRolloutTask task, EvaluationRequest request) =>
        Compute(task, request.Seed, request.Generation, request.Repetitions);

    public static EpisodeTable Compute(IRolloutTask task, ulong seed, long generation, int repetitions)
    {
        int size = task.EpisodeSize;
        // One element at least, so a device buffer for it is never empty.
        var values = new float[Math.Max(1, size * repetitions)];
        for (int r = 0; r < repetitions; r++)
            task.WriteEpisode(seed, generation, r, values.AsSpan(r * size, size));
        return new EpisodeTable(repetitions, size, values);
    }
}
