using System.Runtime.CompilerServices;

namespace Wann.Engine.Search;

/// <summary>
/// NSGA-II ranking as the original release does it (maximising every objective): fronts by non-dominated
/// sort; inside a front, descending crowding distance. Rank 0 is the best.
/// Two objectives without NaN (the search's case) take a sort and a sweep, O(N log N) in time and O(N)
/// in memory; any other input takes the general path, which compares pairs (O(N^2) time) but also keeps
/// only O(N) memory. Both give the fronts of peeling off non-dominated sets, member for member.
/// </summary>
public static class NsgaRanking
{
    /// <summary>Rank of each individual; <paramref name="objectives"/>[i] holds individual i's objective values.</summary>
    public static int[] Rank(IReadOnlyList<double[]> objectives)
    {
        var (values, m) = Flatten(objectives);
        return Rank(values, m);
    }

    /// <summary>Rank of each individual; individual i's objectives are <c>values[i * objectiveCount ..]</c>.</summary>
    public static int[] Rank(double[] values, int objectiveCount)
    {
        int n = objectiveCount == 0 ? 0 : values.Length / objectiveCount;
        var ranks = new int[n];
        var fronts = FrontLists(FrontOf(values, objectiveCount), n);
        int largest = 0;
        foreach (var front in fronts) largest = Math.Max(largest, front.Length);
        var scratch = new CrowdingScratch(largest);
        int next = 0;
        foreach (var front in fronts)
        {
            var distance = scratch.Distance.AsSpan(0, front.Length);
            CrowdingDistance(values, objectiveCount, front, distance, scratch.Column, scratch.Sorting);
            // Descending distance, ties by index; NaN (the original's inf * 0) sorts last.
            var byDistance = scratch.Column.AsSpan(0, front.Length);
            for (int k = 0; k < front.Length; k++)
                byDistance[k] = new Keyed(double.IsNaN(distance[k]) ? double.NegativeInfinity : distance[k], k);
            StructSort.Sort(byDistance, scratch.Sorting, new DescendingKeyThenPosition());
            foreach (var entry in byDistance) ranks[front[entry.Position]] = next++;
        }
        return ranks;
    }

    /// <summary>True when a is at least as good as b everywhere and better somewhere.</summary>
    public static bool Dominates(double[] a, double[] b) => Dominates(a, b, out _);

    private static bool Dominates(ReadOnlySpan<double> a, ReadOnlySpan<double> b, out bool reverse)
    {
        bool aBetter = false, bBetter = false;
        for (int k = 0; k < a.Length; k++)
        {
            // NaN compares false both ways, so it never makes either side better.
            aBetter |= a[k] > b[k];
            bBetter |= a[k] < b[k];
        }
        reverse = bBetter && !aBetter;
        return aBetter && !bBetter;
    }

    /// <summary>The fronts: the first is the non-dominated set, and so on. Members of each front are in index order.</summary>
    public static List<List<int>> Fronts(IReadOnlyList<double[]> objectives)
    {
        var (values, m) = Flatten(objectives);
        return FrontLists(FrontOf(values, m), objectives.Count).Select(f => f.ToList()).ToList();
    }

    /// <summary>
    /// Front number of each individual (0 = non-dominated), or -1 for the few that no peeling reaches
    /// (possible only when NaN makes dominance cyclic; they keep rank 0, as the pairwise sort always did).
    /// </summary>
    public static int[] FrontOf(double[] values, int objectiveCount)
    {
        if (objectiveCount == 2 && !Array.Exists(values, double.IsNaN)) return TwoObjectiveFronts(values);
        return GeneralFronts(values, objectiveCount);
    }

