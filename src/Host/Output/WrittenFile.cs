namespace Wann.Host.Output;

/// <summary>The line a command prints for each file it wrote, so a user sees where the result went.</summary>
public static class WrittenFile
{
    /// <summary>Prints "wrote PATH (what)"; on standard error when standard output carries JSON.</summary>
    public static void Say(string path, string what, bool jsonOnStandardOutput = false) =>
        (jsonOnStandardOutput ? Console.Error : Console.Out).WriteLine($"wrote {path} ({what})");
}
