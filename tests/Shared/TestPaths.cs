namespace Wann.Tests;

/// <summary>Paths of the shipped reference files and golden values, found from the test binary's folder (shared by every test project).</summary>
public static class TestPaths
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string Reference(string name) => Path.Combine(RepositoryRoot, "reference", "wann-original", name);
    public static string Golden(string name) => Path.Combine(RepositoryRoot, "tests", "golden", name);

    /// <summary>A checked-in data file under tests/data (each folder says where its files came from).</summary>
    public static string Data(string name) => Path.Combine(RepositoryRoot, "tests", "data", name);

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Wann.Gpu.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("cannot find Wann.Gpu.sln above the test binaries");
    }
}
