using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Wann.Engine.Genomes;

/// <summary>
/// A SHA-256 (lowercase hex) of a genome's topology: its shape, node genes, connection genes without their
/// weights, and expression rule. Tuning changes weights only, so a tuned network has the fingerprint of the
/// network it was tuned from: <c>table --tuned</c> checks that the two belong together.
/// </summary>
public static class TopologyFingerprint
{
    public static string Of(Genome genome)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{genome.Shape.Inputs}x{genome.Shape.Outputs};{genome.Expression.ExpressesDisabledHidden}\n");
        foreach (var n in genome.Nodes.OrderBy(n => n.Id))
            text.Append(CultureInfo.InvariantCulture, $"n{n.Id},{(int)n.Kind},{(int)n.Activation}\n");
        foreach (var c in genome.Connections.OrderBy(c => c.Innovation))
            text.Append(CultureInfo.InvariantCulture, $"c{c.Innovation},{c.Source},{c.Destination},{c.Enabled}\n");
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()))).ToLowerInvariant();
    }
}
