using System.Reflection;
using CommandLine;

namespace Wann.Host;

/// <summary>"Did you mean": the option of a verb closest to a mistyped one (at most two edits away), for the parser's one-line error.</summary>
public static class OptionSuggestion
{
    /// <summary>The closest option name of the verb <paramref name="verb"/> to <paramref name="token"/>, or null when none is close.</summary>
    public static string? For(IEnumerable<Type> verbs, string? verb, string token)
    {
        var type = verbs.FirstOrDefault(t => t.GetCustomAttribute<VerbAttribute>()?.Name == verb);
        if (type is null) return null;
        var names = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => p.GetCustomAttribute<OptionAttribute>()?.LongName).OfType<string>().Where(n => n.Length > 0);
        // Names under six letters allow one edit, longer ones two: "--pop" for "--popp", "--checkpoint-every" for "--checkpoint-evry".
        return names.Select(n => (Name: n, Distance: Distance(n, token))).Where(c => c.Distance <= Math.Clamp(c.Name.Length / 3, 1, 2))
            .OrderBy(c => c.Distance).ThenBy(c => c.Name, StringComparer.Ordinal).Select(c => c.Name).FirstOrDefault();
    }

    /// <summary>Levenshtein distance: insertions, deletions and substitutions.</summary>
    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (int i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            previous = current;
        }
        return previous[b.Length];
    }
}
