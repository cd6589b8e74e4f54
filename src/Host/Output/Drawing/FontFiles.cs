using Wann.Engine;

namespace Wann.Host.Output.Drawing;

/// <summary>
/// The TrueType font pictures are drawn with. The Skia build used here has no fontconfig, so the font is
/// loaded from its file: DejaVu Sans where the usual systems put it (Debian's fonts-dejavu-core, which the
/// README's set-up installs), else a common sans font, or the file named by WANN_FONT.
/// </summary>
public static class FontFiles
{
    /// <summary>Environment variable that names a .ttf file to draw with, ahead of every other candidate.</summary>
    public const string OverrideVariable = "WANN_FONT";

    private static readonly string[] Candidates =
    {
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",      // Debian, Ubuntu
        "/usr/share/fonts/dejavu-sans-fonts/DejaVuSans.ttf",    // Fedora, RHEL
        "/usr/share/fonts/dejavu/DejaVuSans.ttf",               // older Fedora, CentOS
        "/usr/share/fonts/TTF/DejaVuSans.ttf",                  // Arch
        "/usr/share/fonts/truetype/DejaVuSans.ttf",             // openSUSE
        "/usr/local/share/fonts/dejavu/DejaVuSans.ttf",         // FreeBSD
        "/opt/homebrew/share/fonts/DejaVuSans.ttf",             // macOS, Homebrew (Apple silicon)
        "/usr/local/share/fonts/DejaVuSans.ttf",                // macOS, Homebrew (Intel)
        "/Library/Fonts/DejaVuSans.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
        "/usr/share/fonts/liberation-sans/LiberationSans-Regular.ttf",
        "/System/Library/Fonts/Supplemental/Arial.ttf",         // macOS
        "/Library/Fonts/Arial.ttf",
        @"C:\Windows\Fonts\DejaVuSans.ttf",
        @"C:\Windows\Fonts\arial.ttf",
    };

    /// <summary>What to do when no font is found: one line a user can act on.</summary>
    public const string InstallHint =
        "no font to draw text with: install DejaVu Sans (Debian/Ubuntu: apt-get install fonts-dejavu-core; " +
        "Fedora: dnf install dejavu-sans-fonts; Arch: pacman -S ttf-dejavu; macOS: brew install --cask font-dejavu) " +
        "or set WANN_FONT to a .ttf file";

    private static bool _registered;

    /// <summary>The font file to draw with; a clear error when there is none.</summary>
    public static string Sans() => Find(Environment.GetEnvironmentVariable(OverrideVariable), Candidates, includeUserFolders: true);

    /// <summary>The override when set (it must exist), else the first candidate that exists, else a user's own font folder.</summary>
    public static string Find(string? overridePath, IEnumerable<string> candidates, bool includeUserFolders)
    {
        if (!string.IsNullOrWhiteSpace(overridePath))
            return File.Exists(overridePath) ? overridePath : throw new WannException($"{OverrideVariable}={overridePath}: no such font file");
        foreach (var path in candidates)
            if (File.Exists(path)) return path;
        foreach (var user in includeUserFolders ? UserFontFiles() : [])
            if (File.Exists(user)) return user;
        throw new WannException(InstallHint);
    }

    // Fonts installed for one user only: ~/.local/share/fonts (Linux), ~/Library/Fonts (macOS).
    private static IEnumerable<string> UserFontFiles()
    {
        string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (home.Length == 0) yield break;
        yield return Path.Combine(home, ".local", "share", "fonts", "DejaVuSans.ttf");
        yield return Path.Combine(home, ".fonts", "DejaVuSans.ttf");
        yield return Path.Combine(home, "Library", "Fonts", "DejaVuSans.ttf");
    }

    /// <summary>Makes ScottPlot draw every text with that font.</summary>
    public static void UseForCharts()
    {
        if (_registered) return;
        ScottPlot.Fonts.AddFontFile("DejaVu Sans", Sans());
        ScottPlot.Fonts.Default = "DejaVu Sans";
        _registered = true;
    }
}
