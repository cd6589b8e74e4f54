using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Wann.Engine.Randomness;

namespace Wann.Host.Tests.Hostile;

/// <summary>
/// Damaged copies of a valid file, drawn from a seed so every run tests the same cases: truncations, bit
/// flips, numbers replaced by boundary values (int and long limits, huge and fractional numbers, NaN and
/// infinities, values of the wrong type), a key written twice, absurd nesting and lines, and checkpoints
/// edited and signed again (their SHA-256 has no key, so anyone can).
/// </summary>
internal static partial class Damage
{
    /// <summary>One damaged copy: what was done, and the file's bytes.</summary>
    public sealed record Case(string Kind, byte[] Bytes)
    {
        public string Text => Encoding.UTF8.GetString(Bytes);
    }

    private static readonly string[] Boundaries =
    {
        "0", "-1", "2147483647", "-2147483648", "2147483648", "9223372036854775807", "-9223372036854775808", "18446744073709551616",
        "1e20", "1e308", "-1e308", "1e400", "1.5", "-0", "4294967296", "65536", "16777217",
    };

    private static readonly string[] WrongTypes = { "\"x\"", "null", "[]", "{}", "true", "\"\"" };

    // Tokens a JSON reader must refuse and a CSV or .out reader must read as not finite.
    private static readonly string[] NonFinite = { "NaN", "nan", "Infinity", "-Infinity", "inf", "-inf", "1e39", "-1e39" };

    [GeneratedRegex(@"-?\d+(\.\d+)?([eE][+-]?\d+)?")]
    private static partial Regex NumberToken();

    [GeneratedRegex("\"([A-Za-z_][A-Za-z0-9_]*)\"\\s*:")]
    private static partial Regex KeyToken();

    /// <summary>Damaged copies of a text file (JSON, CSV or .out), about <paramref name="count"/> of them.</summary>
    public static List<Case> OfText(string valid, int count, ulong seed, bool json)
    {
        var random = new SeededRandom(seed);
        var bytes = Encoding.UTF8.GetBytes(valid);
        var cases = new List<Case>();
        int share = Math.Max(1, count / 8);
        foreach (int at in Spread(bytes.Length, share)) cases.Add(new("truncated", bytes[..at]));
        for (int i = 0; i < share; i++) cases.Add(new("bit flip", FlipBit(bytes, random)));
        var numbers = NumberToken().Matches(valid);
        for (int i = 0; i < 2 * share && numbers.Count > 0; i++)
        {
            var m = numbers[random.NextInt(numbers.Count)];
            cases.Add(new("boundary number", Replace(valid, m.Index, m.Length, Boundaries[random.NextInt(Boundaries.Length)])));
        }
        for (int i = 0; i < share && numbers.Count > 0; i++)
        {
            var m = numbers[random.NextInt(numbers.Count)];
            cases.Add(new("NaN or infinity", Replace(valid, m.Index, m.Length, NonFinite[random.NextInt(NonFinite.Length)])));
        }
        if (json)
        {
            var keys = KeyToken().Matches(valid);
            for (int i = 0; i < share && numbers.Count > 0; i++)
            {
                var m = numbers[random.NextInt(numbers.Count)];
                cases.Add(new("wrong type", Replace(valid, m.Index, m.Length, WrongTypes[random.NextInt(WrongTypes.Length)])));
            }
            for (int i = 0; i < share && keys.Count > 0; i++)
            {
                var m = keys[random.NextInt(keys.Count)];
                cases.Add(new("duplicate key", Replace(valid, m.Index, 0, $"\"{m.Groups[1].Value}\": 1, ")));
            }
            cases.Add(new("deep nesting", Encoding.UTF8.GetBytes(new string('[', 100_000) + new string(']', 100_000))));
            cases.Add(new("not an object", Encoding.UTF8.GetBytes("[1, 2, 3]")));
        }
        for (int i = 0; i < share; i++) cases.Add(new("edited characters", EditCharacters(valid, random)));
        cases.Add(new("empty", Array.Empty<byte>()));
        cases.Add(new("huge line", Encoding.UTF8.GetBytes(valid.TrimEnd('\n') + "\n" + new string('7', 3 << 20) + "\n")));
        cases.Add(new("binary garbage", RandomBytes(4096, random)));
        return cases;
    }

    /// <summary>Damaged copies of a binary checkpoint, its checksum left as it was: every one must be refused.</summary>
    public static List<Case> OfCheckpointBytes(byte[] valid, int count, ulong seed)
    {
        var random = new SeededRandom(seed);
        var cases = new List<Case>();
        foreach (int at in Spread(valid.Length, count / 3)) cases.Add(new("truncated", valid[..at]));
        for (int i = 0; i < count / 3; i++) cases.Add(new("bit flip", FlipBit(valid, random)));
        for (int i = 0; i < count / 3; i++)
        {
            int at = random.NextInt(valid.Length);
            cases.Add(new("inserted byte", valid[..at].Append((byte)random.NextInt(256)).Concat(valid[at..]).ToArray()));
        }
        return cases;
    }

