using Wann.Engine;

namespace Wann.Host.Output.Drawing;

/// <summary>
/// The TrueType font pictures are drawn with. The Skia build used here has no fontconfig, so the font is
/// loaded from its file (Debian's fonts-dejavu-core, which the README's set-up installs).
/// </summary>
public static class FontFiles
{
    private static readonly string[] Candidates =
    {
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/TTF/DejaVuSans.ttf",
    };

    private static bool _registered;

    public static string Sans() =>
        Candidates.FirstOrDefault(File.Exists)
        ?? throw new WannException("no DejaVu Sans font found to draw text with: install Debian's fonts-dejavu-core (apt-get install fonts-dejavu-core)");

    /// <summary>Makes ScottPlot draw every text with that font.</summary>
    public static void UseForCharts()
    {
        if (_registered) return;
        ScottPlot.Fonts.AddFontFile("DejaVu Sans", Sans());
        ScottPlot.Fonts.Default = "DejaVu Sans";
        _registered = true;
    }
}
