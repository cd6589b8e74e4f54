using System.Text.Json;

namespace Wann.Host.Output;

/// <summary>The one way commands print a JSON document (--json): indented, on standard output.</summary>
public static class JsonOutput
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true };

    public static void Print(object document) => Console.WriteLine(JsonSerializer.Serialize(document, Options));
}
