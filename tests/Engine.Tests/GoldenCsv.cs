namespace Wann.Engine.Tests;

/// <summary>Golden values stored as CSV rows of floats.</summary>
public static class GoldenCsv
{
    public static float[][] Read(string path) =>
        File.ReadAllLines(path).Where(l => l.Trim().Length > 0)
            .Select(l => l.Split(',').Select(c => float.Parse(c, System.Globalization.CultureInfo.InvariantCulture)).ToArray())
            .ToArray();
}
