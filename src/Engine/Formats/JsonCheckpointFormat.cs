using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Wann.Engine.Activations;
using Wann.Engine.Config;
using Wann.Engine.Genomes;
using Wann.Engine.Randomness;
using Wann.Engine.Search;

namespace Wann.Engine.Formats;

/// <summary>
/// The first checkpoint format (version 1): JSON with a SHA-256 of the payload. New runs write
/// <see cref="CheckpointFormat"/>; run folders made by earlier versions still resume from this one.
/// </summary>
public static class JsonCheckpointFormat
{
    public const string FormatName = "wann-gpu-checkpoint";
    public const int Version = 1;

    public static string Format(Checkpoint checkpoint)
    {
        var s = checkpoint.State;
        var buffer = new ArrayBufferWriter<byte>(1 << 16);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WritePropertyName("settings");
            using (var settings = JsonDocument.Parse(HyperparameterLoader.ToJson(checkpoint.Settings))) settings.WriteTo(w);
            w.WriteNumber("seed", checkpoint.Seed);
            w.WriteNumber("generation", s.Generation);
            w.WriteStartArray("random");
            foreach (ulong word in s.Random.State) w.WriteStringValue(word.ToString("x16"));
            w.WriteEndArray();
            w.WriteNumber("nextNodeId", s.Counter.NextNodeId);
            w.WriteNumber("nextInnovation", s.Counter.NextInnovation);
            w.WriteStartArray("population");
            foreach (var genome in s.Population) WriteGenome(w, genome);
            w.WriteEndArray();
            if (s.Best is { } best)
            {
                w.WriteStartObject("best");
                w.WriteNumber("fitness", best.Fitness);
                w.WriteNumber("generation", best.Generation);
                w.WritePropertyName("genome");
                WriteGenome(w, best.Genome);
                w.WriteEndObject();
            }
            w.WriteEndObject();
        }
        string payloadText = Encoding.UTF8.GetString(buffer.WrittenSpan);
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
            var document = StrictJson.ParseNode(text, where) as JsonObject ?? throw new WannException($"{where}: not a checkpoint (expected a JSON object)");
            if ((string?)document["format"] != FormatName) throw new WannException($"{where}: field 'format' is not '{FormatName}'");
            if ((int?)document["version"] != Version) throw new WannException($"{where}: field 'version' is not {Version}");
            string payloadText = (string?)document["payload"] ?? throw new WannException($"{where}: field 'payload' is missing");
            if ((string?)document["sha256"] != Hash(payloadText)) throw new WannException($"{where}: checksum mismatch (the file is damaged)");

            var payload = StrictJson.ParseNode(payloadText, where + " payload")!.AsObject();
            var settings = HyperparameterLoader.Validate(
                HyperparameterLoader.ApplyJson(new Hyperparameters(), payload["settings"]!.ToJsonString(), where + " settings"), where);
            var words = payload["random"]!.AsArray().Select(n => Convert.ToUInt64((string)n!, 16)).ToArray();
            if (words.Length != 4 || (words[0] | words[1] | words[2] | words[3]) == 0)
                throw new WannException($"{where}: the random generator's state is not four words, not all zero");
            var random = SeededRandom.FromState(words);
            var counter = new InnovationCounter((int)payload["nextNodeId"]!, (long)payload["nextInnovation"]!);
            // Genomes are stored without their expression rule: it is the run's setting.
            var population = payload["population"]!.AsArray().Select(n => ParseGenome(n!, where, settings.Expression)).ToList();
            BestNetwork? best = payload["best"] is JsonObject b
                ? new BestNetwork(ParseGenome(b["genome"]!, where, settings.Expression), (double)b["fitness"]!, (long)b["generation"]!)
                : null;
            var state = new SearchState((long)payload["generation"]!, population, counter, random, best);
            var checkpoint = new Checkpoint(settings, (ulong)payload["seed"]!, state);
            CheckpointContents.Validate(checkpoint, where);
            return checkpoint;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or NullReferenceException or OverflowException
                                       or KeyNotFoundException or ArgumentException)
        {
            throw new WannException($"{where}: damaged checkpoint ({e.Message})");
        }
    }

    // Genomes are stored as compact arrays: a checkpoint is rewritten every generation and can hold
    // hundreds of genomes with hundreds of connection genes each.
    private static void WriteGenome(Utf8JsonWriter w, Genome genome)
    {
        w.WriteStartObject();
        w.WriteStartArray("shape");
        w.WriteNumberValue(genome.Shape.Inputs);
        w.WriteNumberValue(genome.Shape.Outputs);
        w.WriteEndArray();
        w.WriteStartArray("nodes");
        foreach (var n in genome.Nodes)
        {
            w.WriteStartArray();
            w.WriteNumberValue(n.Id);
            w.WriteNumberValue((int)n.Kind);
            w.WriteNumberValue((int)n.Activation);
            w.WriteEndArray();
        }
        w.WriteEndArray();
        w.WriteStartArray("connections");
        foreach (var c in genome.Connections)
        {
            w.WriteStartArray();
            w.WriteNumberValue(c.Innovation);
            w.WriteNumberValue(c.Source);
            w.WriteNumberValue(c.Destination);
            w.WriteNumberValue(c.Enabled ? 1 : 0);
            w.WriteNumberValue(c.Weight);
            w.WriteEndArray();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static Genome ParseGenome(JsonNode node, string where, ConnectionExpression expression)
    {
        var shape = node["shape"]!.AsArray();
        var nodes = node["nodes"]!.AsArray().Select(n => new NodeGene((int)n![0]!, (NodeKind)(int)n[1]!, (ActivationFunction)(int)n[2]!)).ToList();
        var connections = node["connections"]!.AsArray()
            .Select(c => new ConnectionGene((long)c![0]!, (int)c[1]!, (int)c[2]!, (int)c[3]! != 0, (float)c[4]!)).ToList();
        var genome = new Genome(new NetworkShape((int)shape[0]!, (int)shape[1]!), nodes, connections, expression);
        if (genome.Validate() is { } problem) throw new WannException($"{where}: a genome in the checkpoint {problem}");
        return genome;
    }

    private static string Hash(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text))).ToLowerInvariant();
}
