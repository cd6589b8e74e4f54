using System.Diagnostics;
using Wann.Pins.Pins;

namespace Wann.Pins;

/// <summary>
/// Writes tests/pins/*.json from what the reference computes now. The tests compare with these files and never
/// write them, so a change that moves every backend together fails until someone runs this on purpose.
/// Run from the repository root: dotnet run --project tools/Wann.Pins -c Release -- write
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args is not ["write"])
        {
            Console.Error.WriteLine($"usage: {PinFile.WriteCommand}   (from the repository root; rewrites tests/pins/*.json)");
            return 2;
        }
        string root = Directory.GetCurrentDirectory();
        if (!File.Exists(Path.Combine(root, "Wann.Gpu.sln")))
        {
            Console.Error.WriteLine($"{root}: not the repository root (no Wann.Gpu.sln): run the tool from there");
            return 2;
        }
        string folder = PinFile.Folder(root);
        Directory.CreateDirectory(folder);
        foreach (var set in PinSets.All(root))
        {
            var clock = Stopwatch.StartNew();
            var pins = set.Names.Select(set.Compute).ToList();
            string path = Path.Combine(folder, set.FileName);
            string? before = File.Exists(path) ? File.ReadAllText(path) : null;
            string after = PinFile.ToJson(set, pins);
            File.WriteAllText(path, after);
            Console.WriteLine($"{Path.GetRelativePath(root, path)}: {pins.Count} pins, {(before == after ? "unchanged" : "CHANGED")} ({clock.Elapsed.TotalSeconds:F1} s)");
        }
        return 0;
    }
}
