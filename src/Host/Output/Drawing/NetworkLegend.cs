using Wann.Engine.Activations;

namespace Wann.Host.Output.Drawing;

/// <summary>What a legend row shows beside its text.</summary>
public enum LegendMark
{
    Heading,
    Activation,
    PositiveEdge,
    NegativeEdge,
    Note,
    UsedPixel,
    UnusedPixel,
}

/// <summary>One row of a network drawing's legend.</summary>
public sealed record LegendRow(LegendMark Mark, string Text, ActivationFunction Activation = ActivationFunction.Linear);

/// <summary>
/// The legend of a network drawing, the same in SVG and PNG: each activation's colour and glyph, what the
/// edge colours (and widths) mean, and, for a pixel grid, which pixels the network reads.
/// </summary>
public static class NetworkLegend
{
    public const double Width = 200, Top = 50, RowHeight = 22;

    /// <summary>Edge colours: grey for a positive (or shared) weight, red for a negative stored weight.</summary>
    public const string PositiveColour = "#555555", NegativeColour = "#c0392b";

    public static IReadOnlyList<LegendRow> Rows(NetworkLayout layout)
    {
        var rows = new List<LegendRow> { new(LegendMark.Heading, "activation") };
        rows.AddRange(layout.LegendEntries().Select(a => new LegendRow(LegendMark.Activation, Activation.Name(a), a)));
        rows.Add(new(LegendMark.Heading, "connection"));
        if (layout.WeightsVary)
        {
            rows.Add(new(LegendMark.PositiveEdge, "positive stored weight"));
            rows.Add(new(LegendMark.NegativeEdge, "negative stored weight"));
            rows.Add(new(LegendMark.Note, "width grows with |weight|"));
        }
        else
        {
            rows.Add(new(LegendMark.PositiveEdge, "carries the shared weight"));
        }
        if (layout.Grid is not null)
        {
            rows.Add(new(LegendMark.Heading, "input pixel"));
            rows.Add(new(LegendMark.UsedPixel, "read by the network"));
            rows.Add(new(LegendMark.UnusedPixel, "not connected"));
        }
        return rows;
    }

    /// <summary>Height the legend needs below <see cref="Top"/>.</summary>
    public static double Height(IReadOnlyList<LegendRow> rows) => Top + 20 + rows.Count * RowHeight;

    public static string EdgeColour(PlacedEdge edge) => edge.Weight < 0 ? NegativeColour : PositiveColour;

    /// <summary>Fill of an input pixel: dark where the network reads it.</summary>
    public static string PixelColour(bool used) => used ? "#4d4d4d" : "#eeeeee";
}
