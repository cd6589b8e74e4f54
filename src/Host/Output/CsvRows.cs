using System.Globalization;
using Wann.Engine;
using Wann.Engine.Formats;

namespace Wann.Host.Output;

/// <summary>
/// Rows of numbers in a comma-separated file, or standard input for "-". A first row of names (no cell a
/// number) is a header and skipped. A blank line between rows is an error; blank lines at the end are
/// ignored with a warning, never silently.
/// </summary>
public static class CsvRows
{
    /// <summary>The path that means standard input.</summary>
    public const string StandardInput = "-";

    public static List<float[]> Read(string path, int width)
    {
        string name = Name(path);
        string text = ReadText(path);
        var lines = text.Split('\n');
        int count = lines.Length > 0 && lines[^1].Length == 0 ? lines.Length - 1 : lines.Length; // the newline that ends the last line
        int lastFilled = -1;
        for (int i = 0; i < count; i++) if (lines[i].Trim().Length > 0) lastFilled = i;

        var rows = new List<float[]>();
        for (int i = 0; i <= lastFilled; i++)
        {
            string line = lines[i].Trim();
            if (line.Length == 0)
                throw new WannException($"{name}: line {i + 1} is blank: every line needs {width} values (one per network input)");
            var cells = line.Split(',');
            if (rows.Count == 0 && i == FirstFilled(lines) && IsHeader(cells))
            {
                if (cells.Length != width)
                    throw new WannException($"{name}: line {i + 1} (header) names {cells.Length} columns, expected {width} (one per network input)");
                continue;
            }
            if (cells.Length != width)
                throw new WannException($"{name}: line {i + 1} has {cells.Length} values, expected {width} (one per network input)");
            var row = new float[width];
            for (int k = 0; k < width; k++)
                if (!float.TryParse(cells[k].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out row[k]) || !float.IsFinite(row[k]))
                    throw new WannException($"{name}: line {i + 1}, column {k + 1}: '{cells[k].Trim()}' is not a finite number");
            rows.Add(row);
        }
        if (rows.Count == 0) throw new WannException($"{name}: no rows of inputs");
        int trailing = count - 1 - lastFilled;
        if (trailing > 0)
            Console.Error.WriteLine($"wann: warning: {name}: ignored {trailing} blank line{(trailing > 1 ? "s" : "")} after the last row");
        return rows;
    }

    /// <summary>The text of <paramref name="path"/>, or of standard input for "-", up to the CSV size limit.</summary>
    public static string ReadText(string path) => path == StandardInput ? ReadStandardInput() : BoundedFile.ReadText(path, FileLimit.Csv);

    /// <summary>How <paramref name="path"/> is named in messages.</summary>
    public static string Name(string path) => path == StandardInput ? "standard input" : path;

    /// <summary>Standard input up to the CSV limit: a pipe has no size to check before it is read.</summary>
    private static string ReadStandardInput()
    {
        var text = new System.Text.StringBuilder();
        var chunk = new char[1 << 16];
        int read;
        while ((read = Console.In.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (text.Length + (long)read > FileLimit.Csv.MaxBytes)
                throw new WannException($"standard input: more than a {FileLimit.Csv.What} may hold ({FileLimit.Csv.MaxBytes:N0} bytes)");
            text.Append(chunk, 0, read);
        }
        return text.ToString();
    }

    private static int FirstFilled(string[] lines)
    {
        for (int i = 0; i < lines.Length; i++) if (lines[i].Trim().Length > 0) return i;
        return -1;
    }

    // A header names columns: none of its cells reads as a number.
    private static bool IsHeader(string[] cells) =>
        cells.All(c => !double.TryParse(c.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out _));

    /// <summary>Shortest text that reads back as the same float.</summary>
    public static string Format(float value) => value.ToString("R", CultureInfo.InvariantCulture);
}
