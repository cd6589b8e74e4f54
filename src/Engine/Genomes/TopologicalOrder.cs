namespace Wann.Engine.Genomes;

/// <summary>Kahn's algorithm over node positions; ties broken by position so the order is deterministic.</summary>
public static class TopologicalOrder
{
    /// <summary>Node positions (indices into <see cref="Genome.Nodes"/>) in a feed-forward order, or null if the graph has a cycle.</summary>
    public static int[]? Of(Genome genome, bool enabledOnly) =>
        Of(genome, enabledOnly ? genome.Connections.Select(c => c.Enabled).ToArray() : null);

    /// <summary>
    /// As <see cref="Of(Genome, bool)"/> over the connections whose entry in <paramref name="include"/> is true
    /// (all of them when it is null), e.g. the live edges of <see cref="ConnectionExpression.Mask"/>.
    /// </summary>
    public static int[]? Of(Genome genome, IReadOnlyList<bool>? include)
    {
        var scratch = _scratch ??= new Scratch();
        int n = genome.Nodes.Count, m = genome.Connections.Count;
        scratch.Reserve(n, m);
        var position = scratch.Position;
        position.Clear();
        for (int i = 0; i < n; i++) position[genome.Nodes[i].Id] = i;
        var indegree = scratch.Indegree;
        var first = scratch.FirstSuccessor;
        var cursor = scratch.Cursor;
        Array.Clear(indegree, 0, n);
        Array.Clear(first, 0, n + 1);
        for (int k = 0; k < m; k++)
        {
            if (include is not null && !include[k]) continue;
            var c = genome.Connections[k];
            first[position[c.Source] + 1]++;
            indegree[position[c.Destination]]++;
        }
        for (int v = 0; v < n; v++) first[v + 1] += first[v];
        Array.Copy(first, cursor, n + 1);
        for (int k = 0; k < m; k++)
        {
            if (include is not null && !include[k]) continue;
            var c = genome.Connections[k];
            scratch.Successors[cursor[position[c.Source]]++] = position[c.Destination];
        }
        // The smallest ready position first keeps the original node order wherever the graph allows it.
        var ready = new MinHeap(scratch.Heap);
        for (int i = 0; i < n; i++) if (indegree[i] == 0) ready.Push(i);
        var order = new int[n];
        int count = 0;
        while (ready.Count > 0)
        {
            int v = ready.Pop();
            order[count++] = v;
            for (int e = first[v]; e < first[v + 1]; e++)
                if (--indegree[scratch.Successors[e]] == 0) ready.Push(scratch.Successors[e]);
        }
        return count == n ? order : null;
    }

    // One set of buffers per thread: breeding and compiling call this for every genome on every core.
    [ThreadStatic] private static Scratch? _scratch;

    private sealed class Scratch
    {
        public readonly Dictionary<int, int> Position = new();
        public int[] Indegree = new int[64], FirstSuccessor = new int[65], Cursor = new int[65], Successors = new int[64];
        public bool[] Seen = new bool[64];
        public int[] Heap = new int[64];

        public void Reserve(int nodes, int connections)
        {
            if (Indegree.Length < nodes)
            {
                Indegree = new int[nodes * 2];
                Seen = new bool[nodes * 2];
                Heap = new int[nodes * 2];
                FirstSuccessor = new int[nodes * 2 + 1];
                Cursor = new int[nodes * 2 + 1];
            }
            if (Successors.Length < connections) Successors = new int[connections * 2];
        }
    }

    /// <summary>True if adding source->destination to the enabled and disabled connections would close a cycle.</summary>
    public static bool WouldCreateCycle(Genome genome, int sourceId, int destinationId)
    {
        if (sourceId == destinationId) return true;
        // A cycle appears exactly when the destination already reaches the source.
        var scratch = _scratch ??= new Scratch();
        int n = genome.Nodes.Count, m = genome.Connections.Count;
        scratch.Reserve(n, m);
        var position = scratch.Position;
        position.Clear();
        for (int i = 0; i < n; i++) position[genome.Nodes[i].Id] = i;
        if (!position.TryGetValue(sourceId, out int source) || !position.TryGetValue(destinationId, out int destination)) return false;
        var first = scratch.FirstSuccessor;
        Array.Clear(first, 0, n + 1);
        foreach (var c in genome.Connections) first[position[c.Source] + 1]++;
        for (int v = 0; v < n; v++) first[v + 1] += first[v];
        Array.Copy(first, scratch.Cursor, n + 1);
        foreach (var c in genome.Connections) scratch.Successors[scratch.Cursor[position[c.Source]]++] = position[c.Destination];

        var seen = scratch.Seen;
        Array.Clear(seen, 0, n);
        var stack = scratch.Indegree; // reused as the depth-first stack
        int top = 0;
        stack[top++] = destination;
        seen[destination] = true;
        while (top > 0)
        {
            int v = stack[--top];
            if (v == source) return true;
            for (int e = first[v]; e < first[v + 1]; e++)
            {
                int w = scratch.Successors[e];
                if (!seen[w]) { seen[w] = true; stack[top++] = w; }
            }
        }
        return false;
    }

    /// <summary>The smallest-first ready queue of Kahn's algorithm, over a reused array.</summary>
    private ref struct MinHeap
    {
        private readonly int[] _items;
        public int Count;

        public MinHeap(int[] items)
        {
            _items = items;
            Count = 0;
        }

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
}
