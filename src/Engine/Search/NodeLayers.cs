using Wann.Engine.Genomes;

namespace Wann.Engine.Search;

/// <summary>
/// Layer of every node as add-connection sees it: bias and inputs 0, hidden nodes by longest path from
/// them, outputs after the deepest hidden node. Computed over enabled and disabled connections alike, so
/// a connection from a lower to a higher layer can never close a cycle, even once everything is re-enabled.
/// That covers the live disabled hidden-to-hidden edges of <see cref="ConnectionExpression.Original"/>:
/// the layers are those the original computes over its expressed graph (a disabled connection into a
/// hidden node from an input, or into an output, moves no layer).
/// </summary>
public static class NodeLayers
{
    /// <summary>Layer per node position (index into <see cref="Genome.Nodes"/>).</summary>
    public static int[] Of(Genome genome)
    {
        var order = TopologicalOrder.Of(genome, enabledOnly: false)
            ?? throw new InvalidOperationException("genome has a cycle");
        int n = genome.Nodes.Count, m = genome.Connections.Count;
        var scratch = _scratch ??= new Scratch();
        scratch.Reserve(n, m);
        var position = scratch.Position;
        position.Load(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(genome.Nodes));
        // Predecessors of each node as one array, sliced by destination (counting sort, connection order kept).
        var first = scratch.FirstPredecessor;
        Array.Clear(first, 0, n + 1);
        foreach (var c in genome.Connections) first[position.Of(c.Destination) + 1]++;
        for (int v = 0; v < n; v++) first[v + 1] += first[v];
        var cursor = scratch.Cursor;
        Array.Copy(first, cursor, n + 1);
        foreach (var c in genome.Connections) scratch.Predecessors[cursor[position.Of(c.Destination)]++] = position.Of(c.Source);

        var layer = new int[n];
        int deepestHidden = 0;
        foreach (int v in order)
        {
            if (genome.Nodes[v].Kind != NodeKind.Hidden) continue;
            int depth = 1;
            for (int e = first[v]; e < first[v + 1]; e++)
            {
                int u = scratch.Predecessors[e];
                if (genome.Nodes[u].Kind != NodeKind.Output) depth = Math.Max(depth, layer[u] + 1);
            }
            layer[v] = depth;
            deepestHidden = Math.Max(deepestHidden, depth);
        }
        for (int v = 0; v < n; v++)
            if (genome.Nodes[v].Kind == NodeKind.Output) layer[v] = deepestHidden + 1;
        return layer;
    }

    // Add-connection runs this for a fifth of all children, on every core: each thread reuses its buffers.
    [ThreadStatic] private static Scratch? _scratch;

    private sealed class Scratch
    {
        public readonly NodePositions Position = new();
        public int[] FirstPredecessor = new int[65], Cursor = new int[65], Predecessors = new int[64];

        public void Reserve(int nodes, int connections)
        {
            if (FirstPredecessor.Length < nodes + 1)
            {
                FirstPredecessor = new int[2 * nodes + 1];
                Cursor = new int[2 * nodes + 1];
            }
            if (Predecessors.Length < connections) Predecessors = new int[2 * connections];
        }
    }
}
