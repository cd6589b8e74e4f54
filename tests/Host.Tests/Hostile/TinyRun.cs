using Wann.Engine.Formats;

namespace Wann.Host.Tests.Hostile;

/// <summary>Small finished training runs to damage: swingup_hard, 8 genomes, 2 generations, made once and copied per test.</summary>
internal static class TinyRun
{
    public const int Generations = 2;

    public static string[] TrainArgs(string folder, int generations = Generations) =>
        new[] { "train", "--task", "swingup_hard", "--pop", "8", "--gens", generations.ToString(), "--seed", "3", "--backend", "cpu", "--threads", "1", "--quiet", "--out", folder };

    private static readonly Lazy<string> Template = new(() =>
    {
        string folder = Path.Combine(HostRunner.TempFolder(), "template");
        var result = HostRunner.Run(TrainArgs(folder));
        if (result.ExitCode != 0) throw new InvalidOperationException($"the template run failed: {result.Error}");
        return folder;
    });

    /// <summary>A fresh copy of the finished two-generation run.</summary>
    public static string Copy()
    {
        string folder = Path.Combine(HostRunner.TempFolder(), "run");
        Directory.CreateDirectory(folder);
        foreach (string file in Directory.GetFiles(Template.Value)) File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        return folder;
    }

    /// <summary>A copy whose only checkpoint is <paramref name="edit"/> of the finished run's, written with a valid checksum (as anyone can).</summary>
    public static string WithResignedCheckpoint(Func<Checkpoint, Checkpoint> edit)
    {
        string folder = Copy();
        string file = Path.Combine(folder, "checkpoint.bin");
        var checkpoint = CheckpointFormat.Parse(File.ReadAllBytes(file), file);
        File.WriteAllBytes(file, CheckpointFormat.ToBytes(edit(checkpoint)));
        // The fallback to the previous checkpoint is tested elsewhere: here the edited one is all there is.
        File.Delete(Path.Combine(folder, "checkpoint.prev.bin"));
        return folder;
    }
}
