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
        int n = genome.Nodes.Count;
        scratch.Load(genome, include);
        var indegree = scratch.Indegree;
        var first = scratch.FirstSuccessor;
        // The smallest ready position first keeps the original node order wherever the graph allows it.
        var ready = new IntMinHeap(scratch.Heap);
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
        public readonly NodePositions Position = new();
        public int[] Indegree = new int[64], FirstSuccessor = new int[65], Cursor = new int[65], Successors = new int[64];
        public bool[] Seen = new bool[64];
        public int[] Heap = new int[64];

        /// <summary>Positions by node id, and the included connections as successor lists and in-degrees by position.</summary>
        public void Load(Genome genome, IReadOnlyList<bool>? include)
        {
            int n = genome.Nodes.Count, m = genome.Connections.Count;
            Reserve(n, m);
            Position.Load(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(genome.Nodes));
            Array.Clear(Indegree, 0, n);
            Array.Clear(FirstSuccessor, 0, n + 1);
            for (int k = 0; k < m; k++)
            {
                if (include is not null && !include[k]) continue;
                var c = genome.Connections[k];
                FirstSuccessor[Position.Of(c.Source) + 1]++;
                Indegree[Position.Of(c.Destination)]++;
            }
            for (int v = 0; v < n; v++) FirstSuccessor[v + 1] += FirstSuccessor[v];
            Array.Copy(FirstSuccessor, Cursor, n + 1);
            for (int k = 0; k < m; k++)
            {
                if (include is not null && !include[k]) continue;
                var c = genome.Connections[k];
                Successors[Cursor[Position.Of(c.Source)]++] = Position.Of(c.Destination);
            }
        }

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
        int n = genome.Nodes.Count;
        scratch.Load(genome, include: null);
        if (!scratch.Position.TryGet(sourceId, out int source) || !scratch.Position.TryGet(destinationId, out int destination)) return false;
        var first = scratch.FirstSuccessor;
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
}
