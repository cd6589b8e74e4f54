using System.Text;
using System.Text.Json;
using Wann.Engine;
using Wann.Engine.Formats;

namespace Wann.Host.Runs;

/// <summary>
/// The files of one weight tuning run: log.jsonl (the shared-weight stage, then a line per generation,
/// then the final test), tuned.json (the network with its tuned stored weights) and the checkpoints
/// (the newest and the one before it). Every file but the log is replaced atomically.
/// </summary>
public sealed class TuneFolder
{
    public string Path { get; }
    public string LogFile => System.IO.Path.Combine(Path, "log.jsonl");
    public string TunedFile => System.IO.Path.Combine(Path, "tuned.json");
    public string CheckpointFile => System.IO.Path.Combine(Path, "checkpoint.json");
    public string PreviousCheckpointFile => System.IO.Path.Combine(Path, "checkpoint.prev.json");

    private TuneFolder(string path) => Path = path;

    /// <summary>Creates a new tuning folder; refuses one that already holds a run.</summary>
    public static TuneFolder Create(string path)
    {
        var folder = new TuneFolder(path);
        RunDirectory.CreateNew(path, folder.CheckpointFile, folder.LogFile);
        return folder;
    }

    public static TuneFolder Open(string path)
    {
        RunDirectory.OpenExisting(path);
        return new TuneFolder(path);
    }

    public void WriteTuned(NetworkFile network) => NetworkFiles.Save(TunedFile, network);

    /// <summary>Writes a checkpoint, keeping the previous one as a fallback.</summary>
    public void WriteCheckpoint(TuningCheckpointFormat.Checkpoint checkpoint)
    {
        string text = TuningCheckpointFormat.Format(checkpoint);
        try
        {
            if (File.Exists(CheckpointFile)) File.Move(CheckpointFile, PreviousCheckpointFile, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new WannException($"{CheckpointFile}: cannot move it aside to {System.IO.Path.GetFileName(PreviousCheckpointFile)}: {e.Message}");
        }
        AtomicFile.WriteAllText(CheckpointFile, text);
    }

    /// <summary>The newest readable checkpoint; a damaged newest one falls back to the previous with a warning.</summary>
    public TuningCheckpointFormat.Checkpoint ReadCheckpoint(Action<string> warn)
    {
        if (!File.Exists(CheckpointFile) && !File.Exists(PreviousCheckpointFile))
            throw new WannException($"{Path}: no checkpoint.json to resume from");
        try
        {
            return TuningCheckpointFormat.Parse(BoundedFile.ReadText(CheckpointFile, FileLimit.Checkpoint), CheckpointFile);
        }
        catch (WannException e) when (File.Exists(PreviousCheckpointFile))
        {
            warn($"{e.Message}; using the previous checkpoint");
            return TuningCheckpointFormat.Parse(BoundedFile.ReadText(PreviousCheckpointFile, FileLimit.Checkpoint), PreviousCheckpointFile);
        }
    }

    /// <summary>
    /// Keeps the log lines a resumed run does not write again: the shared-weight stage and generations
    /// before <paramref name="generation"/>; drops later generations, the final test and a torn last line.
    /// </summary>
    public void TruncateLog(long generation)
    {
        if (!File.Exists(LogFile)) return;
        var kept = new StringBuilder();
        foreach (var (_, line, terminated) in LogLines.Read(LogFile))
        {
            if (!terminated || !line.EndsWith('}')) continue;
            try
            {
                using var doc = JsonDocument.Parse(line);
                string? stage = doc.RootElement.TryGetProperty("stage", out var s) ? s.GetString() : null;
                bool keep = stage == "shared" || (stage == "weights" && doc.RootElement.GetProperty("generation").GetInt64() < generation);
                if (keep) kept.Append(line).Append('\n');
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException) { }
        }
        AtomicFile.WriteAllText(LogFile, kept.ToString());
    }

    public RunLogWriter OpenLog() => RunLogWriter.Open(LogFile);
}
