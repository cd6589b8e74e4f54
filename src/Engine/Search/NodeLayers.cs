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
        var graph = GenomeGraph.ForThisThread();
        graph.Load(genome);
        return graph.Layers().ToArray();
    }
}
