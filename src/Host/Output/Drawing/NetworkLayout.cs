using Wann.Engine.Activations;
using Wann.Engine.Genomes;

namespace Wann.Host.Output.Drawing;

/// <summary>A node placed in the drawing: column (layer), position, look and label.</summary>
public sealed record PlacedNode(int Id, NodeKind Kind, ActivationFunction Activation, int Layer, double X, double Y, string? Label);

/// <summary>A drawn connection (the live ones only, see <see cref="Genome.Expression"/>) with its stored weight.</summary>
public sealed record PlacedEdge(PlacedNode From, PlacedNode To, float Weight);

/// <summary>
/// Left-to-right layered layout of a network: bias and inputs in the first column, hidden nodes by their
/// longest path from the inputs, outputs in the last column; inside a column, hidden nodes sit near the
/// mean height of their sources to keep crossings down. Only live connections are drawn: the enabled ones and,
/// under the original's rule, disabled hidden-to-hidden ones, since those are evaluated too.
/// </summary>
public sealed class NetworkLayout
{
    public const double ColumnGap = 170, RowGap = 46, Margin = 110, Radius = 15;

    public IReadOnlyList<PlacedNode> Nodes { get; }
    public IReadOnlyList<PlacedEdge> Edges { get; }
    public double Width { get; }
    public double Height { get; }
    public bool WeightsVary { get; }

    private NetworkLayout(List<PlacedNode> nodes, List<PlacedEdge> edges, double width, double height, bool weightsVary)
    {
        Nodes = nodes;
        Edges = edges;
        Width = width;
        Height = height;
        WeightsVary = weightsVary;
    }

    public static NetworkLayout Of(Genome genome, IReadOnlyList<string> inputLabels, IReadOnlyList<string> outputLabels)
    {
        var index = genome.NodeIndexById();
        var live = genome.Expression.Mask(genome);
        var liveEdges = genome.Connections.Where((c, k) => live[k]).ToList();
        var order = TopologicalOrder.Of(genome, live)!;
        var layer = new int[genome.Nodes.Count];
        var predecessors = new List<int>[genome.Nodes.Count];
        foreach (var c in liveEdges) (predecessors[index[c.Destination]] ??= new()).Add(index[c.Source]);
        int deepest = 0;
        foreach (int v in order)
        {
            if (genome.Nodes[v].Kind != NodeKind.Hidden) continue;
            layer[v] = 1 + (predecessors[v]?.Max(u => genome.Nodes[u].Kind == NodeKind.Hidden ? layer[u] : 0) ?? 0);
            deepest = Math.Max(deepest, layer[v]);
        }
        for (int v = 0; v < layer.Length; v++) if (genome.Nodes[v].Kind == NodeKind.Output) layer[v] = deepest + 1;

        // Row of each node inside its column.
        var row = new double[genome.Nodes.Count];
        var columns = Enumerable.Range(0, deepest + 2).Select(l => new List<int>()).ToList();
        for (int v = 0; v < layer.Length; v++) columns[layer[v]].Add(v);
        foreach (int v in columns[0]) row[v] = columns[0].IndexOf(v);
        for (int l = 1; l < columns.Count; l++)
        {
            var column = columns[l];
            if (l < columns.Count - 1)
                column.Sort((a, b) => Barycentre(a).CompareTo(Barycentre(b)));
            for (int k = 0; k < column.Count; k++) row[column[k]] = k;
        }
        double Barycentre(int v) => predecessors[v] is { Count: > 0 } p ? p.Average(u => row[u]) : 0;

        int tallest = columns.Max(c => c.Count);
        double height = 2 * Margin + Math.Max(1, tallest - 1) * RowGap;
        double width = 2 * Margin + (columns.Count - 1) * ColumnGap;
        var placed = new PlacedNode[genome.Nodes.Count];
        for (int v = 0; v < placed.Length; v++)
        {
            var node = genome.Nodes[v];
            int count = columns[layer[v]].Count;
            double y = Margin + (tallest - count) * RowGap / 2 + row[v] * RowGap;
            string? label = node.Kind switch
            {
                NodeKind.Bias => "bias",
                NodeKind.Input => v - 1 < inputLabels.Count ? inputLabels[v - 1] : $"in{v - 1}",
                NodeKind.Output => v - 1 - genome.Shape.Inputs < outputLabels.Count ? outputLabels[v - 1 - genome.Shape.Inputs] : $"out{v - 1 - genome.Shape.Inputs}",
                _ => null,
            };
            placed[v] = new PlacedNode(node.Id, node.Kind, node.Activation, layer[v], Margin + layer[v] * ColumnGap, y, label);
        }
        var edges = liveEdges.Select(c => new PlacedEdge(placed[index[c.Source]], placed[index[c.Destination]], c.Weight)).ToList();
        bool vary = liveEdges.Any(c => c.Weight != 1f);
        return new NetworkLayout(placed.ToList(), edges, width, height, vary);
    }

    /// <summary>The activations that appear on hidden and output nodes, for the legend.</summary>
    public IReadOnlyList<ActivationFunction> LegendEntries() =>
        Nodes.Where(n => n.Kind is NodeKind.Hidden or NodeKind.Output).Select(n => n.Activation).Distinct().OrderBy(a => a).ToList();

    /// <summary>Line width for a connection: uniform in WANN mode, by |stored weight| otherwise.</summary>
    public double StrokeWidth(PlacedEdge edge) => WeightsVary ? 0.6 + Math.Min(4.0, Math.Abs(edge.Weight)) : 1.2;
}
