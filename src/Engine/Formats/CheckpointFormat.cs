using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Wann.Engine.Activations;
using Wann.Engine.Config;
using Wann.Engine.Genomes;
using Wann.Engine.Randomness;
using Wann.Engine.Search;

namespace Wann.Engine.Formats;

/// <summary>
/// The checkpoint file (version 2): binary and Brotli-compressed, so a population of 10^5-10^6 genomes
/// takes megabytes, not gigabytes. Layout: the 8-byte magic <c>WANNCKP2</c>, the payload's length (int64)
/// and SHA-256, then the compressed payload. A torn, truncated or edited file fails the checksum or the
/// parse and is rejected with one line naming the file.
/// Payload (little-endian): settings as the original's JSON (string), seed, generation, four random
/// words, next node id, next innovation, the population, then the best network if any (flag, fitness,
/// generation, genome). A genome: inputs, outputs, node count, nodes (id, kind byte, activation byte),
/// connection count, connections (innovation as the difference from the previous one, source, destination,
/// enabled byte, weight float32). Counts, ids and differences are 7-bit variable-length integers (zigzag
/// where they can be negative).
/// </summary>
public static class CheckpointFormat
{
    private static readonly byte[] Magic = "WANNCKP2"u8.ToArray();
    private const int HeaderLength = 8 + 8 + 32;

    public static byte[] ToBytes(Checkpoint checkpoint)
    {
        using var file = new MemoryStream();
        Write(file, checkpoint);
        return file.ToArray();
    }

