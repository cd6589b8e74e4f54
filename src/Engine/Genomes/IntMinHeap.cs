namespace Wann.Engine.Genomes;

/// <summary>
/// A smallest-first queue of ints over a caller's reused array (at least as long as the most items it will
/// hold): Kahn's ready queue, which takes the lowest node position first so orders are deterministic.
/// </summary>
internal ref struct IntMinHeap
{
    private readonly int[] _items;

    public IntMinHeap(int[] items)
    {
        _items = items;
        Count = 0;
    }

    public int Count { get; private set; }

    public void Push(int value)
    {
        int i = Count++;
        while (i > 0)
        {
            int parent = (i - 1) >> 1;
            if (_items[parent] <= value) break;
            _items[i] = _items[parent];
            i = parent;
        }
        _items[i] = value;
    }

    public int Pop()
    {
        int top = _items[0];
        int last = _items[--Count];
        int i = 0;
        while (true)
        {
            int child = 2 * i + 1;
            if (child >= Count) break;
            if (child + 1 < Count && _items[child + 1] < _items[child]) child++;
            if (_items[child] >= last) break;
            _items[i] = _items[child];
            i = child;
        }
        if (Count > 0) _items[i] = last;
        return top;
    }
}
