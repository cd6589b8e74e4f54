using Wann.Engine.Activations;

namespace Wann.Host.Output.Drawing;

/// <summary>How drawings mark each activation: its <see cref="ActivationTable"/> row's fill colour and glyph (black "?" for an id without one).</summary>
public static class ActivationStyle
{
    public static string Colour(ActivationFunction f) => ActivationTable.Find((int)f)?.Style.Colour ?? "#000000";

    public static string Glyph(ActivationFunction f) => ActivationTable.Find((int)f)?.Style.Glyph ?? "?";
}
