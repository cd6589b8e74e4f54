using System.Globalization;
using System.Security;
using System.Text;
using Wann.Engine.Activations;
using Wann.Engine.Genomes;

namespace Wann.Host.Output.Drawing;

/// <summary>The layout as a stand-alone SVG: one &lt;line&gt; per connection, one &lt;circle&gt; per node, labels and a legend.</summary>
public static class SvgNetworkWriter
{
    private const double LegendWidth = 150;

    public static string Write(NetworkLayout layout, string title)
    {
        var legend = layout.LegendEntries();
        double width = layout.Width + LegendWidth, height = Math.Max(layout.Height, 70 + legend.Count * 22);
        var svg = new StringBuilder();
        svg.Append(Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width:F0}\" height=\"{height:F0}\" viewBox=\"0 0 {width:F0} {height:F0}\" font-family=\"DejaVu Sans, sans-serif\">\n"));
        svg.Append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        svg.Append(Invariant($"<text x=\"12\" y=\"22\" font-size=\"14\" font-weight=\"bold\">{Escape(title)}</text>\n"));
        svg.Append("<g id=\"connections\" stroke-linecap=\"round\">\n");
        foreach (var e in layout.Edges)
        {
            string colour = e.Weight < 0 ? "#c0392b" : "#555555";
            svg.Append(Invariant($"<line class=\"connection\" x1=\"{e.From.X:F1}\" y1=\"{e.From.Y:F1}\" x2=\"{e.To.X:F1}\" y2=\"{e.To.Y:F1}\" stroke=\"{colour}\" stroke-opacity=\"0.55\" stroke-width=\"{layout.StrokeWidth(e):F2}\"/>\n"));
        }
        svg.Append("</g>\n<g id=\"nodes\" font-size=\"10\" text-anchor=\"middle\">\n");
        foreach (var n in layout.Nodes)
        {
            string fill = n.Kind is NodeKind.Bias or NodeKind.Input ? "#ffffff" : ActivationStyle.Colour(n.Activation);
            svg.Append(Invariant($"<circle class=\"node\" data-id=\"{n.Id}\" cx=\"{n.X:F1}\" cy=\"{n.Y:F1}\" r=\"{NetworkLayout.Radius}\" fill=\"{fill}\" stroke=\"#222222\" stroke-width=\"1.2\"/>\n"));
            if (n.Kind is NodeKind.Hidden or NodeKind.Output && ActivationStyle.Glyph(n.Activation) is { Length: > 0 } glyph)
                svg.Append(Invariant($"<text x=\"{n.X:F1}\" y=\"{n.Y + 3.5:F1}\">{Escape(glyph)}</text>\n"));
            if (n.Label is { } label)
            {
                bool left = n.Kind is NodeKind.Bias or NodeKind.Input;
                double x = left ? n.X - NetworkLayout.Radius - 6 : n.X + NetworkLayout.Radius + 6;
                svg.Append(Invariant($"<text x=\"{x:F1}\" y=\"{n.Y + 4:F1}\" font-size=\"12\" text-anchor=\"{(left ? "end" : "start")}\">{Escape(label)}</text>\n"));
            }
        }
        svg.Append("</g>\n<g id=\"legend\" font-size=\"12\">\n");
        double lx = layout.Width + 10;
        svg.Append(Invariant($"<text x=\"{lx:F1}\" y=\"50\" font-weight=\"bold\">activation</text>\n"));
        for (int i = 0; i < legend.Count; i++)
        {
            double y = 70 + i * 22;
            svg.Append(Invariant($"<rect x=\"{lx:F1}\" y=\"{y - 10:F1}\" width=\"14\" height=\"14\" fill=\"{ActivationStyle.Colour(legend[i])}\" stroke=\"#222222\"/>\n"));
            svg.Append(Invariant($"<text x=\"{lx + 20:F1}\" y=\"{y + 2:F1}\">{Escape(Activation.Name(legend[i]))}</text>\n"));
        }
        svg.Append("</g>\n</svg>\n");
        return svg.ToString();
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
    private static string Escape(string text) => SecurityElement.Escape(text) ?? "";
}
