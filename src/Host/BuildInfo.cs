using System.Reflection;

namespace Wann.Host;

/// <summary>The version of this build of wann and the git commit it was built from (the SDK records it at build time).</summary>
public static class BuildInfo
{
    private static readonly string Informational =
        typeof(BuildInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    /// <summary>The package version, e.g. 0.3.0.</summary>
    public static string Version => Informational.Split('+')[0];

    /// <summary>The full commit id the build came from, or null where the build was not made in a git checkout.</summary>
    public static string? Commit => Informational.Split('+') is { Length: > 1 } parts && parts[1].Length > 0 ? parts[1] : null;

    /// <summary>One line: version, short commit.</summary>
    public static string Describe => Commit is { } c ? $"{Version} (commit {c[..Math.Min(12, c.Length)]})" : Version;
}
