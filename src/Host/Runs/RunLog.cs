using System.Text.Json;
using Wann.Engine;
using Wann.Engine.Formats;
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
            string line = text.Trim();
            if (line.Length == 0) continue;
            try
            {
                using var doc = StrictJson.Parse(line, $"{path}: line {number}");
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
            catch (Exception e) when (e is WannException or KeyNotFoundException or InvalidOperationException or FormatException)
            {
                // The line a running search is writing right now.
                if (!terminated || number == lines.Count) continue;
                throw new WannException($"{path}: line {number} is not a generation record ({e.Message})");
            }
        }
        if (entries.Count == 0) throw new WannException($"{path}: no generations logged yet");
        return entries;
    }

    /// <summary>
    /// Whether a run classifies (its fitness is minus a cross-entropy): its log records test accuracy, or its
    /// config.json names a classification task (runs logged before test accuracy was).
    /// </summary>
    public static bool IsClassification(string runFolder, IReadOnlyList<LogEntry> log)
    {
        if (log.Any(e => e.TestAccuracy is not null)) return true;
        string config = Path.Combine(runFolder, "config.json");
        if (!File.Exists(config)) return false;
        using var doc = StrictJson.Parse(BoundedFile.ReadText(config, FileLimit.Settings), config);
        string task = doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("task", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : "";
        return Engine.Tasks.CsvTask.Is(task) || TaskRegistry.Find(task)?.Kind == Engine.Tasks.TaskKind.Classification;
    }

    private static double? Number(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;
}
