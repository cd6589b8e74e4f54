using System.Globalization;
using System.Text;
using Wann.Engine.Activations;
using Wann.Engine.Genomes;

namespace Wann.Engine.Formats;

/// <summary>
/// The original release's <c>.out</c> network format: N rows of N+1 comma-separated numbers. Columns
/// 0..N-1 are the weight matrix (row = source, column = destination; 0 = none, nan = disabled), column N
/// the activation id; rows are in evaluation order with the bias first, then inputs, hidden, outputs last.
/// The matrix holds the expressed network: every nan is off, so a parsed genome gets
/// <see cref="ConnectionExpression.EnabledOnly"/>, and a written one shows each connection its rule expresses.
/// </summary>
public static class OutMatrixFormat
{
    /// <summary>Most nodes a written .out file may hold: its n x (n + 1) cells grow with the square of the node count.</summary>
    public const int MaxNodes = 8192;

    public static Genome Parse(string text, NetworkShape shape, string where)
    {
        var lines = text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToArray();
        int n = lines.Length;
        int nIn = shape.Inputs, nOut = shape.Outputs;
        if (n < 1L + nIn + nOut)
            throw new WannException($"{where}: {n} rows, but a {shape} network needs at least {1L + nIn + nOut} (bias, inputs, outputs)");

        // Every row is checked for its width before its cells are kept, and only the cells that are not 0
        // are kept: the matrix itself would take n x (n + 1) doubles, whatever the file's size.
        var activationColumn = new double[n];
        var weights = new List<(int Source, int Destination, double Weight)>();
        for (int row = 0; row < n; row++)
        {
            var cells = lines[row].Split(',');
            if (cells.Length != n + 1)
                throw new WannException($"{where}: row {row + 1} has {cells.Length} columns, expected {n + 1} (an {n}x{n} matrix plus the activation column)");
            for (int col = 0; col < n; col++)
            {
                double w = ParseCell(cells[col].Trim(), where, row, col);
                if (w != 0) weights.Add((row, col, w));
            }
            activationColumn[row] = ParseCell(cells[n].Trim(), where, row, n);
        }

        // Node order in a genome: bias, inputs, outputs, then hidden; the file has outputs last. A node's id is its row.
        int firstOutputRow = n - nOut;
        var nodes = new List<NodeGene>(n);
        for (int row = 0; row < n; row++)
        {
            double act = activationColumn[row];
            if (double.IsNaN(act) || act != Math.Floor(act) || !Activation.IsValidId((int)act))
                throw new WannException($"{where}: row {row + 1}: activation column holds {act}, expected an id from 1 to 11");
        }
        nodes.Add(new NodeGene(0, NodeKind.Bias, (ActivationFunction)(int)activationColumn[0]));
        for (int row = 1; row <= nIn; row++) nodes.Add(new NodeGene(row, NodeKind.Input, (ActivationFunction)(int)activationColumn[row]));
        for (int row = firstOutputRow; row < n; row++) nodes.Add(new NodeGene(row, NodeKind.Output, (ActivationFunction)(int)activationColumn[row]));
        for (int row = nIn + 1; row < firstOutputRow; row++) nodes.Add(new NodeGene(row, NodeKind.Hidden, (ActivationFunction)(int)activationColumn[row]));

        var connections = new List<ConnectionGene>(weights.Count);
        long innovation = 0;
        foreach (var (source, destination, w) in weights)
        {
            if (destination <= nIn)
                throw new WannException($"{where}: row {source + 1}, column {destination + 1}: a connection into the bias or an input of a {shape} network: are the input/output counts right? Give the network's --task or --io");
            if (destination <= source)
                throw new WannException($"{where}: row {source + 1}, column {destination + 1}: a connection backwards in the node order (the format is feed-forward)");
            bool enabled = !double.IsNaN(w);
            connections.Add(new ConnectionGene(innovation++, source, destination, enabled, enabled ? (float)w : 1f));
        }
        // Every hidden node of a searched network was made by splitting a connection, so it has an input;
        // one without is the sign of a file read with the wrong input/output counts.
        var fed = new HashSet<int>(connections.Select(c => c.Destination));
        for (int row = nIn + 1; row < firstOutputRow; row++)
            if (!fed.Contains(row))
                throw new WannException($"{where}: row {row + 1} would be a hidden node without inputs: are the input/output counts ({shape}) right? Give the network's --task or --io");
        // The format's nan is off whatever nodes it joins (the original's act() zeroes every nan), so the
        // original's rule for disabled hidden-to-hidden genes must not turn a nan here back on.
        var genome = new Genome(shape, nodes, connections, ConnectionExpression.EnabledOnly);
        if (genome.Validate() is { } problem) throw new WannException($"{where}: network {problem}");
        return genome;
    }