    /// <summary>
    /// Sort by the first objective (then the second), both descending, so every dominator of a point comes
    /// before it; then the point's front is the first front holding none of its dominators. For each front
    /// it is enough to know its best second objective so far, and the best first objective among the points
    /// that reach it: a point is dominated by the front if that second objective beats it, or ties it with a
    /// strictly better first one. Fronts hold dominators of a point up to the point's own front and none
    /// after it, so a binary search finds the front.
    /// </summary>
    private static int[] TwoObjectiveFronts(double[] values)
    {
        int n = values.Length / 2;
        var order = new Point[n];
        for (int i = 0; i < n; i++) order[i] = new Point(values[2 * i], values[2 * i + 1], i);
        StructSort.Sort(order.AsSpan(), new Point[n], new BestFirst());

        var front = new int[n];
        // Per front: its best second objective so far, and the first objective of the point that set it.
        var bestSecond = new double[n];
        var firstAtBestSecond = new double[n];
        int fronts = 0;
        foreach (var point in order)
        {
            double p0 = point.First, p1 = point.Second;
            int low = 0, high = fronts; // the answer is in [low, high]; high = a new front
            while (low < high)
            {
                int mid = (low + high) >>> 1;
                bool dominated = bestSecond[mid] > p1 || (bestSecond[mid] == p1 && firstAtBestSecond[mid] > p0);
                if (dominated) low = mid + 1;
                else high = mid;
            }
            front[point.Index] = low;
            if (low == fronts)
            {
                bestSecond[low] = p1;
                firstAtBestSecond[low] = p0;
                fronts++;
            }
            else if (p1 > bestSecond[low])
            {
                // Points come in descending first objective, so the first to reach a second value has the best first.
                bestSecond[low] = p1;
                firstAtBestSecond[low] = p0;
            }
        }
        return front;
    }

    private readonly record struct Point(double First, double Second, int Index);

