namespace Wann.Engine.Tuning;

/// <summary>
/// Fitness shaping by rank: the worst value maps to -0.5, the best to +0.5, evenly spaced between, so the
/// update does not depend on the reward's scale or outliers (estool's <c>compute_centered_ranks</c>, which
/// WANNTool's PEPG uses). Ties are ranked by index, so the result is deterministic; NaN ranks lowest.
/// </summary>
public static class CenteredRanks
{
    public static double[] Of(IReadOnlyList<double> values)
    {
        int n = values.Count;
        var order = Enumerable.Range(0, n).ToArray();
        Array.Sort(order, (a, b) =>
        {
            int c = Key(values[a]).CompareTo(Key(values[b]));
            return c != 0 ? c : a.CompareTo(b);
        });
        var ranks = new double[n];
        for (int r = 0; r < n; r++) ranks[order[r]] = n > 1 ? r / (double)(n - 1) - 0.5 : 0.0;
        return ranks;
    }

    private static double Key(double value) => double.IsNaN(value) ? double.NegativeInfinity : value;

    /// <summary>Indices from the best value to the worst (ties by index; NaN last).</summary>
    public static int[] BestFirst(IReadOnlyList<double> values)
    {
        var order = Enumerable.Range(0, values.Count).ToArray();
        Array.Sort(order, (a, b) =>
        {
            int c = Key(values[b]).CompareTo(Key(values[a]));
            return c != 0 ? c : a.CompareTo(b);
        });
        return order;
    }
}
