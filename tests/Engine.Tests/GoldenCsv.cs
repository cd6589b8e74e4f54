using System.Globalization;

namespace Wann.Engine.Tests;

/// <summary>Golden values stored as CSV rows of numbers.</summary>
public static class GoldenCsv
{
    /// <summary>The rows at full precision (the original wrote float64 values with repr).</summary>
    public static double[][] ReadDoubles(string path) =>
        File.ReadAllLines(path).Where(l => l.Trim().Length > 0)
            .Select(l => l.Split(',').Select(c => double.Parse(c, CultureInfo.InvariantCulture)).ToArray())
            .ToArray();
}
