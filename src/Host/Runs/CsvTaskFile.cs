using System.Text.Json;
using Wann.Engine;
using Wann.Engine.Datasets;
using Wann.Engine.Formats;

namespace Wann.Host.Runs;

/// <summary>
/// <c>csv-task.json</c> in the folder of a csv run: the data files with the SHA-256 of each, the label column
/// and the scaling, so <c>--resume</c>, <c>report</c> and <c>eval --net RUNFOLDER</c> rebuild the same task without
/// being told them again, and refuse data that changed since the run started (a resumed run must see the same
/// data). Each file is kept by its absolute path and by its path relative to the run folder: a run folder moved
/// together with its data still finds it. Files written before the hashes were recorded still resume, unchecked.
/// </summary>
public static class CsvTaskFile
{
    public const string FileName = "csv-task.json";

    public static void Write(string folder, CsvClassificationSource source) =>
        AtomicFile.WriteAllText(Path.Combine(folder, FileName), JsonSerializer.Serialize(new
        {
            train = Path.GetFullPath(source.TrainPath),
            test = Path.GetFullPath(source.TestPath),
            trainFromRun = Path.GetRelativePath(Path.GetFullPath(folder), Path.GetFullPath(source.TrainPath)),
            testFromRun = Path.GetRelativePath(Path.GetFullPath(folder), Path.GetFullPath(source.TestPath)),
            label = source.LabelColumn,
            drop = source.Drop,
            scale = source.Scaling.ToString().ToLowerInvariant(),
            trainSha256 = FileFingerprint.Sha256(source.TrainPath),
            testSha256 = FileFingerprint.Sha256(source.TestPath),
        }, new JsonSerializerOptions { WriteIndented = true }) + "\n");

    /// <summary>
    /// The run's data source, its files checked against the hashes recorded at the start: a changed file is refused,
    /// or with <paramref name="acceptChanged"/> said through <paramref name="warn"/> (the caller then records the new hashes with <see cref="Write"/>).
    /// </summary>
    public static CsvClassificationSource Read(string folder, bool acceptChanged = false, Action<string>? warn = null)
    {
        string path = Path.Combine(folder, FileName);
        if (!File.Exists(path)) throw new WannException($"{path}: missing: a csv run keeps its data files' names there");
        using var document = StrictJson.Parse(BoundedFile.ReadText(path, FileLimit.Settings), path);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object) throw new WannException($"{path}: not a csv task file (expected a JSON object)");
        string? Text(string key, bool required = true) => root.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : required || (root.TryGetProperty(key, out var other) && other.ValueKind != JsonValueKind.Null)
                ? throw new WannException($"{path}: '{key}' must be a string")
                : null;
        var scaling = Text("scale") switch
        {
            "standard" => CsvScaling.Standard,
            "none" => CsvScaling.None,
            var other => throw new WannException($"{path}: scale '{other}' is not standard or none"),
        };
        IReadOnlyList<string>? Columns(string key)
        {
            if (!root.TryGetProperty(key, out var value) || value.ValueKind == JsonValueKind.Null) return null;
            if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String))
                throw new WannException($"{path}: '{key}' must be a list of column names or numbers (strings)");
            return value.EnumerateArray().Select(e => e.GetString()!).ToArray();
        }
        string Locate(string key)
        {
            string absolute = Text(key)!;
            if (File.Exists(absolute) || Text(key + "FromRun", required: false) is not { } relative) return absolute;
            string moved = Path.GetFullPath(Path.Combine(folder, relative));
            return File.Exists(moved) ? moved
                : throw new WannException($"{absolute}: file not found (nor at {moved}, where it would lie had it moved with the run folder; {path} names it)");
        }
        var source = new CsvClassificationSource(Locate("train"), Locate("test"), Text("label", required: false), scaling, Columns("drop"));
        foreach (var (file, key) in new[] { (source.TrainPath, "trainSha256"), (source.TestPath, "testSha256") })
            if (Text(key, required: false) is { } recorded && !string.Equals(recorded, FileFingerprint.Sha256(file), StringComparison.OrdinalIgnoreCase))
            {
                string changed = $"{file}: changed since the run started (its SHA-256 differs from the one in {FileName})";
                if (!acceptChanged) throw new WannException($"{changed}; a resumed run must see the same data: restore the file, or resume with --accept-changed-data");
                warn?.Invoke($"{changed}; going on with it as --accept-changed-data asks: the run is no longer the one an uninterrupted run would give");
            }
        return source;
    }
}
