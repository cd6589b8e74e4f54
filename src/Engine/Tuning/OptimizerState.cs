namespace Wann.Engine.Tuning;

/// <summary>
/// An optimiser's whole state as named arrays of doubles (scalars are arrays of one), so one checkpoint
/// writer serves every optimiser. Doubles are written in round-trip form, so a restored state is exact.
/// </summary>
public sealed record OptimizerState(string Name, int Dimension, int PopulationSize, ulong Seed, long Generation, IReadOnlyDictionary<string, double[]> Arrays)
{
    /// <summary>The named array, checked for length; a missing or wrong one is a damaged checkpoint.</summary>
    public double[] Get(string key, int length)
    {
        if (!Arrays.TryGetValue(key, out var values)) throw new WannException($"optimizer state: field '{key}' is missing");
        if (values.Length != length) throw new WannException($"optimizer state: field '{key}' has {values.Length} values, expected {length}");
        return (double[])values.Clone();
    }
}
