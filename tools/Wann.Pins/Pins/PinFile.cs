using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Wann.Pins.Pins;

/// <summary>
/// A file of tests/pins: <c>{"about": ..., "written by": ..., "pins": [{"name", "what", "sha256", "values": {...}}]}</c>.
/// The tool writes it; the tests only read it.
/// </summary>
public static class PinFile
{
    /// <summary>The command that rewrites every pin file (quoted in the files and in the tests' failure messages).</summary>
    public const string WriteCommand = "dotnet run --project tools/Wann.Pins -c Release -- write";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Folder(string repositoryRoot) => Path.Combine(repositoryRoot, "tests", "pins");

    public static string ToJson(IPinSet set, IEnumerable<Pin> pins)
    {
        var array = new JsonArray();
        foreach (var pin in pins)
        {
            var values = new JsonObject();
            foreach (var (key, value) in pin.Values) values[key] = value;
            array.Add(new JsonObject { ["name"] = pin.Name, ["what"] = pin.What, ["sha256"] = pin.Sha256, ["values"] = values });
        }
        var root = new JsonObject
        {
            ["about"] = set.About,
            ["written by"] = $"{WriteCommand} (never by a test); change a pin only on purpose, with the reason in the commit",
            ["pins"] = array,
        };
        return root.ToJsonString(Indented) + "\n";
    }

    /// <summary>The pins of the file at <paramref name="path"/>, by name.</summary>
    public static IReadOnlyDictionary<string, Pin> Read(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var pins = new Dictionary<string, Pin>();
        foreach (var element in document.RootElement.GetProperty("pins").EnumerateArray())
        {
            var values = element.GetProperty("values").EnumerateObject().Select(p => KeyValuePair.Create(p.Name, p.Value.GetString()!)).ToList();
            string name = element.GetProperty("name").GetString()!;
            pins.Add(name, new Pin(name, element.GetProperty("what").GetString()!, element.GetProperty("sha256").GetString()!, values));
        }
        return pins;
    }
}
