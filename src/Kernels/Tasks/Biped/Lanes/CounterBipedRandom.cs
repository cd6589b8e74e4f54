using Wann.Engine.Randomness;

namespace Wann.Kernels.Tasks.Biped.Lanes;

/// <summary>
/// The terrain generator's draws from the engine's counter-based generator, keyed by (seed, generation,
/// repetition): draw k is <see cref="CounterRandom.Uniform"/>(seed, generation, repetition, k), so every genome
/// of a generation meets the same terrains (common random numbers) and no draw depends on thread order.
/// </summary>
public sealed class CounterBipedRandom(ulong seed, long generation, int repetition) : IBipedRandom
{
    private ulong _counter;

    private double Next() => CounterRandom.Uniform(seed, (ulong)generation, (ulong)repetition, _counter++);

    /// <inheritdoc/>
    public double Uniform(double low, double high) => low + (high - low) * Next();

    /// <inheritdoc/>
    public int Integer(int low, int high) => low + (int)Math.Floor((high - low) * Next());
}
