namespace Wann.Engine.Randomness;

/// <summary>
/// Counter-based randomness: a value is a pure function of its key (seed, generation, episode, index),
/// so results never depend on which thread or device computes them. Device-friendly static code.
/// </summary>
public static class CounterRandom
{
    /// <summary>SplitMix64 step: advances <paramref name="state"/> and returns a well-mixed word.</summary>
    public static ulong SplitMix(ref ulong state)
    {
        state += 0x9E3779B97F4A7C15UL;
        return Mix(state);
    }

    /// <summary>The SplitMix64 finaliser, a bijective 64-bit mixer.</summary>
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    public static ulong Hash(ulong seed, ulong a, ulong b, ulong c) =>
        Mix(Mix(Mix(Mix(seed) ^ a) ^ (b * 0x9E3779B97F4A7C15UL)) ^ (c * 0xD1B54A32D192ED03UL));

    /// <summary>Uniform double in (0, 1): never 0, so it is safe inside a logarithm.</summary>
    public static double Uniform(ulong seed, ulong a, ulong b, ulong c) =>
        ((Hash(seed, a, b, c) >> 11) + 0.5) * (1.0 / (1UL << 53));

    /// <summary>Standard normal draw number <paramref name="index"/> under key (seed, a, b), by Box-Muller.</summary>
    public static double StandardNormal(ulong seed, ulong a, ulong b, ulong index)
    {
        double u1 = Uniform(seed, a, b, 2 * index);
        double u2 = Uniform(seed, a, b, 2 * index + 1);
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