    /// <summary>
    /// A binary checkpoint whose inflated payload was damaged, then compressed and signed again: the
    /// checksum is right, so only the reader's checks of the contents stand between it and a search.
    /// </summary>
    public static List<Case> OfResignedCheckpoint(byte[] valid, int count, ulong seed)
    {
        var random = new SeededRandom(seed);
        var raw = Inflate(valid);
        var cases = new List<Case>();
        int share = Math.Max(1, count / 5);
        foreach (int at in Spread(raw.Length, share)) cases.Add(new("re-signed, truncated", Sign(raw[..at])));
        for (int i = 0; i < share; i++) cases.Add(new("re-signed, bit flip", Sign(FlipBit(raw, random))));
        for (int i = 0; i < share; i++)
        {
            // A boundary value over 1, 4 or 8 bytes at a random place: counts, ids, generation, fitness.
            var copy = (byte[])raw.Clone();
            int width = new[] { 1, 4, 8 }[random.NextInt(3)];
            int at = random.NextInt(Math.Max(1, copy.Length - width));
            byte[] value = width switch
            {
                1 => new[] { (byte)(random.NextInt(2) == 0 ? 0xFF : 0x80) },
                4 => BitConverter.GetBytes(new[] { int.MaxValue, int.MinValue, -1, 0 }[random.NextInt(4)]),
                _ => BitConverter.GetBytes(new[] { double.NaN, double.PositiveInfinity, double.NegativeInfinity, double.MaxValue }[random.NextInt(4)]),
            };
            value.CopyTo(copy, at);
            cases.Add(new("re-signed, boundary value", Sign(copy)));
        }
        for (int i = 0; i < share; i++)
        {
            int at = random.NextInt(raw.Length);
            cases.Add(new("re-signed, inserted bytes", Sign(raw[..at].Concat(RandomBytes(1 + random.NextInt(8), random)).Concat(raw[at..]).ToArray())));
        }
        for (int i = 0; i < share; i++)
        {
            int at = random.NextInt(raw.Length), length = 1 + random.NextInt(Math.Min(16, raw.Length - at));
            cases.Add(new("re-signed, removed bytes", Sign(raw[..at].Concat(raw[(at + length)..]).ToArray())));
        }
        cases.Add(new("re-signed, trailing data", Sign(raw.Concat(new byte[64]).ToArray())));
        return cases;
    }

    /// <summary>A legacy JSON checkpoint whose payload was damaged and signed again.</summary>
    public static List<Case> OfResignedJsonCheckpoint(string valid, int count, ulong seed)
    {
        var outer = JsonNode.Parse(valid)!.AsObject();
        string payload = (string)outer["payload"]!;
        return OfText(payload, count, seed, json: true).Select(c =>
        {
            var copy = (JsonObject)outer.DeepClone();
            copy["payload"] = c.Text;
            copy["sha256"] = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(c.Text))).ToLowerInvariant();
            return new Case("re-signed, " + c.Kind, Encoding.UTF8.GetBytes(copy.ToJsonString() + "\n"));
        }).ToList();
    }

    /// <summary>The inflated payload of a binary checkpoint.</summary>
    public static byte[] Inflate(byte[] checkpoint)
    {
        using var raw = new MemoryStream();
        using (var brotli = new BrotliStream(new MemoryStream(checkpoint, 48, checkpoint.Length - 48), CompressionMode.Decompress)) brotli.CopyTo(raw);
        return raw.ToArray();
    }

    /// <summary>A binary checkpoint of <paramref name="raw"/>: compressed, with a correct length and SHA-256.</summary>
    public static byte[] Sign(byte[] raw)
    {
        using var compressed = new MemoryStream();
        using (var brotli = new BrotliStream(compressed, CompressionLevel.Fastest, leaveOpen: true)) brotli.Write(raw);
        var payload = compressed.ToArray();
        return "WANNCKP2"u8.ToArray().Concat(BitConverter.GetBytes((long)payload.Length)).Concat(SHA256.HashData(payload)).Concat(payload).ToArray();
    }

    private static IEnumerable<int> Spread(int length, int count) =>
        Enumerable.Range(0, count).Select(i => (int)((long)i * length / count)).Distinct();

    private static byte[] FlipBit(byte[] bytes, SeededRandom random)
    {
        var copy = (byte[])bytes.Clone();
        if (copy.Length > 0) copy[random.NextInt(copy.Length)] ^= (byte)(1 << random.NextInt(8));
        return copy;
    }

    private static byte[] EditCharacters(string text, SeededRandom random)
    {
        const string alphabet = "{}[]\",:0123456789.-+eE naxtrufl\n";
        var chars = new StringBuilder(text);
        for (int e = 1 + random.NextInt(3); e > 0 && chars.Length > 0; e--)
        {
            int at = random.NextInt(chars.Length);
            switch (random.NextInt(3))
            {
                case 0: chars.Remove(at, 1); break;
                case 1: chars.Insert(at, alphabet[random.NextInt(alphabet.Length)]); break;
                default: chars[at] = alphabet[random.NextInt(alphabet.Length)]; break;
            }
        }
        return Encoding.UTF8.GetBytes(chars.ToString());
    }

    private static byte[] Replace(string text, int at, int length, string with) => Encoding.UTF8.GetBytes(text[..at] + with + text[(at + length)..]);

    private static byte[] RandomBytes(int count, SeededRandom random)
    {
        var bytes = new byte[count];
        for (int i = 0; i < count; i++) bytes[i] = (byte)random.NextInt(256);
        return bytes;
    }
}
