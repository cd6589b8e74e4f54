namespace Wann.Engine.Search;

/// <summary>
/// The pairwise NSGA-II ranking the engine used before its sort-and-sweep fronts (fast non-dominated sort
/// with per-individual dominance lists, O(N^2) time and memory), kept word for word as the oracle of
/// <see cref="NsgaRanking"/>'s tests and the baseline of its benchmark. Not for use on large populations.
/// </summary>
public static class PairwiseNsgaRanking
{
    public static int[] Rank(IReadOnlyList<double[]> objectives)
    {
        int n = objectives.Count;
        var ranks = new int[n];
        int next = 0;
        foreach (var front in Fronts(objectives))
        {
            var distance = CrowdingDistance(objectives, front);
            var ordered = front
                .Select((individual, k) => (individual, d: double.IsNaN(distance[k]) ? double.NegativeInfinity : distance[k]))
                .OrderByDescending(t => t.d)
                .ThenBy(t => t.individual);
            foreach (var (individual, _) in ordered) ranks[individual] = next++;
        }
        return ranks;
    }

    public static List<List<int>> Fronts(IReadOnlyList<double[]> objectives)
    {
        int n = objectives.Count;
        int m = n == 0 ? 0 : objectives[0].Length;
        var values = new double[n * m];
        for (int p = 0; p < n; p++) objectives[p].CopyTo(values, p * m);
        var dominatedBy = new int[n];
        var dominates = new List<int>?[n];
        for (int p = 0; p < n; p++)
        {
            var a = values.AsSpan(p * m, m);
            for (int q = p + 1; q < n; q++)
            {
                var b = values.AsSpan(q * m, m);
                bool aBetter = false, bBetter = false;
                for (int k = 0; k < m; k++)
                {
                    aBetter |= a[k] > b[k];
                    bBetter |= a[k] < b[k];
                }
                if (aBetter == bBetter) continue;
                if (aBetter) { (dominates[p] ??= new List<int>()).Add(q); dominatedBy[q]++; }
                else { (dominates[q] ??= new List<int>()).Add(p); dominatedBy[p]++; }
            }
        }
        var fronts = new List<List<int>>();
        var current = new List<int>();
        for (int p = 0; p < n; p++) if (dominatedBy[p] == 0) current.Add(p);
        while (current.Count > 0)
        {
            fronts.Add(current);
            var nextFront = new List<int>();
            foreach (int p in current)
                if (dominates[p] is { } beaten)
                    foreach (int q in beaten)
                        if (--dominatedBy[q] == 0) nextFront.Add(q);
            nextFront.Sort();
            current = nextFront;
        }
        return fronts;
    }

    public static double[] CrowdingDistance(IReadOnlyList<double[]> objectives, IReadOnlyList<int> front)
    {
        int m = front.Count;
        var total = new double[m];
        if (m == 0) return total;
        int objectiveCount = objectives[front[0]].Length;
        var order = new int[m];
        for (int k = 0; k < objectiveCount; k++)
        {
            for (int i = 0; i < m; i++) order[i] = i;
            Array.Sort(order, (a, b) => objectives[front[a]][k].CompareTo(objectives[front[b]][k]) is var c && c != 0 ? c : a.CompareTo(b));
            double min = objectives[front[order[0]]][k], max = objectives[front[order[m - 1]]][k];
            double scale = max - min > 0 ? Math.Abs(1.0 / max - min) : 1.0;
            for (int i = 0; i < m; i++)
            {
                double d = i == 0 || i == m - 1
                    ? double.PositiveInfinity
                    : objectives[front[order[i + 1]]][k] - objectives[front[order[i - 1]]][k];
                total[order[i]] += d * scale;
            }
        }
        return total;
    }
}
