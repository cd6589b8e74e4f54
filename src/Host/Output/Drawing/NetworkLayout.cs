using Wann.Engine.Activations;
using Wann.Engine.Genomes;

namespace Wann.Host.Output.Drawing;

/// <summary>A node placed in the drawing: column (layer), position, look and label.</summary>
public sealed record PlacedNode(int Id, NodeKind Kind, ActivationFunction Activation, int Layer, double X, double Y, string? Label);

/// <summary>
/// A drawn connection (the live ones only, see <see cref="Genome.Expression"/>) with its stored weight: a straight line, or, where that would
/// cross another node, a chain of curves through <see cref="Via"/> points (gaps in the columns it crosses),
/// each curve leaving and entering level so it slips between the nodes of a column.
/// </summary>
public sealed record PlacedEdge(PlacedNode From, PlacedNode To, float Weight, IReadOnlyList<(double X, double Y)>? Via = null)
{
    /// <summary>Whether the edge is drawn as curves rather than a straight line.</summary>
    public bool IsCurve => Via is not null;

    /// <summary>The cubic Bézier pieces of a curved edge: start, two control points, end.</summary>
    public IEnumerable<((double X, double Y) Start, (double X, double Y) C1, (double X, double Y) C2, (double X, double Y) End)> Pieces()
    {
        var points = new List<(double X, double Y)> { (From.X, From.Y) };
        points.AddRange(Via ?? Array.Empty<(double, double)>());
        points.Add((To.X, To.Y));
        for (int i = 0; i + 1 < points.Count; i++)
        {
            var (a, b) = (points[i], points[i + 1]);
            double h = (b.X - a.X) / 2;
            yield return IsCurve ? (a, (a.X + h, a.Y), (b.X - h, b.Y), b) : (a, (a.X + h, a.Y + (b.Y - a.Y) / 2), (b.X - h, b.Y - (b.Y - a.Y) / 2), b);
        }
    }

    /// <summary>Points along the drawn edge, <paramref name="perPiece"/> per piece, ends excluded.</summary>
    public IEnumerable<(double X, double Y)> Samples(int perPiece)
    {
        var pieces = Pieces().ToList();
        for (int p = 0; p < pieces.Count; p++)
        {
            var (a, c1, c2, b) = pieces[p];
            for (int i = p == 0 ? 1 : 0; i < perPiece; i++)
            {
                double t = i / (double)perPiece, u = 1 - t, w0 = u * u * u, w1 = 3 * u * u * t, w2 = 3 * u * t * t, w3 = t * t * t;
                yield return (w0 * a.X + w1 * c1.X + w2 * c2.X + w3 * b.X, w0 * a.Y + w1 * c1.Y + w2 * c2.Y + w3 * b.Y);
            }
        }
    }
}

/// <summary>Inputs drawn as a grid of square pixels (networks with many inputs, as the paper draws MNIST): cell (column, row) of input i.</summary>
public sealed record PixelGrid(int Columns, int Rows, double Left, double Top, double Cell)
{
    public int Column(int input) => input % Columns;
    public int Row(int input) => input / Columns;
}

/// <summary>
/// Left-to-right layered layout of a network: bias and inputs in the first column, hidden nodes by their
/// longest path from the inputs, outputs in the last column; inside a column, hidden nodes sit near the
/// mean height of their sources to keep crossings down. Only live connections are drawn: the enabled ones and,
/// under the original's rule, disabled hidden-to-hidden ones, since those are evaluated too.
/// </summary>
public sealed class NetworkLayout
{
    public const double ColumnGap = 170, RowGap = 46, Margin = 110, Radius = 15;

    /// <summary>Networks with more inputs than this draw them as a pixel grid, not a column of circles.</summary>
    public const int GridThreshold = 32;

    /// <summary>Side of the input grid: about this wide whatever the image size (8x8 digits or 16x16 Fashion-MNIST).</summary>
    public const double GridSide = 200;

    /// <summary>The input grid, or null when the inputs are a column of circles.</summary>
    public PixelGrid? Grid { get; private init; }

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

        // Many inputs: a near-square grid of pixels (exactly square when the count is a square, as for images).
        int nIn = genome.Shape.Inputs;
        bool grid = nIn > GridThreshold;
        int gridColumns = (int)Math.Ceiling(Math.Sqrt(nIn)), gridRows = (nIn + gridColumns - 1) / gridColumns;
        double Cell = Math.Clamp(GridSide / gridColumns, 6, 24);
        double gridWidth = grid ? gridColumns * Cell : 0, gridHeight = grid ? gridRows * Cell : 0;

        // Row of each node inside its column (grid inputs: their pixel row, in row units, below the bias).
        var row = new double[genome.Nodes.Count];
        var columns = Enumerable.Range(0, deepest + 2).Select(l => new List<int>()).ToList();
        for (int v = 0; v < layer.Length; v++) columns[layer[v]].Add(v);
        foreach (int v in columns[0]) row[v] = grid && v > 0 ? 1 + (v - 1) / gridColumns * Cell / RowGap : columns[0].IndexOf(v);
        for (int l = 1; l < columns.Count; l++)
        {
            var column = columns[l];
            if (l < columns.Count - 1)
                column.Sort((a, b) => Barycentre(a).CompareTo(Barycentre(b)));
            for (int k = 0; k < column.Count; k++) row[column[k]] = k;
        }
        double Barycentre(int v) => predecessors[v] is { Count: > 0 } p ? p.Average(u => row[u]) : 0;

