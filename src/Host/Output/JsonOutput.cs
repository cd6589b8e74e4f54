using System.Text.Json;

namespace Wann.Host.Output;

/// <summary>The one way commands print a JSON document (--json): indented, on standard output.</summary>
public static class JsonOutput
{
    // Infinity and NaN (a check's worst difference, a diverged reward) are written as the strings
    // "Infinity" and "NaN" rather than failing the whole document.
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true, NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };

    public static void Print(object document) => Console.WriteLine(JsonSerializer.Serialize(document, Options));

    /// <summary>Writes the document to a file, atomically (a --json-out option).</summary>
    public static void Write(string path, object document) =>
        Engine.Formats.AtomicFile.WriteAllText(path, JsonSerializer.Serialize(document, Options) + "\n");
}
