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
        var ready = scratch.Ready;
        ready.Clear();
        for (int i = 0; i < n; i++) if (indegree[i] == 0) ready.Enqueue(i, i);
        var order = new int[n];
        int count = 0;
        while (ready.TryDequeue(out int v, out _))
        {
            order[count++] = v;
            for (int e = first[v]; e < first[v + 1]; e++)
                if (--indegree[scratch.Successors[e]] == 0) ready.Enqueue(scratch.Successors[e], scratch.Successors[e]);
        }
        return count == n ? order : null;
    }

    // One set of buffers per thread: breeding and compiling call this for every genome on every core.
    [ThreadStatic] private static Scratch? _scratch;

    private sealed class Scratch
    {
        public readonly Dictionary<int, int> Position = new();
        public readonly PriorityQueue<int, int> Ready = new();
        public int[] Indegree = new int[64], FirstSuccessor = new int[65], Cursor = new int[65], Successors = new int[64];

        public void Reserve(int nodes, int connections)
        {
            if (Indegree.Length < nodes)
            {
                Indegree = new int[nodes * 2];
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
        var adjacency = new Dictionary<int, List<int>>();
        foreach (var c in genome.Connections)
        {
            if (!adjacency.TryGetValue(c.Source, out var list)) adjacency[c.Source] = list = new List<int>();
            list.Add(c.Destination);
        }
        var stack = new Stack<int>();
        var seen = new HashSet<int> { destinationId };
        stack.Push(destinationId);
        while (stack.Count > 0)
        {
            int v = stack.Pop();
            if (v == sourceId) return true;
            if (!adjacency.TryGetValue(v, out var next)) continue;
            foreach (int w in next) if (seen.Add(w)) stack.Push(w);
        }
        return false;
    }
}
