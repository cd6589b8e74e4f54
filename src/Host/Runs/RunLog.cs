using System.Text.Json;
using Wann.Engine;
using Wann.Engine.Formats;
using Wann.Engine.Tasks;
using Wann.Kernels.Tasks;

namespace Wann.Host.Runs;

/// <summary>One generation as read back from log.jsonl.</summary>
public sealed record LogEntry(long Generation, double? BestFitness, double? MedianFitness, double? TopRankedFitness, double? RunBestFitness,
    double MedianNodes, double MedianConnections, double EvaluateSeconds, double RankBreedSeconds, double CompileSeconds, long EnvSteps,
    double? TestAccuracy = null, double? TestCrossEntropy = null);

/// <summary>Reads log.jsonl of a run, finished or still running (a torn last line is skipped).</summary>
public static class RunLog
{
    public static List<LogEntry> Read(string runFolder)
    {
        string path = Path.Combine(runFolder, "log.jsonl");
        if (!File.Exists(path)) throw new WannException($"{runFolder}: no log.jsonl here (is it a run folder?)");
        var entries = new List<LogEntry>();
        var lines = LogLines.Read(path).ToList();
        foreach (var (number, text, terminated) in lines)
        {
            if (text.Trim().Length == 0) continue;
            if (Parse(text, out string? problem) is { } entry) entries.Add(entry);
            // The line a running search is writing right now is skipped.
            else if (terminated && number != lines.Count) throw new WannException($"{path}: line {number} is not a generation record ({problem})");
        }
        if (entries.Count == 0) throw new WannException($"{path}: no generations logged yet");
        return entries;
    }

    /// <summary>One log line as a generation record, or null with <paramref name="problem"/> saying why it is none.</summary>
    public static LogEntry? Parse(string line, out string? problem)
    {
        JsonDocument document;
        try { document = StrictJson.Parse(line, "line"); }
        catch (WannException e)
        {
            problem = e.Message["line: ".Length..];
            return null;
        }
        using (document)
        {
            var r = document.RootElement;
            problem = r.ValueKind != JsonValueKind.Object ? $"a JSON {r.ValueKind.ToString().ToLowerInvariant()}, not an object" : null;
            try
            {
                if (problem is null)
                {
                    long generation = r.GetProperty("generation").GetInt64();
                    if (generation < 0) throw new FormatException($"generation {generation}");
                    var seconds = r.GetProperty("seconds");
                    return new LogEntry(
                        generation,
                        Number(r, "bestFitness"), Number(r, "medianFitness"), Number(r, "topRankedFitness"), Number(r, "runBestFitness"),
                        r.GetProperty("medianNodes").GetDouble(), r.GetProperty("medianConnections").GetDouble(),
                        seconds.GetProperty("evaluate").GetDouble(), seconds.GetProperty("rankBreed").GetDouble(), seconds.GetProperty("compile").GetDouble(),
                        r.GetProperty("envSteps").GetInt64(),
                        Number(r, "testAccuracy"), Number(r, "testCrossEntropy"));
                }
            }
            catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or FormatException)
            {
                problem = e is KeyNotFoundException ? "a field is missing" : e.Message;
            }
            return null;
        }
    }

    /// <summary>
    /// How a run's networks were scored, for naming its figures: test accuracy where its log records test accuracy
    /// or its config.json names a task scored so (runs logged before test accuracy was), else episodes. Read from
    /// files only: no data set is loaded.
    /// </summary>
    public static ScoringScheme Scoring(string runFolder, IReadOnlyList<LogEntry> log)
    {
        if (log.Any(e => e.TestAccuracy is not null)) return ScoringScheme.TestAccuracy(null);
        string config = Path.Combine(runFolder, "config.json");
        if (!File.Exists(config)) return ScoringScheme.Episodes;
        using var doc = StrictJson.Parse(BoundedFile.ReadText(config, FileLimit.Settings), config);
        string task = doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("task", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : "";
        return CsvTask.Is(task) ? ScoringScheme.TestAccuracy(null) : TaskRegistry.Find(task)?.Scoring ?? ScoringScheme.Episodes;
    }

    /// <summary>The least and most fitness a run's task can give (its declared reward range over an episode); null where the task declares none.</summary>
    public static (double Min, double Max)? FitnessBounds(string runFolder)
    {
        string config = Path.Combine(runFolder, "config.json");
        if (!File.Exists(config)) return null;
        using var doc = StrictJson.Parse(BoundedFile.ReadText(config, FileLimit.Settings), config);
        string task = doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("task", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : "";
        return TaskRegistry.Find(task) is { Rewards: { } rewards } spec ? rewards.EpisodeTotal(spec.EpisodeLength) : null;
    }

    // A fitness is a number, or null for a generation whose every lane was not finite (JSON has no infinity).
    private static double? Number(JsonElement element, string name) =>
        !element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null ? null
        : value.ValueKind == JsonValueKind.Number ? value.GetDouble()
        : throw new FormatException($"'{name}' is {value.GetRawText()}, not a number");
}
