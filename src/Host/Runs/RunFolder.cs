using Wann.Engine;
using Wann.Engine.Config;
using Wann.Engine.Formats;
using Wann.Engine.Search;
using Wann.Engine.Tasks;

namespace Wann.Host.Runs;

/// <summary>
/// The files of one training run: config.json, log.jsonl (a line per generation), best.json and the
/// checkpoints (the newest and the one before it). Every file but the log is replaced atomically.
/// A folder counts as a run once it holds a checkpoint: the first is written before log.jsonl exists, so a
/// folder is always either resumable or, with no checkpoint, fresh (a new start may use it).
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

    private string[] CheckpointFiles => new[] { CheckpointFile, PreviousCheckpointFile, LegacyCheckpointFile, LegacyPreviousCheckpointFile };

    private RunFolder(string path) => Path = path;

    /// <summary>Creates a new run folder; refuses one that holds a run (a checkpoint).</summary>
    public static RunFolder Create(string path)
    {
        var folder = new RunFolder(path);
        RunDirectory.CreateNew(path, folder.CheckpointFiles);
        return folder;
    }

    public static RunFolder Open(string path)
    {
        RunDirectory.OpenExisting(path);
        return new RunFolder(path);
    }

    public void WriteConfig(Hyperparameters settings) => AtomicFile.WriteAllText(ConfigFile, HyperparameterLoader.ToJson(settings) + "\n");

    /// <summary>Saves the run's best network, naming its task and carrying the task's data contract (a csv run's).</summary>
    public void WriteBest(BestNetwork best, TaskSpec task, ulong seed) =>
        NetworkFiles.Save(BestFile, new NetworkFile(best.Genome, task.Name,
            new Provenance("wann train", best.Generation, best.Fitness, seed, DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ")), task.Contract));

    /// <summary>Writes a checkpoint, keeping the previous one as a fallback. Safe to call from a background thread.</summary>
    public void WriteCheckpoint(Checkpoint checkpoint)
    {
        // Serialise and compress before touching the files, so the previous checkpoint is moved aside only
        // once the new one is ready to be written.
        var bytes = CheckpointFormat.ToBytes(checkpoint);
        // Between these two steps only the previous checkpoint exists, and reading falls back to it.
        try
        {
            if (File.Exists(CheckpointFile)) File.Move(CheckpointFile, PreviousCheckpointFile, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new WannException($"{CheckpointFile}: cannot move it aside to {System.IO.Path.GetFileName(PreviousCheckpointFile)}: {e.Message}");
        }
        AtomicFile.WriteAllBytes(CheckpointFile, bytes);
    }

    /// <summary>
    /// The newest readable checkpoint that <paramref name="validate"/> accepts (it checks what only the
    /// caller knows, such as the task's shape); a damaged or refused newest one falls back to the previous
    /// with a warning. When none can be used, one error names them all.
    /// </summary>
    public Checkpoint ReadCheckpoint(Action<string> warn, Action<Checkpoint, string> validate)
    {
        var candidates = CheckpointFiles.Where(File.Exists).ToList();
        if (candidates.Count == 0)
            throw new WannException(File.Exists(LogFile)
                ? $"{Path}: no checkpoint to resume from: the run stopped before its first checkpoint, so the folder holds no run; start it again with --out {Path}"
                : $"{Path}: no checkpoint to resume from (checkpoint.bin)");
        var problems = new List<string>();
        if (candidates[0] == PreviousCheckpointFile)
            problems.Add($"{CheckpointFile} is missing (its replacement was cut short)");
        foreach (string candidate in candidates)
        {
            try
            {
                var checkpoint = Read(candidate);
                validate(checkpoint, candidate);
                // Said only once a fallback is taken, so a refusal stays one line.
                foreach (string problem in problems) warn($"{problem}; using {System.IO.Path.GetFileName(candidate)}");
                return checkpoint;
            }
            catch (WannException e)
            {
                problems.Add(e.Message);
            }
        }
        throw new WannException(string.Join("; and ", problems));
    }

    private static Checkpoint Read(string file)
    {
        var bytes = BoundedFile.ReadBytes(file, FileLimit.Checkpoint);
        if (CheckpointFormat.IsBinary(bytes) || !file.EndsWith(".json", StringComparison.Ordinal)) return CheckpointFormat.Parse(bytes, file);
        // A JSON checkpoint is read whole into a document: about twenty bytes of memory a byte of text.
        BoundedFile.CheckSize(file, FileLimit.Checkpoint, bytes.Length, bytesPerByteInMemory: 20);
        return JsonCheckpointFormat.Parse(DecodeUtf8(bytes, file), file);
    }

    private static string DecodeUtf8(byte[] bytes, string file)
    {
        try { return new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes); }
        catch (System.Text.DecoderFallbackException) { throw new WannException($"{file}: damaged checkpoint (not UTF-8 text)"); }
    }

    /// <summary>
    /// Checks log.jsonl before a resume from <paramref name="generation"/> changes anything: every line a
    /// generation record, generations rising. Only a cut-short last line (no newline) is what a kill or a full
    /// disk leaves; it is dropped with a warning. Any other unreadable line is refused: no crash writes it.
    /// </summary>
    public void CheckLog(long generation, Action<string> warn)
    {
        if (!File.Exists(LogFile)) return;
        // Said only once the whole log has passed, so a refusal stays one line.
        var warnings = new List<string>();
        long previous = -1;
        foreach (var line in LogLines.Read(LogFile))
        {
            long? logged = RunLog.Parse(line.Text, out string? problem)?.Generation;
            if (!line.Terminated)
            {
                warnings.Add($"{LogFile}: dropping a torn last line (line {line.Number}, cut short while it was written)");
                break;
            }
            if (logged is not { } g) throw new WannException($"{LogFile}: line {line.Number} is not a generation record ({problem}); repair or remove that line to resume");
            if (g <= previous) throw new WannException($"{LogFile}: line {line.Number} logs generation {g} after generation {previous}; repair the log to resume");
            if (g > previous + 1 && g <= generation)
                warnings.Add($"{LogFile}: generations {previous + 1}..{g - 1} are missing (line {line.Number} logs {g})");
            previous = g;
        }
        warnings.ForEach(warn);
    }

    /// <summary>Keeps the log lines of generations before <paramref name="generation"/> (the log was checked by <see cref="CheckLog"/>), for a resumed run.</summary>
    public void TruncateLog(long generation)
    {
        if (!File.Exists(LogFile)) return;
        var kept = new System.Text.StringBuilder();
        foreach (var line in LogLines.Read(LogFile))
            if (line.Terminated && RunLog.Parse(line.Text, out _)?.Generation < generation) kept.Append(line.Text).Append('\n');
        AtomicFile.WriteAllText(LogFile, kept.ToString());
    }

    /// <summary>Removes the log of a start that never reached its first checkpoint: the folder holds no run, and a new one begins.</summary>
    public void DiscardLog()
    {
        try { File.Delete(LogFile); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new WannException($"{LogFile}: cannot remove the log of the run that never reached its first checkpoint: {e.Message}");
        }
    }

    public RunLogWriter OpenLog() => RunLogWriter.Open(LogFile);
}
