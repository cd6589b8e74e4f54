using System.Globalization;

namespace Wann.Engine.Datasets;

/// <summary>
/// A CSV file of examples as text cells, with its header (if it has one) told apart from data. The first
/// row is a header when one of its cells is not a number where the row below it holds one (a file of a
/// single row is a header only if no cell of it is a number). Cells are split on commas; quotes are not
/// interpreted, as numeric data sets need none. A first row in scikit-learn's layout (number of rows, number
/// of features, then the class names: the CSVs under <c>sklearn/datasets/data</c>) is metadata, not a header.
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

    /// <summary>The class names of a scikit-learn metadata row (the labels 0, 1, ... in order), or null when the file has none.</summary>
    public IReadOnlyList<string>? MetadataClassNames { get; private init; }

    private CsvTable(string path, IReadOnlyList<string>? header, IReadOnlyList<string[]> rows, IReadOnlyList<int> lineNumbers, int width)
    {
        Path = path;
        Header = header;
        Rows = rows;
        LineNumbers = lineNumbers;
        Width = width;
    }

    /// <summary>Reads <paramref name="path"/>; a ragged row or an empty file is one error naming file and line.</summary>
    public static CsvTable Read(string path) => Parse(Formats.BoundedFile.ReadText(path, Formats.FileLimit.Csv), path);

    /// <summary>The table in <paramref name="text"/>, named <paramref name="path"/> in errors.</summary>
    public static CsvTable Parse(string text, string path)
    {
        string[] lines = text.Split(new[] { "\r\n", "\r", "\n" }, StringSplitOptions.None);
        var rows = new List<string[]>();
        var numbers = new List<int>();
        for (int i = 0; i < lines.Length; i++)
        {
            if (lines[i].Trim().Length == 0) continue;
            rows.Add(lines[i].Split(',').Select(c => c.Trim()).ToArray());
            numbers.Add(i + 1);
        }
        if (rows.Count == 0) throw new WannException($"{path}: no rows");
        var classNames = ScikitLearnMetadata(rows);
        if (classNames is not null)
        {
            rows.RemoveAt(0);
            numbers.RemoveAt(0);
        }
        int width = rows[0].Length;
        for (int r = 1; r < rows.Count; r++)
            if (rows[r].Length != width)
                throw new WannException($"{path}: line {numbers[r]} has {rows[r].Length} columns, line {numbers[0]} has {width}");
        if (classNames is not null) return new CsvTable(path, null, rows, numbers, width) { MetadataClassNames = classNames };

        bool header = rows.Count == 1
            ? rows[0].All(c => !IsNumber(c))
            : Enumerable.Range(0, width).Any(c => !IsNumber(rows[0][c]) && IsNumber(rows[1][c]));
        if (!header) return new CsvTable(path, null, rows, numbers, width);
        if (rows.Count == 1) throw new WannException($"{path}: a header and no data rows");
        return new CsvTable(path, rows[0], rows.Skip(1).ToList(), numbers.Skip(1).ToList(), width);
    }

    /// <summary>
    /// The class names of a first row in scikit-learn's layout: "rows,features,name0,name1,..." where rows is the
    /// number of rows below it and features one less than their width, every one of them numeric; null otherwise.
    /// </summary>
    private static IReadOnlyList<string>? ScikitLearnMetadata(List<string[]> rows)
    {
        if (rows.Count < 2 || rows[0].Length < 2) return null;
        var first = rows[0];
        bool counts = int.TryParse(first[0], NumberStyles.None, CultureInfo.InvariantCulture, out int count) && count == rows.Count - 1
                      && int.TryParse(first[1], NumberStyles.None, CultureInfo.InvariantCulture, out int features) && features == rows[1].Length - 1;
        if (!counts || !rows.Skip(1).All(r => r.All(IsNumber))) return null;
        return first.Skip(2).ToArray();
    }

    /// <summary>A finite number in the invariant culture.</summary>
    public static bool IsNumber(string cell) =>
        double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && double.IsFinite(v);

    /// <summary>How a column is named in messages: its header name, or its 1-based number.</summary>
    public string ColumnName(int column) => Header is { } h ? $"column {column + 1} ('{h[column]}')" : $"column {column + 1}";
}
