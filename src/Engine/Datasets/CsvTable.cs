using System.Globalization;

namespace Wann.Engine.Datasets;

/// <summary>
/// A CSV file of examples as text cells, with its header (if it has one) told apart from data. The first
/// row is a header when one of its cells is not a number where the row below it holds one (a file of a
/// single row is a header only if no cell of it is a number). Cells are split on commas; quotes are not
/// interpreted, as numeric data sets need none.
/// </summary>
public sealed class CsvTable
{
    /// <summary>The file, as named in error messages.</summary>
    public string Path { get; }

    /// <summary>Column names from the header, or null when the file has none.</summary>
    public IReadOnlyList<string>? Header { get; }

    /// <summary>Data rows, each with <see cref="Width"/> trimmed cells.</summary>
    public IReadOnlyList<string[]> Rows { get; }

    /// <summary>The 1-based line number of each data row in the file, for error messages.</summary>
    public IReadOnlyList<int> LineNumbers { get; }

    public int Width { get; }

    private CsvTable(string path, IReadOnlyList<string>? header, IReadOnlyList<string[]> rows, IReadOnlyList<int> lineNumbers, int width)
    {
        Path = path;
        Header = header;
        Rows = rows;
        LineNumbers = lineNumbers;
        Width = width;
    }

    /// <summary>Reads <paramref name="path"/>; a ragged row or an empty file is one error naming file and line.</summary>
    public static CsvTable Read(string path)
    {
        string[] lines = Formats.BoundedFile.ReadText(path, Formats.FileLimit.Csv).Split(new[] { "\r\n", "\r", "\n" }, StringSplitOptions.None);
        var rows = new List<string[]>();
        var numbers = new List<int>();
        for (int i = 0; i < lines.Length; i++)
        {
            if (lines[i].Trim().Length == 0) continue;
            rows.Add(lines[i].Split(',').Select(c => c.Trim()).ToArray());
            numbers.Add(i + 1);
        }
        if (rows.Count == 0) throw new WannException($"{path}: no rows");
        int width = rows[0].Length;
        for (int r = 1; r < rows.Count; r++)
            if (rows[r].Length != width)
                throw new WannException($"{path}: line {numbers[r]} has {rows[r].Length} columns, line {numbers[0]} has {width}");

        bool header = rows.Count == 1
            ? rows[0].All(c => !IsNumber(c))
            : Enumerable.Range(0, width).Any(c => !IsNumber(rows[0][c]) && IsNumber(rows[1][c]));
        if (!header) return new CsvTable(path, null, rows, numbers, width);
        if (rows.Count == 1) throw new WannException($"{path}: a header and no data rows");
        return new CsvTable(path, rows[0], rows.Skip(1).ToList(), numbers.Skip(1).ToList(), width);
    }

    /// <summary>A finite number in the invariant culture.</summary>
    public static bool IsNumber(string cell) =>
        double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && double.IsFinite(v);

    /// <summary>How a column is named in messages: its header name, or its 1-based number.</summary>
    public string ColumnName(int column) => Header is { } h ? $"column {column + 1} ('{h[column]}')" : $"column {column + 1}";
}
