using Wann.Engine.Randomness;

namespace Wann.Kernels.Tasks;

/// <summary>
/// Episode start values drawn on the host from the engine's counter-based generator: component c of a
/// repetition is low + width x U(seed, generation, repetition, c), computed in double and rounded to float
/// (as gym's <c>np_random.uniform</c> draws them), so every backend and thread order sees the same starts.
/// </summary>
public static class UniformStart
{
    /// <summary>One component: low + width x U, rounded to float.</summary>
    public static float Component(ulong seed, long generation, int repetition, int component, double low, double width) =>
        (float)(low + width * CounterRandom.Uniform(seed, (ulong)generation, (ulong)repetition, (ulong)component));

    /// <summary>Every component of <paramref name="episode"/> from the same range.</summary>
    public static void Fill(Span<float> episode, ulong seed, long generation, int repetition, double low, double width)
    {
        for (int c = 0; c < episode.Length; c++) episode[c] = Component(seed, generation, repetition, c, low, width);
    }
}