    private static double ParseCell(string cell, string where, int row, int col)
    {
        if (cell.Equals("nan", StringComparison.OrdinalIgnoreCase)) return double.NaN;
        if (!double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || double.IsInfinity(value))
            throw new WannException($"{where}: row {row + 1}, column {col + 1}: '{cell}' is not a number");
        return value;
    }

    /// <summary>
    /// Writes the genome as a <c>.out</c> matrix: each connection its <see cref="Genome.Expression"/> makes
    /// live with its stored weight (so, by default, disabled hidden-to-hidden ones too, as the original's
    /// exports show), every other disabled one as nan.
    /// </summary>
    public static string Format(Genome genome)
    {
        int n = genome.Nodes.Count;
        if (n > MaxNodes) throw new WannException($"a network of {n} nodes is too large for the .out format ({MaxNodes} nodes at most: it writes n x (n + 1) cells)");
        var rowOfPosition = RowOrder(genome);
        var index = genome.NodeIndexById();
        var live = genome.Expression.Mask(genome);
        // Only the cells that are not 0 are held (row by row); the rest are written as they go.
        var cellsOfRow = new Dictionary<int, string>[n];
        for (int k = 0; k < genome.Connections.Count; k++)
        {
            var c = genome.Connections[k];
            int r = rowOfPosition[index[c.Source]], col = rowOfPosition[index[c.Destination]];
            (cellsOfRow[r] ??= new Dictionary<int, string>())[col] = live[k] ? FormatNumber(c.Weight) : "nan";
        }
        var activationOfRow = new string[n];
        for (int position = 0; position < n; position++)
            activationOfRow[rowOfPosition[position]] = FormatNumber((int)genome.Nodes[position].Activation);
        string zero = FormatNumber(0);
        var text = new StringBuilder();
        for (int r = 0; r < n; r++)
        {
            var cells = cellsOfRow[r];
            for (int c = 0; c < n; c++)
            {
                if (c > 0) text.Append(',');
                text.Append(cells is not null && cells.TryGetValue(c, out var cell) ? cell : zero);
            }
            text.Append(',').Append(activationOfRow[r]).Append('\n');
        }
        return text.ToString();
    }

    /// <summary>Row of each node position: bias, inputs, hidden in feed-forward order, outputs last.</summary>
    private static int[] RowOrder(Genome genome)
    {
        int nIn = genome.Shape.Inputs, nOut = genome.Shape.Outputs, n = genome.Nodes.Count;
        var index = genome.NodeIndexById();
        foreach (var c in genome.Connections)
            if (genome.Nodes[index[c.Source]].Kind == NodeKind.Output)
                throw new WannException($"a connection leaves output node {c.Source}: the .out format puts outputs last and cannot hold it");
        var order = TopologicalOrder.Of(genome, enabledOnly: false) ?? throw new WannException("network has a cycle");
        var rows = new int[n];
        int next = 1 + nIn;
        for (int p = 0; p <= nIn; p++) rows[p] = p;
        foreach (int p in order)
            if (genome.Nodes[p].Kind == NodeKind.Hidden) rows[p] = next++;
        for (int o = 0; o < nOut; o++) rows[1 + nIn + o] = next++;
        return rows;
    }

    /// <summary>The original's <c>%1.2e</c> where that loses nothing, otherwise enough digits to round-trip the float.</summary>
    public static string FormatNumber(float value)
    {
        // Formatted as a double: .NET's custom formats give a float only 7 significant digits, too few to
        // round-trip it; 9 digits of the (exact) double always do.
        double exact = value;
        string shortForm = exact.ToString("0.00e+00", CultureInfo.InvariantCulture);
        if (float.Parse(shortForm, CultureInfo.InvariantCulture) == value) return shortForm;
        return exact.ToString("0.00000000e+00", CultureInfo.InvariantCulture);
    }
}