    /// <summary>Both objectives descending, then index (NaN never reaches it).</summary>
    private readonly struct BestFirst : IComparer<Point>
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public int Compare(Point a, Point b)
        {
            // Without NaN, these comparisons order as double.CompareTo does (and -0 ties with +0).
            if (a.First != b.First) return a.First > b.First ? -1 : 1;
            if (a.Second != b.Second) return a.Second > b.Second ? -1 : 1;
            return a.Index.CompareTo(b.Index);
        }
    }

    /// <summary>A value and the position in its front that it belongs to: what the crowding sorts move.</summary>
    private readonly record struct Keyed(double Value, int Position);

    /// <summary>Ascending (NaN first, as double.CompareTo orders it), ties by position.</summary>
    private readonly struct AscendingValueThenPosition : IComparer<Keyed>
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public int Compare(Keyed a, Keyed b) => a.Value.CompareTo(b.Value) is var c && c != 0 ? c : a.Position.CompareTo(b.Position);
    }

    /// <summary>Descending (the keys hold no NaN), ties by position.</summary>
    private readonly struct DescendingKeyThenPosition : IComparer<Keyed>
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public int Compare(Keyed a, Keyed b) => a.Value != b.Value ? (a.Value > b.Value ? -1 : 1) : a.Position.CompareTo(b.Position);
    }

    /// <summary>Buffers sized for the largest front, reused by every front of one ranking.</summary>
    private sealed class CrowdingScratch(int size)
    {
        public readonly double[] Distance = new double[size];
        public readonly Keyed[] Column = new Keyed[size];
        public readonly Keyed[] Sorting = new Keyed[size];
    }

    /// <summary>
    /// Any number of objectives, NaN included: count each individual's dominators, then peel fronts, each
    /// time recomputing whom the peeled individuals dominate instead of storing those lists (O(N) memory).
    /// </summary>
    private static int[] GeneralFronts(double[] values, int m)
    {
        int n = m == 0 ? 0 : values.Length / m;
        var front = new int[n];
        Array.Fill(front, -1);
        var dominatedBy = new int[n];
        for (int p = 0; p < n; p++)
        {
            var a = values.AsSpan(p * m, m);
            for (int q = p + 1; q < n; q++)
            {
                if (Dominates(a, values.AsSpan(q * m, m), out bool reverse)) dominatedBy[q]++;
                else if (reverse) dominatedBy[p]++;
            }
        }
        var current = new List<int>();
        for (int p = 0; p < n; p++) if (dominatedBy[p] == 0) current.Add(p);
        int number = 0;
        while (current.Count > 0)
        {
            foreach (int p in current) front[p] = number;
            var next = new List<int>();
            foreach (int p in current)
            {
                var a = values.AsSpan(p * m, m);
                for (int q = 0; q < n; q++)
                    if (front[q] < 0 && Dominates(a, values.AsSpan(q * m, m), out _) && --dominatedBy[q] == 0) next.Add(q);
            }
            next.Sort();
            current = next;
            number++;
        }
        return front;
    }

    /// <summary>Members of each front in index order, by a counting sort over front numbers (unreached individuals left out).</summary>
    private static List<int[]> FrontLists(int[] frontOf, int n)
    {
        int fronts = 0;
        foreach (int f in frontOf) fronts = Math.Max(fronts, f + 1);
        var sizes = new int[fronts];
        foreach (int f in frontOf) if (f >= 0) sizes[f]++;
        var lists = new List<int[]>(fronts);
        for (int f = 0; f < fronts; f++) lists.Add(new int[sizes[f]]);
        var filled = new int[fronts];
        for (int i = 0; i < n; i++) if (frontOf[i] is var f and >= 0) lists[f][filled[f]++] = i;
        return lists;
    }

    /// <summary>
    /// Crowding distance of each member of <paramref name="front"/>, summed over objectives. Per objective:
    /// ends get infinity, inner points next - previous, scaled by |1/max - min| when max > min
    /// (the original's precedence slip for 1/(max - min), kept for parity).
    /// </summary>
    public static double[] CrowdingDistance(IReadOnlyList<double[]> objectives, IReadOnlyList<int> front)
    {
        if (front.Count == 0) return Array.Empty<double>();
        int m = objectives[front[0]].Length;
        var values = new double[front.Count * m];
        for (int i = 0; i < front.Count; i++) objectives[front[i]].CopyTo(values, i * m);
        var local = new int[front.Count];
        for (int i = 0; i < local.Length; i++) local[i] = i;
        var total = new double[front.Count];
        CrowdingDistance(values, m, local, total, new Keyed[front.Count], new Keyed[front.Count]);
        return total;
    }

    /// <summary>Crowding distance of each member of <paramref name="front"/> into <paramref name="total"/>; <paramref name="column"/> is scratch.</summary>
    private static void CrowdingDistance(double[] values, int m, int[] front, Span<double> total, Keyed[] column, Keyed[] sorting)
    {
        int size = front.Length;
        total.Clear();
        if (size == 0) return;
        var sorted = column.AsSpan(0, size);
        for (int k = 0; k < m; k++)
        {
            for (int i = 0; i < size; i++) sorted[i] = new Keyed(values[front[i] * m + k], i);
            StructSort.Sort(sorted, sorting, new AscendingValueThenPosition());
            double min = sorted[0].Value, max = sorted[size - 1].Value;
            double scale = max - min > 0 ? Math.Abs(1.0 / max - min) : 1.0;
            for (int i = 0; i < size; i++)
            {
                double d = i == 0 || i == size - 1 ? double.PositiveInfinity : sorted[i + 1].Value - sorted[i - 1].Value;
                total[sorted[i].Position] += d * scale;
            }
        }
    }

    private static (double[] Values, int ObjectiveCount) Flatten(IReadOnlyList<double[]> objectives)
    {
        int n = objectives.Count;
        int m = n == 0 ? 0 : objectives[0].Length;
        var values = new double[n * m];
        for (int p = 0; p < n; p++)
        {
            if (objectives[p].Length != m) throw new ArgumentException($"individual {p} has {objectives[p].Length} objectives, individual 0 has {m}", nameof(objectives));
            objectives[p].CopyTo(values, p * m);
        }
        return (values, m);
    }
}
