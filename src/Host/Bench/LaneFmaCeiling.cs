using System.Numerics;

namespace Wann.Host.Bench;

/// <summary>
/// The machine's peak lane multiply-add rate with the CPU backend's vector width, on all cores: eight
/// independent FMA chains per core, so the loop is bound by FMA throughput, not latency.
/// </summary>
public static class LaneFmaCeiling
{
    private const int Iterations = 4_000_000;

    /// <summary>Lane FMAs performed by one call on every core (the unit of work for <see cref="Measurement"/>).</summary>
    public static long RunOnAllCores()
    {
        int cores = Environment.ProcessorCount;
        var sinks = new float[cores];
        Parallel.For(0, cores, new ParallelOptions { MaxDegreeOfParallelism = cores }, core => sinks[core] = Chains(Iterations));
        if (sinks.Any(float.IsNaN)) throw new InvalidOperationException("FMA chains produced NaN");
        return (long)cores * Iterations * 8 * Vector<float>.Count;
    }

    private static float Chains(int iterations)
    {
        var m = new Vector<float>(0.9999999f);
        var c = new Vector<float>(1e-7f);
        Vector<float> a0 = new(1f), a1 = new(1.1f), a2 = new(1.2f), a3 = new(1.3f), a4 = new(1.4f), a5 = new(1.5f), a6 = new(1.6f), a7 = new(1.7f);
        for (int i = 0; i < iterations; i++)
        {
            a0 = Vector.FusedMultiplyAdd(a0, m, c);
            a1 = Vector.FusedMultiplyAdd(a1, m, c);
            a2 = Vector.FusedMultiplyAdd(a2, m, c);
            a3 = Vector.FusedMultiplyAdd(a3, m, c);
            a4 = Vector.FusedMultiplyAdd(a4, m, c);
            a5 = Vector.FusedMultiplyAdd(a5, m, c);
            a6 = Vector.FusedMultiplyAdd(a6, m, c);
            a7 = Vector.FusedMultiplyAdd(a7, m, c);
        }
        return Vector.Sum(a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7);
    }
}
