using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

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

    /// <summary>
    /// The first sentence of a System.Text.Json message (the rest repeats line and byte positions), in the file's
    /// words rather than .NET's: an unknown field, a missing one, a value of the wrong type.
    /// </summary>
    public static string FirstSentence(string message)
    {
        int cut = message.IndexOf(". ", StringComparison.Ordinal);
        return Plain(cut > 0 ? message[..cut] : message.TrimEnd('.'));
    }

    private static string Plain(string sentence)
    {
        var unknown = Regex.Match(sentence, @"^The JSON property '(.+)' could not be mapped to any \.NET member");
        if (unknown.Success) return $"unknown field '{unknown.Groups[1].Value}'";
        var missing = Regex.Match(sentence, @"missing required properties,? including:? (.+)$");
        if (missing.Success) return $"missing field {missing.Groups[1].Value.Trim()}";
        var notNull = Regex.Match(sentence, @"^The (?:constructor parameter|property or field) '(.+?)' .*doesn't allow (?:getting |setting )?null values");
        if (notNull.Success) return $"field '{notNull.Groups[1].Value}' cannot be null";
        var type = Regex.Match(sentence, @"^The JSON value could not be converted to (\S+)");
        if (type.Success) return Expected(type.Groups[1].Value) is { } expected ? $"a value of the wrong type (expected {expected})" : "a value of the wrong type";
        return sentence;
    }

    /// <summary>What a .NET type reads as in a file; null for the types of a file's own objects, which the field's name says better.</summary>
    private static string? Expected(string type) => type switch
    {
        _ when type.Contains("Int", StringComparison.Ordinal) => "a whole number",
        _ when type.Contains("Single", StringComparison.Ordinal) || type.Contains("Double", StringComparison.Ordinal) => "a number",
        _ when type.Contains("Boolean", StringComparison.Ordinal) => "true or false",
        _ when type.Contains("String", StringComparison.Ordinal) => "a string",
        _ when type.Contains("List", StringComparison.Ordinal) || type.Contains("[]", StringComparison.Ordinal) => "a list",
        _ => null,
    };
}
