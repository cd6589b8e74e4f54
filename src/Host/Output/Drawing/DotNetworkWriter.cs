using System.Globalization;
using System.Text;
using Wann.Engine.Activations;
using Wann.Engine.Genomes;

namespace Wann.Host.Output.Drawing;

/// <summary>The network as Graphviz DOT (left to right, one rank per layer), for people who lay out with Graphviz.</summary>
public static class DotNetworkWriter
{
    public static string Write(NetworkLayout layout, string title)
    {
        var dot = new StringBuilder();
        dot.Append("digraph wann {\n  rankdir=LR;\n  splines=line;\n");
        dot.Append($"  label=\"{Quote(title)}\";\n  labelloc=t;\n  node [shape=circle, style=filled, fontname=\"DejaVu Sans\", fontsize=10];\n");
        foreach (var n in layout.Nodes)
        {
            string fill = n.Kind is NodeKind.Bias or NodeKind.Input ? "#ffffff" : ActivationStyle.Colour(n.Activation);
            string text = n.Label ?? Activation.Name(n.Activation);
            if (n.Kind == NodeKind.Output) text = $"{n.Label}\\n{Activation.Name(n.Activation)}";
            dot.Append($"  n{n.Id} [label=\"{Quote(text)}\", fillcolor=\"{fill}\"];\n");
        }
        foreach (var layer in layout.Nodes.GroupBy(n => n.Layer))
            dot.Append($"  {{ rank=same; {string.Join("; ", layer.Select(n => $"n{n.Id}"))}; }}\n");
        foreach (var e in layout.Edges)
            dot.Append(string.Create(CultureInfo.InvariantCulture, $"  n{e.From.Id} -> n{e.To.Id} [penwidth={layout.StrokeWidth(e):F2}{(e.Weight < 0 ? ", color=\"#c0392b\"" : "")}];\n"));
        dot.Append("}\n");
        return dot.ToString();
    }

    private static string Quote(string text) => text.Replace("\\", "\\\\").Replace("\"", "\\\"");
}
