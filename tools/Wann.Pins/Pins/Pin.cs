namespace Wann.Pins.Pins;

/// <summary>
/// One pinned result: its name, what was computed (in words, for the reader of the pin file), the SHA-256 of
/// its bits, and a few of the values in text (exact, round-trip formatted) so a changed pin shows what moved.
/// </summary>
public sealed record Pin(string Name, string What, string Sha256, IReadOnlyList<KeyValuePair<string, string>> Values)
{
    /// <summary>The values that differ from <paramref name="pinned"/>'s, one "key: now X, pinned Y" each.</summary>
    public IEnumerable<string> DifferencesFrom(Pin pinned)
    {
        var before = pinned.Values.ToDictionary(v => v.Key, v => v.Value);
        foreach (var (key, value) in Values)
            if (!before.TryGetValue(key, out var old)) yield return $"{key}: now {value}, not pinned";
            else if (old != value) yield return $"{key}: now {value}, pinned {old}";
        foreach (var key in before.Keys.Except(Values.Select(v => v.Key)))
            yield return $"{key}: pinned {before[key]}, no longer computed";
    }
}
