using Wann.Engine;

namespace Wann.Host.Runs;

/// <summary>Creating and opening the folder of a run (a search or a tuning run): the checks both kinds need.</summary>
internal static class RunDirectory
{
    /// <summary>Creates <paramref name="path"/> for a new run and checks it can be written; refuses a folder holding any of <paramref name="runFiles"/>.</summary>
    public static void CreateNew(string path, params string[] runFiles)
    {
        if (runFiles.Any(File.Exists))
            throw new WannException($"{path}: already holds a run; continue it with --resume {path} or choose another --out");
        try { Directory.CreateDirectory(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new WannException($"{path}: cannot create the run folder: {e.Message}");
        }
        string probe = Path.Combine(path, $".write-test.{Environment.ProcessId}");
        try
        {
            File.WriteAllText(probe, "");
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new WannException($"{path}: run folder is not writable: {e.Message}");
        }
    }

    /// <summary>Checks an existing run folder and clears what a killed process left half-written.</summary>
    public static void OpenExisting(string path)
    {
        if (!Directory.Exists(path)) throw new WannException($"{path}: no such run folder");
        // A process killed while replacing a file leaves its temporary file behind: the target itself is intact.
        try
        {
            foreach (var stale in Directory.GetFiles(path, ".*.tmp")) File.Delete(stale);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left for a later run: a folder that cannot be written fails at its first write, with the file named.
        }
    }
}
