using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Wann.Engine.Config;
using Wann.Engine.Genomes;
using Wann.Engine.Randomness;
using Wann.Engine.Search;

namespace Wann.Engine.Formats;

/// <summary>
/// A search checkpoint: settings, seed, generation, random state, innovation counters, population and
/// best network, as JSON with a SHA-256 of the payload so a torn or edited file is detected.
/// </summary>
public static class CheckpointFormat
{
    public const string FormatName = "wann-gpu-checkpoint";
    public const int Version = 1;

    public sealed record Checkpoint(Hyperparameters Settings, ulong Seed, SearchState State);

    public static string Format(Checkpoint checkpoint)
    {
        var s = checkpoint.State;
        var payload = new JsonObject
        {
            ["settings"] = JsonNode.Parse(HyperparameterLoader.ToJson(checkpoint.Settings)),
            ["seed"] = checkpoint.Seed,
            ["generation"] = s.Generation,
            ["random"] = new JsonArray(s.Random.State.Select(w => (JsonNode)JsonValue.Create(w.ToString("x16"))).ToArray()),
            ["nextNodeId"] = s.Counter.NextNodeId,
            ["nextInnovation"] = s.Counter.NextInnovation,
            ["population"] = new JsonArray(s.Population.Select(g => GenomeNode(g)).ToArray()),
        };
        if (s.Best is { } best)
            payload["best"] = new JsonObject { ["fitness"] = best.Fitness, ["generation"] = best.Generation, ["genome"] = GenomeNode(best.Genome) };
        string payloadText = payload.ToJsonString();
        var document = new JsonObject
        {
            ["format"] = FormatName,
            ["version"] = Version,
            ["sha256"] = Hash(payloadText),
            ["payload"] = payloadText,
        };
        return document.ToJsonString() + "\n";
    }

    public static Checkpoint Parse(string text, string where)
    {
        try
        {
            var document = JsonNode.Parse(text) as JsonObject ?? throw new WannException($"{where}: not a checkpoint (expected a JSON object)");
            if ((string?)document["format"] != FormatName) throw new WannException($"{where}: field 'format' is not '{FormatName}'");
            if ((int?)document["version"] != Version) throw new WannException($"{where}: field 'version' is not {Version}");
            string payloadText = (string?)document["payload"] ?? throw new WannException($"{where}: field 'payload' is missing");
            if ((string?)document["sha256"] != Hash(payloadText)) throw new WannException($"{where}: checksum mismatch (the file is damaged)");

            var payload = JsonNode.Parse(payloadText)!.AsObject();
            var settings = HyperparameterLoader.Validate(
                HyperparameterLoader.ApplyJson(new Hyperparameters(), payload["settings"]!.ToJsonString(), where + " settings"), where);
            var random = SeededRandom.FromState(payload["random"]!.AsArray().Select(n => Convert.ToUInt64((string)n!, 16)).ToArray());
            var counter = new InnovationCounter((int)payload["nextNodeId"]!, (long)payload["nextInnovation"]!);
            var population = payload["population"]!.AsArray().Select(n => ParseGenome(n!, where)).ToList();
            BestNetwork? best = payload["best"] is JsonObject b
                ? new BestNetwork(ParseGenome(b["genome"]!, where), (double)b["fitness"]!, (long)b["generation"]!)
                : null;
            var state = new SearchState((long)payload["generation"]!, population, counter, random, best);
            return new Checkpoint(settings, (ulong)payload["seed"]!, state);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or NullReferenceException or OverflowException or KeyNotFoundException)
        {
            throw new WannException($"{where}: damaged checkpoint ({e.Message})");
        }
    }

    private static JsonNode GenomeNode(Genome genome) =>
        JsonNode.Parse(NetworkJsonFormat.Format(new NetworkFile(genome, null, new Provenance("checkpoint"))))!;

    private static Genome ParseGenome(JsonNode node, string where) =>
        NetworkJsonFormat.Parse(node.ToJsonString(), where).Genome;

    private static string Hash(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text))).ToLowerInvariant();
}
