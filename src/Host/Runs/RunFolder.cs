using System.Text;
using Wann.Engine;
using Wann.Engine.Config;
using Wann.Engine.Formats;
using Wann.Engine.Search;

namespace Wann.Host.Runs;

/// <summary>
/// The files of one training run: config.json, log.jsonl (a line per generation), best.json and the
/// checkpoints (the newest and the one before it). Every file but the log is replaced atomically.
/// </summary>
public sealed class RunFolder
{
    public string Path { get; }
    public string ConfigFile => System.IO.Path.Combine(Path, "config.json");
    public string LogFile => System.IO.Path.Combine(Path, "log.jsonl");
    public string BestFile => System.IO.Path.Combine(Path, "best.json");
    public string CheckpointFile => System.IO.Path.Combine(Path, "checkpoint.bin");
    public string PreviousCheckpointFile => System.IO.Path.Combine(Path, "checkpoint.prev.bin");
    /// <summary>The JSON checkpoint of run folders made before the binary format; read, never written.</summary>
    private string LegacyCheckpointFile => System.IO.Path.Combine(Path, "checkpoint.json");
    private string LegacyPreviousCheckpointFile => System.IO.Path.Combine(Path, "checkpoint.prev.json");

    private RunFolder(string path) => Path = path;

    /// <summary>Creates a new run folder; refuses one that already holds a run.</summary>
    public static RunFolder Create(string path)
    {
        var folder = new RunFolder(path);
        RunDirectory.CreateNew(path, folder.CheckpointFile, folder.LegacyCheckpointFile, folder.LogFile);
        return folder;
    }

    public static RunFolder Open(string path)
    {
        RunDirectory.OpenExisting(path);
        return new RunFolder(path);
    }

    public void WriteConfig(Hyperparameters settings) => AtomicFile.WriteAllText(ConfigFile, HyperparameterLoader.ToJson(settings) + "\n");

    public void WriteBest(BestNetwork best, string task, ulong seed) =>
        NetworkFiles.Save(BestFile, new NetworkFile(best.Genome, task,
            new Provenance("wann train", best.Generation, best.Fitness, seed, DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ"))));

    /// <summary>Writes a checkpoint, keeping the previous one as a fallback. Safe to call from a background thread.</summary>
    public void WriteCheckpoint(Checkpoint checkpoint)
    {
        // Serialise and compress before touching the files, so the previous checkpoint is moved aside only
        // once the new one is ready to be written.
        var bytes = CheckpointFormat.ToBytes(checkpoint);
        // Between these two steps only the previous checkpoint exists, and reading falls back to it.
        if (File.Exists(CheckpointFile)) File.Move(CheckpointFile, PreviousCheckpointFile, overwrite: true);
        AtomicFile.WriteAllBytes(CheckpointFile, bytes);
    }

    /// <summary>The newest readable checkpoint; a damaged newest one falls back to the previous with a warning.</summary>
    public Checkpoint ReadCheckpoint(Action<string> warn)
    {
        var candidates = new[] { CheckpointFile, PreviousCheckpointFile, LegacyCheckpointFile, LegacyPreviousCheckpointFile }.Where(File.Exists).ToList();
        if (candidates.Count == 0) throw new WannException($"{Path}: no checkpoint to resume from (checkpoint.bin)");
        for (int i = 0; ; i++)
        {
            try
            {
                return Read(candidates[i]);
            }
            catch (WannException e) when (i + 1 < candidates.Count)
            {
                warn($"{e.Message}; using {System.IO.Path.GetFileName(candidates[i + 1])}");
            }
        }
    }

    private static Checkpoint Read(string file)
    {
        byte[] bytes;
        try { bytes = File.ReadAllBytes(file); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw new WannException($"{file}: cannot read: {e.Message}"); }
        return CheckpointFormat.IsBinary(bytes) || !file.EndsWith(".json", StringComparison.Ordinal)
            ? CheckpointFormat.Parse(bytes, file)
            : JsonCheckpointFormat.Parse(System.Text.Encoding.UTF8.GetString(bytes), file);
    }

    /// <summary>Drops log lines of generations at or after <paramref name="generation"/> (and any torn last line), for a resumed run.</summary>
    public void TruncateLog(long generation)
    {
        if (!File.Exists(LogFile)) return;
        var kept = new StringBuilder();
        foreach (var line in File.ReadAllLines(LogFile))
        {
            if (!line.EndsWith('}')) continue;
            try
            {
                using var doc = System.Text.Json.JsonDocument.Parse(line);
                if (doc.RootElement.GetProperty("generation").GetInt64() < generation) kept.Append(line).Append('\n');
            }
            catch (System.Text.Json.JsonException) { }
        }
        AtomicFile.WriteAllText(LogFile, kept.ToString());
    }

    public StreamWriter OpenLog() => new(new FileStream(LogFile, FileMode.Append, FileAccess.Write, FileShare.Read), new UTF8Encoding(false));
}
