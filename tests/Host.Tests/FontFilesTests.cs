using Wann.Engine;
using Wann.Host.Output.Drawing;

namespace Wann.Host.Tests;

public sealed class FontFilesTests
{
    [Fact]
    public void NoFontAnywhere_GivesOneLineSayingWhatToInstall()
    {
        var e = Assert.Throws<WannException>(() => FontFiles.Find(null, new[] { "/no/such/font.ttf" }, includeUserFolders: false));
        Assert.Contains("fonts-dejavu-core", e.Message);
        Assert.Contains("WANN_FONT", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void TheFirstCandidateThatExists_IsTaken_AndWannFontComesFirst()
    {
        string folder = HostRunner.TempFolder();
        string a = Path.Combine(folder, "a.ttf"), b = Path.Combine(folder, "b.ttf");
        File.WriteAllText(b, "");
        Assert.Equal(b, FontFiles.Find(null, new[] { a, b }, includeUserFolders: false));
        File.WriteAllText(a, "");
        Assert.Equal(a, FontFiles.Find(null, new[] { a, b }, includeUserFolders: false));
        Assert.Equal(b, FontFiles.Find(b, new[] { a }, includeUserFolders: false));
        var missing = Assert.Throws<WannException>(() => FontFiles.Find(Path.Combine(folder, "none.ttf"), new[] { a }, includeUserFolders: false));
        Assert.Contains("WANN_FONT=", missing.Message);
    }
}
