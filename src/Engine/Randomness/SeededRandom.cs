using System.Numerics;

namespace Wann.Engine.Randomness;

/// <summary>
/// The search's one source of randomness (xoshiro256**), passed explicitly so a seed reproduces a run.
/// Its whole state is four words, which checkpoints save and restore.
/// </summary>
public sealed class SeededRandom
{
    private ulong _s0, _s1, _s2, _s3;

    public SeededRandom(ulong seed) => Reseed(seed);

    /// <summary>Restarts the generator as if newly made from <paramref name="seed"/> (lets a worker reuse one instance).</summary>
    public void Reseed(ulong seed)
    {
        ulong x = seed;
        _s0 = CounterRandom.SplitMix(ref x);
        _s1 = CounterRandom.SplitMix(ref x);
        _s2 = CounterRandom.SplitMix(ref x);
        _s3 = CounterRandom.SplitMix(ref x);
    }

    private SeededRandom(ulong[] state) => (_s0, _s1, _s2, _s3) = (state[0], state[1], state[2], state[3]);

    public ulong[] State => new[] { _s0, _s1, _s2, _s3 };

    public static SeededRandom FromState(ulong[] state)
    {
        if (state is not { Length: 4 } || (state[0] | state[1] | state[2] | state[3]) == 0)
            throw new WannException("random state must be four words, not all zero");
        return new SeededRandom(state);
    }

    public ulong NextUInt64()
    {
        ulong result = BitOperations.RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = BitOperations.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform integer in [0, n), without modulo bias.</summary>
    public int NextInt(int n) => NextInt(new IntBound(n));

    /// <summary>As <see cref="NextInt(int)"/> below a bound prepared once for many draws (tournaments draw thousands below one pool size).</summary>
    public int NextInt(IntBound n)
    {
        while (true)
        {
            ulong r = NextUInt64();
            if (r >= n.Threshold) return (int)(r % n.Bound);
        }
    }

    /// <summary>Fisher-Yates shuffle in place.</summary>
    public void Shuffle<T>(IList<T> items)
    {
        for (int i = items.Count - 1; i > 0; i--)
        {
            int j = NextInt(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}

/// <summary>An exclusive upper bound for <see cref="SeededRandom.NextInt(IntBound)"/> with its rejection threshold worked out.</summary>
public readonly struct IntBound
{
    public ulong Bound { get; }

    /// <summary>Draws below this are rejected, so every value below the bound is equally likely (2^64 mod bound of them).</summary>
    public ulong Threshold { get; }

    public IntBound(int n)
    {
        if (n <= 0) throw new ArgumentOutOfRangeException(nameof(n));
        Bound = (ulong)n;
        Threshold = (0UL - Bound) % Bound;
    }
}
