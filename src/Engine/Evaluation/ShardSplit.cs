namespace Wann.Engine.Evaluation;

/// <summary>
/// Splits a batch of genomes into contiguous ranges, one per member, in proportion to each member's
/// speed. Which member evaluates which genome never changes a result (evaluation is a pure function of
/// program, seed, generation and lane), so the split only decides how long a generation takes.
/// </summary>
public static class ShardSplit
{
    /// <summary>
    /// Genome counts per member, summing to <paramref name="genomes"/>: floor of each proportional share,
    /// the remainder handed out by largest fraction (ties to the lower index). A member of speed 0 (or not
    /// finite) gets nothing unless every member has speed 0, in which case the split is equal.
    /// </summary>
    public static int[] Counts(int genomes, IReadOnlyList<double> speeds)
    {
        if (speeds.Count == 0) throw new ArgumentException("a split needs at least one member", nameof(speeds));
        if (genomes < 0) throw new ArgumentOutOfRangeException(nameof(genomes), "genome count must not be negative");
        var weight = speeds.Select(s => double.IsFinite(s) && s > 0 ? s : 0).ToArray();
        double total = weight.Sum();
        if (total <= 0)
        {
            Array.Fill(weight, 1.0);
            total = weight.Length;
        }

        var counts = new int[weight.Length];
        var fractions = new double[weight.Length];
        int given = 0;
        for (int i = 0; i < weight.Length; i++)
        {
            double share = genomes * (weight[i] / total);
            counts[i] = (int)Math.Floor(share);
            fractions[i] = share - counts[i];
            given += counts[i];
        }
        foreach (int i in Enumerable.Range(0, weight.Length).OrderByDescending(i => fractions[i]).ThenBy(i => i).Take(genomes - given))
            counts[i]++;
        return counts;
    }
}
