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
        var index = genome.NodeIndexById();
        var predecessors = new List<int>[genome.Nodes.Count];
        foreach (var c in genome.Connections)
            (predecessors[index[c.Destination]] ??= new List<int>()).Add(index[c.Source]);

        var layer = new int[genome.Nodes.Count];
        int deepestHidden = 0;
        foreach (int v in order)
        {
            if (genome.Nodes[v].Kind != NodeKind.Hidden) continue;
            int depth = 1;
            if (predecessors[v] is { } preds)
                foreach (int u in preds)
                    if (genome.Nodes[u].Kind != NodeKind.Output) depth = Math.Max(depth, layer[u] + 1);
            layer[v] = depth;
            deepestHidden = Math.Max(deepestHidden, depth);
        }
        for (int v = 0; v < genome.Nodes.Count; v++)
            if (genome.Nodes[v].Kind == NodeKind.Output) layer[v] = deepestHidden + 1;
        return layer;
    }
}
