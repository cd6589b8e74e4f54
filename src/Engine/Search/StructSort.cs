namespace Wann.Engine.Search;

/// <summary>
/// A stable merge sort whose comparer is a struct type argument, so the JIT compiles one copy per comparer
/// with the comparison inlined. <c>Span.Sort</c> with a comparer calls it through an interface on every
/// comparison, which was most of ranking's time. Under a total order (every comparer here breaks ties by
/// index) any correct sort gives the same result.
/// </summary>
internal static class StructSort
{
    private const int Run = 16;

    /// <summary>Sorts <paramref name="items"/>; <paramref name="scratch"/> is at least as long.</summary>
    public static void Sort<T, TComparer>(Span<T> items, Span<T> scratch, TComparer comparer) where TComparer : struct, IComparer<T>
    {
        int n = items.Length;
        for (int start = 0; start < n; start += Run) InsertionSort(items.Slice(start, Math.Min(Run, n - start)), comparer);
        var from = items;
        var to = scratch[..n];
        for (int width = Run; width < n; width *= 2)
        {
            for (int left = 0; left < n; left += 2 * width)
            {
                int middle = Math.Min(left + width, n), right = Math.Min(left + 2 * width, n);
                Merge(from[left..middle], from[middle..right], to[left..right], comparer);
            }
            var swap = from;
            from = to;
            to = swap;
        }
        if (from != items) from.CopyTo(items);
    }

    private static void InsertionSort<T, TComparer>(Span<T> items, TComparer comparer) where TComparer : struct, IComparer<T>
    {
        for (int i = 1; i < items.Length; i++)
        {
            var item = items[i];
            int j = i - 1;
            while (j >= 0 && comparer.Compare(items[j], item) > 0)
            {
                items[j + 1] = items[j];
                j--;
            }
            items[j + 1] = item;
        }
    }

    /// <summary>Merges two sorted runs; on ties the left run's item goes first (stable).</summary>
    private static void Merge<T, TComparer>(ReadOnlySpan<T> left, ReadOnlySpan<T> right, Span<T> into, TComparer comparer) where TComparer : struct, IComparer<T>
    {
        int i = 0, j = 0, k = 0;
        while (i < left.Length && j < right.Length)
            into[k++] = comparer.Compare(right[j], left[i]) < 0 ? right[j++] : left[i++];
        left[i..].CopyTo(into[k..]);
        right[j..].CopyTo(into[(k + left.Length - i)..]);
    }
}
