using System.Text.Json;
using Wann.Engine;
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
        string[] lines;
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
        using (var reader = new StreamReader(stream))
            lines = reader.ReadToEnd().Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].Trim();
            if (line.Length == 0) continue;
            try
            {
                using var doc = JsonDocument.Parse(line);
                var r = doc.RootElement;
                var seconds = r.GetProperty("seconds");
                entries.Add(new LogEntry(
                    r.GetProperty("generation").GetInt64(),
                    Number(r, "bestFitness"), Number(r, "medianFitness"), Number(r, "topRankedFitness"), Number(r, "runBestFitness"),
                    r.GetProperty("medianNodes").GetDouble(), r.GetProperty("medianConnections").GetDouble(),
                    seconds.GetProperty("evaluate").GetDouble(), seconds.GetProperty("rankBreed").GetDouble(), seconds.GetProperty("compile").GetDouble(),
                    r.GetProperty("envSteps").GetInt64(),
                    Number(r, "testAccuracy"), Number(r, "testCrossEntropy")));
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
            {
                if (i >= lines.Length - 2) continue; // the line a running search is writing right now
                throw new WannException($"{path}: line {i + 1} is not a generation record ({e.Message})");
            }
        }
        if (entries.Count == 0) throw new WannException($"{path}: no generations logged yet");
        return entries;
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
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(config));
            string task = doc.RootElement.TryGetProperty("task", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : "";
            return CsvTask.Is(task) ? ScoringScheme.TestAccuracy(null) : TaskRegistry.Find(task)?.Scoring ?? ScoringScheme.Episodes;
        }
        catch (JsonException)
        {
            return ScoringScheme.Episodes;
        }
    }

    private static double? Number(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;
}
