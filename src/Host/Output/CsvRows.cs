using System.Globalization;
using Wann.Engine;
using Wann.Engine.Formats;

namespace Wann.Host.Output;

/// <summary>Rows of numbers in a comma-separated file without a header.</summary>
public static class CsvRows
{
    public static List<float[]> Read(string path, int width)
    {
        var rows = new List<float[]>();
        var lines = AtomicFile.ReadAllText(path).Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].Trim();
            if (line.Length == 0) continue;
            var cells = line.Split(',');
            if (cells.Length != width)
                throw new WannException($"{path}: line {i + 1} has {cells.Length} values, expected {width} (one per network input)");
            var row = new float[width];
            for (int k = 0; k < width; k++)
                if (!float.TryParse(cells[k].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out row[k]) || !float.IsFinite(row[k]))
                    throw new WannException($"{path}: line {i + 1}, column {k + 1}: '{cells[k].Trim()}' is not a finite number");
            rows.Add(row);
        }
        if (rows.Count == 0) throw new WannException($"{path}: no rows of inputs");
        return rows;
    }

    /// <summary>Shortest text that reads back as the same float.</summary>
    public static string Format(float value) => value.ToString("R", CultureInfo.InvariantCulture);
}
