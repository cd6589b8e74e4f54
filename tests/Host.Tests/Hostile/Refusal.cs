using System.Security.Cryptography;

namespace Wann.Host.Tests.Hostile;

/// <summary>What a refusal of bad input must look like, and the check that it left nothing behind.</summary>
internal static class Refusal
{
    /// <summary>Exit status 2, one line on standard error starting "wann: " and holding <paramref name="expected"/>, no stack trace, nothing on standard output.</summary>
    public static void AssertOneLine(HostRunner.Result result, string expected)
    {
        Assert.True(result.ExitCode == 2, $"exit {result.ExitCode}, expected 2; stderr: {result.Error}");
        string error = result.Error.Trim();
        Assert.DoesNotContain('\n', error);
        Assert.StartsWith("wann: ", error);
        Assert.DoesNotContain("   at ", error);
        Assert.True(error.Contains(expected, StringComparison.Ordinal), $"expected \"{expected}\" in: {error}");
    }

    /// <summary>Every file under <paramref name="folder"/> with a hash of its bytes: equal snapshots mean nothing was written.</summary>
    public static Dictionary<string, string> Snapshot(string folder) =>
        Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
                .ToDictionary(f => Path.GetRelativePath(folder, f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))))
            : new Dictionary<string, string>();

    /// <summary>Runs <paramref name="args"/> and asserts a one-line refusal that left <paramref name="folder"/> exactly as it was.</summary>
    public static void AssertRefusedUntouched(string folder, string expected, params string[] args)
    {
        var before = Snapshot(folder);
        AssertOneLine(HostRunner.Run(args), expected);
        Assert.Equal(before, Snapshot(folder));
    }
}
