using System.Globalization;
using System.Security;
using System.Text;
using Wann.Engine.Genomes;

namespace Wann.Host.Output.Drawing;

/// <summary>
/// The layout as a stand-alone SVG: one element of class "connection" per connection (a line, or a curve
/// around nodes in its way), one circle of class "node" per node (a square per pixel of an input grid),
/// labels and a legend.
/// </summary>
public static class SvgNetworkWriter
{
    public static string Write(NetworkLayout layout, string title)
    {
        var legend = NetworkLegend.Rows(layout);
        double width = layout.Width + NetworkLegend.Width, height = Math.Max(layout.Height, NetworkLegend.Height(legend));
        var used = new HashSet<int>(layout.Edges.Select(e => e.From.Id));
        var svg = new StringBuilder();
        svg.Append(Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width:F0}\" height=\"{height:F0}\" viewBox=\"0 0 {width:F0} {height:F0}\" font-family=\"DejaVu Sans, sans-serif\">\n"));
        svg.Append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        svg.Append(Invariant($"<text x=\"12\" y=\"22\" font-size=\"14\" font-weight=\"bold\">{Escape(title)}</text>\n"));
        if (layout.Grid is { } grid)
        {
            svg.Append("<g id=\"pixels\">\n");
            foreach (var n in layout.Nodes.Where(n => n.Kind == NodeKind.Input))
                svg.Append(Invariant($"<rect class=\"node pixel\" data-id=\"{n.Id}\" x=\"{n.X - grid.Cell / 2:F1}\" y=\"{n.Y - grid.Cell / 2:F1}\" width=\"{grid.Cell:F1}\" height=\"{grid.Cell:F1}\" fill=\"{NetworkLegend.PixelColour(used.Contains(n.Id))}\" stroke=\"#bbbbbb\" stroke-width=\"0.5\"/>\n"));
            svg.Append("</g>\n");
        }
        svg.Append("<g id=\"connections\" stroke-linecap=\"round\" fill=\"none\">\n");
        foreach (var e in layout.Edges)
        {
            string look = Invariant($"stroke=\"{NetworkLegend.EdgeColour(e)}\" stroke-opacity=\"0.55\" stroke-width=\"{layout.StrokeWidth(e):F2}\"");
            if (e.IsCurve)
            {
                svg.Append(Invariant($"<path class=\"connection\" d=\"M{e.From.X:F1},{e.From.Y:F1}"));
                foreach (var (_, a, b, end) in e.Pieces()) svg.Append(Invariant($" C{a.X:F1},{a.Y:F1} {b.X:F1},{b.Y:F1} {end.X:F1},{end.Y:F1}"));
                svg.Append("\" ").Append(look).Append("/>\n");
            }
            else
                svg.Append(Invariant($"<line class=\"connection\" x1=\"{e.From.X:F1}\" y1=\"{e.From.Y:F1}\" x2=\"{e.To.X:F1}\" y2=\"{e.To.Y:F1}\" ")).Append(look).Append("/>\n");
        }
        svg.Append("</g>\n<g id=\"nodes\" font-size=\"10\" text-anchor=\"middle\">\n");
        foreach (var n in layout.Nodes)
        {
            if (layout.Grid is not null && n.Kind == NodeKind.Input) continue;
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
        for (int i = 0; i < legend.Count; i++)
        {
            var row = legend[i];
            double y = NetworkLegend.Top + i * NetworkLegend.RowHeight;
            switch (row.Mark)
            {
                case LegendMark.Heading:
                    svg.Append(Invariant($"<text x=\"{lx:F1}\" y=\"{y + 2:F1}\" font-weight=\"bold\">{Escape(row.Text)}</text>\n"));
                    continue;
                case LegendMark.Activation:
                    svg.Append(Invariant($"<circle cx=\"{lx + 9:F1}\" cy=\"{y - 2:F1}\" r=\"9\" fill=\"{ActivationStyle.Colour(row.Activation)}\" stroke=\"#222222\"/>\n"));
                    svg.Append(Invariant($"<text x=\"{lx + 9:F1}\" y=\"{y + 1:F1}\" font-size=\"8\" text-anchor=\"middle\">{Escape(ActivationStyle.Glyph(row.Activation))}</text>\n"));
                    break;
                case LegendMark.PositiveEdge or LegendMark.NegativeEdge:
                    string colour = row.Mark == LegendMark.NegativeEdge ? NetworkLegend.NegativeColour : NetworkLegend.PositiveColour;
                    svg.Append(Invariant($"<line x1=\"{lx:F1}\" y1=\"{y - 2:F1}\" x2=\"{lx + 18:F1}\" y2=\"{y - 2:F1}\" stroke=\"{colour}\" stroke-width=\"2\"/>\n"));
                    break;
                case LegendMark.UsedPixel or LegendMark.UnusedPixel:
                    svg.Append(Invariant($"<rect x=\"{lx + 2:F1}\" y=\"{y - 9:F1}\" width=\"14\" height=\"14\" fill=\"{NetworkLegend.PixelColour(row.Mark == LegendMark.UsedPixel)}\" stroke=\"#bbbbbb\"/>\n"));
                    break;
            }
            svg.Append(Invariant($"<text x=\"{lx + 24:F1}\" y=\"{y + 2:F1}\">{Escape(row.Text)}</text>\n"));
        }
        svg.Append("</g>\n</svg>\n");
        return svg.ToString();
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
    private static string Escape(string text) => SecurityElement.Escape(text) ?? "";
}