    public static void Write(Stream file, Checkpoint checkpoint)
    {
        // The payload is built in memory and compressed in one call: primitive writes straight into a
        // compressing stream cost a call each and compress badly.
        using var raw = new MemoryStream();
        using (var w = new BinaryWriter(raw, Encoding.UTF8, leaveOpen: true)) WritePayload(w, checkpoint);
        using var compressed = new MemoryStream();
        using (var brotli = new BrotliStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
            brotli.Write(raw.GetBuffer(), 0, (int)raw.Length);
        var payload = compressed.GetBuffer().AsSpan(0, (int)compressed.Length);
        file.Write(Magic);
        Span<byte> length = stackalloc byte[8];
        BitConverter.TryWriteBytes(length, (long)payload.Length);
        file.Write(length);
        file.Write(SHA256.HashData(payload));
        file.Write(payload);
    }

    /// <summary>True when <paramref name="bytes"/> start like a file of this format (as opposed to the JSON of version 1).</summary>
    public static bool IsBinary(ReadOnlySpan<byte> bytes) => bytes.Length >= Magic.Length && bytes[..Magic.Length].SequenceEqual(Magic);

    public static Checkpoint Parse(byte[] bytes, string where)
    {
        if (!IsBinary(bytes)) throw new WannException($"{where}: not a checkpoint (it does not start with WANNCKP2)");
        if (bytes.Length < HeaderLength) throw new WannException($"{where}: damaged checkpoint (shorter than its header)");
        long length = BitConverter.ToInt64(bytes, 8);
        if (length != bytes.Length - HeaderLength) throw new WannException($"{where}: damaged checkpoint (payload is {bytes.Length - HeaderLength} bytes, header says {length})");
        var payload = bytes.AsSpan(HeaderLength);
        if (!SHA256.HashData(payload).AsSpan().SequenceEqual(bytes.AsSpan(16, 32))) throw new WannException($"{where}: checksum mismatch (the file is damaged)");
        try
        {
            // Read as it inflates, every count checked before anything is made for it: a payload that
            // inflates to gigabytes (a re-signed "Brotli bomb") is refused at its first wrong value, and
            // nothing is inflated beyond the last byte the checkpoint needs.
            using var brotli = new BrotliStream(new MemoryStream(bytes, HeaderLength, bytes.Length - HeaderLength, writable: false), CompressionMode.Decompress);
            using var r = new BinaryReader(brotli, Encoding.UTF8);
            var checkpoint = ReadPayload(r, where);
            if (brotli.ReadByte() != -1) throw new WannException($"{where}: damaged checkpoint (data after the end)");
            CheckpointContents.Validate(checkpoint, where);
            return checkpoint;
        }
        catch (Exception e) when (e is EndOfStreamException or InvalidDataException or IOException or ArgumentException or FormatException or OverflowException or DecoderFallbackException)
        {
            throw new WannException($"{where}: damaged checkpoint ({e.Message})");
        }
    }

    private static void WritePayload(BinaryWriter w, Checkpoint checkpoint)
    {
        var s = checkpoint.State;
        w.Write(HyperparameterLoader.ToJson(checkpoint.Settings));
        w.Write(checkpoint.Seed);
        w.Write(s.Generation);
        foreach (ulong word in s.Random.State) w.Write(word);
        w.Write(s.Counter.NextNodeId);
        w.Write(s.Counter.NextInnovation);
        w.Write7BitEncodedInt(s.Population.Count);
        foreach (var genome in s.Population) WriteGenome(w, genome);
        w.Write(s.Best is not null);
        if (s.Best is { } best)
        {
            w.Write(best.Fitness);
            w.Write(best.Generation);
            WriteGenome(w, best.Genome);
        }
    }

    private const int MaxSettingsBytes = 1 << 20;

    private static Checkpoint ReadPayload(BinaryReader r, string where)
    {
        // The settings string as BinaryWriter wrote it (a 7-bit length, then UTF-8), read with its length checked first.
        int settingsLength = Count(r.Read7BitEncodedInt(), MaxSettingsBytes, "bytes of settings", where);
        var settingsBytes = r.ReadBytes(settingsLength);
        if (settingsBytes.Length != settingsLength) throw new EndOfStreamException("the settings end early");
        string settingsJson = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(settingsBytes);
        var settings = HyperparameterLoader.Validate(HyperparameterLoader.ApplyJson(new Hyperparameters(), settingsJson, where + " settings"), where);
        ulong seed = r.ReadUInt64();
        long generation = r.ReadInt64();
        if (generation < 0 || generation > settings.MaxGenerations) throw new WannException($"{where}: generation {generation} is outside 0..maxGen {settings.MaxGenerations}");
        var words = new[] { r.ReadUInt64(), r.ReadUInt64(), r.ReadUInt64(), r.ReadUInt64() };
        if ((words[0] | words[1] | words[2] | words[3]) == 0) throw new WannException($"{where}: the random generator's state is all zero");
        var random = SeededRandom.FromState(words);
        var counter = new InnovationCounter(r.ReadInt32(), r.ReadInt64());
        int count = r.Read7BitEncodedInt();
        if (count != settings.PopulationSize) throw new WannException($"{where}: the population holds {count} genomes, but popSize is {settings.PopulationSize}");
        // Lists grow with the genomes actually read, never to a size the file merely claims.
        var population = new List<Genome>(Math.Min(count, 1 << 16));
        // Genomes are stored without their expression rule: it is the run's setting.
        for (int g = 0; g < count; g++)
        {
            population.Add(ReadGenome(r, where, settings.Expression));
            if (g == 0) CheckMemory(count, population[0], where);
        }
        BestNetwork? best = null;
        if (r.ReadBoolean())
        {
            double fitness = r.ReadDouble();
            long bestGeneration = r.ReadInt64();
            best = new BestNetwork(ReadGenome(r, where, settings.Expression), fitness, bestGeneration);
        }
        return new Checkpoint(settings, seed, new SearchState(generation, population, counter, random, best));
    }

    private static void WriteGenome(BinaryWriter w, Genome genome)
    {
        w.Write7BitEncodedInt(genome.Shape.Inputs);
        w.Write7BitEncodedInt(genome.Shape.Outputs);
        w.Write7BitEncodedInt(genome.Nodes.Count);
        foreach (var n in genome.Nodes)
        {
            w.Write7BitEncodedInt64(ZigZag(n.Id));
            w.Write((byte)n.Kind);
            w.Write((byte)n.Activation);
        }
        w.Write7BitEncodedInt(genome.Connections.Count);
        long previous = 0;
        foreach (var c in genome.Connections)
        {
            w.Write7BitEncodedInt64(ZigZag(c.Innovation - previous));
            previous = c.Innovation;
            w.Write7BitEncodedInt64(ZigZag(c.Source));
            w.Write7BitEncodedInt64(ZigZag(c.Destination));
            w.Write(c.Enabled);
            w.Write(c.Weight);
        }
    }

    private static Genome ReadGenome(BinaryReader r, string where, ConnectionExpression expression)
    {
        int inputs = Count(r.Read7BitEncodedInt(), 1 << 20, "inputs", where), outputs = Count(r.Read7BitEncodedInt(), 1 << 20, "outputs", where);
        int nodeCount = Count(r.Read7BitEncodedInt(), 1 << 24, "nodes", where);
        var nodes = new List<NodeGene>(Math.Min(nodeCount, 1 << 12));
        for (int i = 0; i < nodeCount; i++) nodes.Add(new NodeGene(Id(r, where), (NodeKind)r.ReadByte(), (ActivationFunction)r.ReadByte()));
        int connectionCount = Count(r.Read7BitEncodedInt(), 1 << 26, "connections", where);
        var connections = new List<ConnectionGene>(Math.Min(connectionCount, 1 << 12));
        long innovation = 0;
        for (int i = 0; i < connectionCount; i++)
        {
            innovation += UnZigZag(r.Read7BitEncodedInt64());
            connections.Add(new ConnectionGene(innovation, Id(r, where), Id(r, where), r.ReadBoolean(), r.ReadSingle()));
        }
        var genome = new Genome(new NetworkShape(inputs, outputs), nodes, connections, expression);
        if (genome.Validate() is { } problem) throw new WannException($"{where}: a genome in the checkpoint {problem}");
        return genome;
    }

    /// <summary>
    /// Refuses a population this machine cannot hold, judged by its first genome, before the rest is read: a
    /// few megabytes of identical genomes compress to almost nothing and would inflate to more than memory.
    /// </summary>
    private static void CheckMemory(int count, Genome first, string where)
    {
        // A genome object with its two lists, a node 16 bytes, a connection 32 (with padding and list slack).
        double need = count * (200.0 + 16.0 * first.Nodes.Count + 32.0 * first.Connections.Count);
        double available = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        if (need > available)
            throw new WannException($"{where}: {count:N0} genomes like its first would need about {need / (1L << 30):F1} GiB of memory; this machine has {available / (1L << 30):F1} GiB");
    }

    private static long ZigZag(long value) => (value << 1) ^ (value >> 63);
    private static long UnZigZag(long value) => (long)((ulong)value >> 1) ^ -(value & 1);

    private static int Id(BinaryReader r, string where)
    {
        long id = UnZigZag(r.Read7BitEncodedInt64());
        return id is >= int.MinValue and <= int.MaxValue ? (int)id : throw new WannException($"{where}: damaged checkpoint (node id {id})");
    }

    private static int Count(int value, int limit, string what, string where) =>
        value >= 0 && value <= limit ? value : throw new WannException($"{where}: damaged checkpoint ({value} {what})");
}
