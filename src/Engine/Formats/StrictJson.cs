using System.Text.Json;
using System.Text.Json.Nodes;

namespace Wann.Engine.Formats;

/// <summary>
/// JSON as every reader here takes it: one document, at most 64 levels deep, and no object holding a key
/// twice (System.Text.Json would keep the last value silently; a file edited by hand can say two things).
/// </summary>
public static class StrictJson
{
    /// <summary>Parses <paramref name="text"/>; <paramref name="where"/> names it in the one-line error.</summary>
    public static JsonDocument Parse(string text, string where, JsonDocumentOptions options = default)
    {
        JsonDocument document;
        try { document = JsonDocument.Parse(text, options); }
        catch (JsonException e)
        {
            throw new WannException($"{where}: not valid JSON ({FirstSentence(e.Message)})");
        }
        try
        {
            RefuseDuplicateKeys(document.RootElement, where, "");
        }
        catch
        {
            document.Dispose();
            throw;
        }
        return document;
    }

    /// <summary>As <see cref="Parse"/>, as a mutable node.</summary>
    public static JsonNode? ParseNode(string text, string where)
    {
        using var document = Parse(text, where);
        return JsonSerializer.SerializeToNode(document.RootElement);
    }

    /// <summary>Throws, naming the key and where it sits, when an object anywhere under <paramref name="element"/> holds a key twice.</summary>
    public static void RefuseDuplicateKeys(JsonElement element, string where, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var property in element.EnumerateObject())
                {
                    string at = path.Length == 0 ? property.Name : $"{path}.{property.Name}";
                    if (!seen.Add(property.Name)) throw new WannException($"{where}: key '{at}' appears twice");
                    RefuseDuplicateKeys(property.Value, where, at);
                }
                break;
            case JsonValueKind.Array:
                int index = 0;
                foreach (var item in element.EnumerateArray()) RefuseDuplicateKeys(item, where, $"{path}[{index++}]");
                break;
        }
    }

    /// <summary>The first sentence of a System.Text.Json message (the rest repeats line and byte positions).</summary>
    public static string FirstSentence(string message)
    {
        int cut = message.IndexOf(". ", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message.TrimEnd('.');
    }
}