        int tallest = Math.Max(columns.Skip(1).Select(c => c.Count).DefaultIfEmpty(1).Max(),
            grid ? (int)Math.Ceiling(gridHeight / RowGap) + 2 : columns[0].Count);
        double height = 2 * Margin + Math.Max(1, tallest - 1) * RowGap;
        double width = 2 * Margin + gridWidth + (columns.Count - 1) * ColumnGap;
        double ColumnX(int l) => l == 0 ? Margin + gridWidth / 2 : Margin + gridWidth + l * ColumnGap;
        var pixels = grid ? new PixelGrid(gridColumns, gridRows, Margin, (height - gridHeight) / 2 + RowGap / 2, Cell) : null;
        var placed = new PlacedNode[genome.Nodes.Count];
        for (int v = 0; v < placed.Length; v++)
        {
            var node = genome.Nodes[v];
            int count = columns[layer[v]].Count;
            double x = ColumnX(layer[v]), y = Margin + (tallest - count) * RowGap / 2 + row[v] * RowGap;
            if (pixels is not null && node.Kind == NodeKind.Input)
                (x, y) = (pixels.Left + (pixels.Column(v - 1) + 0.5) * Cell, pixels.Top + (pixels.Row(v - 1) + 0.5) * Cell);
            else if (pixels is not null && node.Kind == NodeKind.Bias)
                y = pixels.Top - RowGap;
            string? label = node.Kind switch
            {
                NodeKind.Bias => "bias",
                NodeKind.Input when grid => null,
                NodeKind.Input => v - 1 < inputLabels.Count ? inputLabels[v - 1] : $"in{v - 1}",
                NodeKind.Output => v - 1 - genome.Shape.Inputs < outputLabels.Count ? outputLabels[v - 1 - genome.Shape.Inputs] : $"out{v - 1 - genome.Shape.Inputs}",
                _ => null,
            };
            placed[v] = new PlacedNode(node.Id, node.Kind, node.Activation, layer[v], x, y, label);
        }
        var circles = placed.Where(n => !(grid && n.Kind == NodeKind.Input)).ToList();
        var edges = liveEdges.Select(c => Route(new PlacedEdge(placed[index[c.Source]], placed[index[c.Destination]], c.Weight), circles)).ToList();
        bool vary = liveEdges.Any(c => c.Weight != 1f);
        return new NetworkLayout(placed.ToList(), edges, width, height, vary) { Grid = pixels };
    }

    /// <summary>Clearance an edge keeps from the centre of a node it does not touch.</summary>
    public const double Clearance = Radius + 3;

    /// <summary>
    /// The edge as a straight line if that passes no other node; else curves through one gap of each
    /// column it crosses (the gap nearest the straight line), which keep clear of the columns' nodes.
    /// </summary>
    private static PlacedEdge Route(PlacedEdge edge, IReadOnlyList<PlacedNode> circles)
    {
        if (Clear(edge, circles)) return edge;
        var via = new List<(double X, double Y)>();
        for (int l = edge.From.Layer + 1; l < edge.To.Layer; l++)
        {
            var column = circles.Where(n => n.Layer == l).OrderBy(n => n.Y).ToList();
            if (column.Count == 0) continue;
            double x = column[0].X;
            double wanted = edge.From.Y + (edge.To.Y - edge.From.Y) * (x - edge.From.X) / (edge.To.X - edge.From.X);
            var gaps = new List<double> { column[0].Y - RowGap / 2, column[^1].Y + RowGap / 2 };
            for (int i = 0; i + 1 < column.Count; i++) gaps.Add((column[i].Y + column[i + 1].Y) / 2);
            via.Add((x, gaps.MinBy(g => Math.Abs(g - wanted))));
        }
        return edge with { Via = via };
    }

    /// <summary>Whether the edge keeps <see cref="Clearance"/> from every node but its two ends (sampled along its length).</summary>
    public static bool Clear(PlacedEdge edge, IEnumerable<PlacedNode> nodes)
    {
        var others = nodes.Where(n => n != edge.From && n != edge.To).ToList();
        foreach (var (x, y) in edge.Samples(128))
            foreach (var n in others)
                if ((x - n.X) * (x - n.X) + (y - n.Y) * (y - n.Y) < Clearance * Clearance) return false;
        return true;
    }

    /// <summary>The activations that appear on hidden and output nodes, for the legend.</summary>
    public IReadOnlyList<ActivationFunction> LegendEntries() =>
        Nodes.Where(n => n.Kind is NodeKind.Hidden or NodeKind.Output).Select(n => n.Activation).Distinct().OrderBy(a => a).ToList();

    /// <summary>Line width for a connection: uniform in WANN mode, by |stored weight| otherwise.</summary>
    public double StrokeWidth(PlacedEdge edge) => WeightsVary ? 0.6 + Math.Min(4.0, Math.Abs(edge.Weight)) : 1.2;
}
