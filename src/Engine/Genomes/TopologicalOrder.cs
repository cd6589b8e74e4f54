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
        int n = genome.Nodes.Count;
        var index = genome.NodeIndexById();
        var indegree = new int[n];
        var successors = new List<int>[n];
        for (int i = 0; i < n; i++) successors[i] = new List<int>();
        for (int k = 0; k < genome.Connections.Count; k++)
        {
            if (include is not null && !include[k]) continue;
            var c = genome.Connections[k];
            int s = index[c.Source], d = index[c.Destination];
            successors[s].Add(d);
            indegree[d]++;
        }
        // A sorted set as the ready queue keeps the original node order wherever the graph allows it.
        var ready = new SortedSet<int>();
        for (int i = 0; i < n; i++) if (indegree[i] == 0) ready.Add(i);
        var order = new int[n];
        int count = 0;
        while (ready.Count > 0)
        {
            int v = ready.Min;
            ready.Remove(v);
            order[count++] = v;
            foreach (int w in successors[v])
                if (--indegree[w] == 0) ready.Add(w);
        }
        return count == n ? order : null;
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
