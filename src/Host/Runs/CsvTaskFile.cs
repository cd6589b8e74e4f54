using System.Text.Json;
using Wann.Engine;
using Wann.Engine.Datasets;
using Wann.Engine.Formats;

namespace Wann.Host.Runs;

/// <summary>
/// <c>csv-task.json</c> in the folder of a csv run: the data files (absolute paths), the label column and
/// the scaling, so <c>--resume</c> rebuilds the same task without being told them again.
/// </summary>
public static class CsvTaskFile
{
    public const string FileName = "csv-task.json";

    public static void Write(string folder, CsvClassificationSource source) =>
        AtomicFile.WriteAllText(Path.Combine(folder, FileName), JsonSerializer.Serialize(new
        {
            train = Path.GetFullPath(source.TrainPath),
            test = Path.GetFullPath(source.TestPath),
            label = source.LabelColumn,
            scale = source.Scaling.ToString().ToLowerInvariant(),
        }, new JsonSerializerOptions { WriteIndented = true }) + "\n");

    public static CsvClassificationSource Read(string folder)
    {
        string path = Path.Combine(folder, FileName);
        if (!File.Exists(path)) throw new WannException($"{path}: missing: a csv run keeps its data files' names there");
        try
        {
            var root = JsonDocument.Parse(File.ReadAllText(path)).RootElement;
            string Text(string key) => root.GetProperty(key).GetString() ?? throw new WannException($"{path}: '{key}' is null");
            var label = root.TryGetProperty("label", out var l) && l.ValueKind == JsonValueKind.String ? l.GetString() : null;
            var scaling = Text("scale") switch
            {
                "standard" => CsvScaling.Standard,
                "none" => CsvScaling.None,
                var other => throw new WannException($"{path}: scale '{other}' is not standard or none"),
            };
            return new CsvClassificationSource(Text("train"), Text("test"), label, scaling);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new WannException($"{path}: not a csv task file ({e.Message})");
        }
    }
}
