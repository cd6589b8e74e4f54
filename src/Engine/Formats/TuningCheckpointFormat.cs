using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Wann.Engine.Tuning;

namespace Wann.Engine.Formats;

/// <summary>
/// A weight tuning checkpoint: the network (as network JSON), task, seed, settings, the tuned shared
/// weight and, once the weight stage has begun, the optimiser's state and the best offsets so far, with a
/// SHA-256 of the payload so a torn or edited file is detected. Doubles are written in round-trip form.
/// </summary>
public static class TuningCheckpointFormat
{
    public const string FormatName = "wann-gpu-tune-checkpoint";
    public const int Version = 1;

    /// <summary>A checkpoint; <see cref="State"/> is null for a shared-weight run or before the weight stage.</summary>
    public sealed record Checkpoint(string NetworkJson, string Task, string Mode, ulong Seed, WeightTuningSettings Settings, float SharedWeight, TuningState? State);

    public static string Format(Checkpoint checkpoint)
    {
        var buffer = new ArrayBufferWriter<byte>(1 << 14);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("task", checkpoint.Task);
            w.WriteString("mode", checkpoint.Mode);
            w.WriteNumber("seed", checkpoint.Seed);
            var s = checkpoint.Settings;
            w.WriteStartObject("settings");
            w.WriteString("optimizer", s.Optimizer);
            w.WriteNumber("population", s.Population);
            w.WriteNumber("episodes", s.Episodes);
            w.WriteNumber("generations", s.Generations);
            if (s.SigmaInit is { } sigma) w.WriteNumber("sigmaInit", sigma);
            w.WriteNumber("validateEvery", s.ValidateEvery);
            w.WriteNumber("validationEpisodes", s.ValidationEpisodes);
            w.WriteNumber("testEpisodes", s.TestEpisodes);
            w.WriteEndObject();
            w.WriteNumber("sharedWeight", checkpoint.SharedWeight);
            if (checkpoint.State is { } state)
            {
                var o = state.Optimizer.Save();
                w.WriteStartObject("optimizer");
                w.WriteString("name", o.Name);
                w.WriteNumber("dimension", o.Dimension);
                w.WriteNumber("population", o.PopulationSize);
                w.WriteString("seed", o.Seed.ToString("x16"));
                w.WriteNumber("generation", o.Generation);
                w.WriteStartObject("arrays");
                foreach (var (key, values) in o.Arrays.OrderBy(p => p.Key, StringComparer.Ordinal)) WriteArray(w, key, values);
                w.WriteEndObject();
                w.WriteEndObject();
                WriteArray(w, "best", state.Best);
                if (double.IsFinite(state.BestScore)) w.WriteNumber("bestScore", state.BestScore);
                else w.WriteNull("bestScore");
                w.WriteNumber("bestGeneration", state.BestGeneration);
            }
            w.WriteString("network", checkpoint.NetworkJson);
            w.WriteEndObject();
        }
        string payload = Encoding.UTF8.GetString(buffer.WrittenSpan);
        return new JsonObject
        {
            ["format"] = FormatName,
            ["version"] = Version,
            ["sha256"] = Hash(payload),
            ["payload"] = payload,
        }.ToJsonString() + "\n";
    }

    public static Checkpoint Parse(string text, string where)
    {
        try
        {
            var document = StrictJson.ParseNode(text, where) as JsonObject ?? throw new WannException($"{where}: not a tuning checkpoint (expected a JSON object)");
            if ((string?)document["format"] != FormatName) throw new WannException($"{where}: field 'format' is not '{FormatName}'");
            if ((int?)document["version"] != Version) throw new WannException($"{where}: field 'version' is not {Version}");
            string payloadText = (string?)document["payload"] ?? throw new WannException($"{where}: field 'payload' is missing");
            if ((string?)document["sha256"] != Hash(payloadText)) throw new WannException($"{where}: checksum mismatch (the file is damaged)");
            var p = StrictJson.ParseNode(payloadText, where + " payload")!.AsObject();
            var s = p["settings"]!.AsObject();
            var settings = new WeightTuningSettings
            {
                Optimizer = (string)s["optimizer"]!,
                Population = (int)s["population"]!,
                Episodes = (int)s["episodes"]!,
                Generations = (int)s["generations"]!,
                SigmaInit = s["sigmaInit"] is { } sigma ? (double)sigma : null,
                ValidateEvery = (int)s["validateEvery"]!,
                ValidationEpisodes = (int)s["validationEpisodes"]!,
                TestEpisodes = (int)s["testEpisodes"]!,
            }.Validated();
            float shared = (float)p["sharedWeight"]!;
            TuningState? state = null;
            if (p["optimizer"] is JsonObject o)
            {
                var arrays = o["arrays"]!.AsObject().ToDictionary(a => a.Key, a => ReadArray(a.Value!));
                var saved = new OptimizerState((string)o["name"]!, (int)o["dimension"]!, (int)o["population"]!, Convert.ToUInt64((string)o["seed"]!, 16), (long)o["generation"]!, arrays);
                var optimizer = Optimizers.Restore(saved, settings.SigmaInit);
                state = new TuningState(shared, optimizer, ReadArray(p["best"]!), p["bestScore"] is { } score ? (double)score : double.NegativeInfinity, (long)p["bestGeneration"]!);
                if (state.Best.Length != optimizer.Dimension) throw new WannException($"{where}: field 'best' has {state.Best.Length} values, expected {optimizer.Dimension}");
            }
            return new Checkpoint((string)p["network"]!, (string)p["task"]!, (string)p["mode"]!, (ulong)p["seed"]!, settings, shared, state);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or NullReferenceException or OverflowException or KeyNotFoundException)
        {
            throw new WannException($"{where}: damaged tuning checkpoint ({e.Message})");
        }
        catch (WannException e) when (!e.Message.StartsWith(where, StringComparison.Ordinal))
        {
            throw new WannException($"{where}: {e.Message}");
        }
    }

    private static void WriteArray(Utf8JsonWriter w, string name, double[] values)
    {
        // JSON holds no infinity: a state that overflowed is said, not written half.
        if (!Array.TrueForAll(values, double.IsFinite))
            throw new WannException($"the optimiser's '{name}' is no longer finite: the tuning diverged");
        w.WriteStartArray(name);
        foreach (double v in values) w.WriteNumberValue(v);
        w.WriteEndArray();
    }

    private static double[] ReadArray(JsonNode node) => node.AsArray().Select(v => (double)v!).ToArray();

    private static string Hash(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text))).ToLowerInvariant();
}
