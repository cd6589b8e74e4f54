using Wann.Engine.Randomness;

namespace Wann.Engine.Tuning;

/// <summary>
/// Seeds of the independent random streams of conditions and tuning, derived from the user's seed with the
/// counter-based generator, so the episodes a weight is chosen on are never the ones it is scored on.
/// The trials of <c>wann eval</c> use the user's seed itself (generation 0), as plain <c>eval</c> does.
/// </summary>
public static class RandomStreams
{
    /// <summary>Per-connection weights of the random-weights condition: key (stream, trial, connection).</summary>
    public const ulong RandomWeights = 0x7261_6E64_7700;
    /// <summary>One shared weight per trial of the random-shared condition.</summary>
    public const ulong RandomShared = 0x7261_6E64_7301;
    /// <summary>Episodes the shared-weight sweep chooses on.</summary>
    public const ulong SharedSweep = 0x7377_6565_7002;
    /// <summary>Episodes of the candidates of every tuning generation (the generation is the key's second part).</summary>
    public const ulong TuningEpisodes = 0x7475_6E65_0003;
    /// <summary>The optimiser's own perturbations.</summary>
    public const ulong Optimizer = 0x6F70_7469_6D04;
    /// <summary>Episodes the tuned weights' centre is checked on to keep the best.</summary>
    public const ulong Validation = 0x7661_6C69_6405;
    /// <summary>Fresh episodes the result of a tuning run is scored on.</summary>
    public const ulong Test = 0x7465_7374_0006;

    public static ulong Seed(ulong seed, ulong stream) => CounterRandom.Hash(seed, stream, 0, 0);

    /// <summary>Uniform in [-cap, cap], a pure function of (seed, stream, a, b).</summary>
    public static double Uniform(ulong seed, ulong stream, ulong a, ulong b, double cap) =>
        (2 * CounterRandom.Uniform(seed, stream, a, b) - 1) * cap;
}
