namespace Wann.Pins.Pins;

/// <summary>SplitMix64, written here so no change to the engine's generators can move what the pins are computed on.</summary>
internal struct PinRandom(ulong seed)
{
    private ulong _state = seed;

    public ulong Next()
    {
        ulong z = _state += 0x9E3779B97F4A7C15;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return z ^ (z >> 31);
    }

    /// <summary>An integer in [0, n) (the tiny modulo bias is irrelevant here: only fixedness matters).</summary>
    public int Next(int n) => (int)(Next() % (ulong)n);

    /// <summary>Uniform in [0, 1) with 53 bits.</summary>
    public double NextDouble() => (Next() >> 11) * (1.0 / (1UL << 53));
}
