using Wann.Engine.Evaluation;

namespace Wann.Kernels.Tasks;

/// <summary>
/// Start states of one evaluation, computed once on the host from the counter-based generator, so every
/// backend and every genome starts repetition r from bit-identical values.
/// Layout: <c>Values[component * Repetitions + repetition]</c>.
/// </summary>
public sealed class EpisodeStarts
{
    public int Repetitions { get; }
    public int Components { get; }
    public float[] Values { get; }

    private EpisodeStarts(int repetitions, int components, float[] values)
    {
        Repetitions = repetitions;
        Components = components;
        Values = values;
    }

    public float this[int component, int repetition] => Values[component * Repetitions + repetition];

    public static EpisodeStarts Compute(IRolloutTask task, EvaluationRequest request)
    {
        int r = request.Repetitions, k = task.StartSize;
        var values = new float[k * r];
        for (int c = 0; c < k; c++)
            for (int rep = 0; rep < r; rep++)
                values[c * r + rep] = task.StartComponent(request.Seed, request.Generation, rep, c);
        return new EpisodeStarts(r, k, values);
    }
}
