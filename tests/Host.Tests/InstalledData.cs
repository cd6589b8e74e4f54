namespace Wann.Host.Tests;

/// <summary>Skips a test whose data set is not installed here, and only then: any other failure to load it fails the test.</summary>
internal static class InstalledData
{
    public static void RequireDigits()
    {
        try { Engine.Datasets.ClassificationSources.Digits(); }
        // The one message ClassificationSources gives for missing files; a damaged or unreadable file is a failure.
        catch (Engine.WannException e) when (e.Message.Contains("data set not found")) { throw new SkipException("digits not installed (scripts/install-datasets.sh)"); }
    }
}
