using System.Text.Json;
using System.Text.Json.Serialization;
using Wann.Engine.Activations;
using Wann.Engine.Datasets;
using Wann.Engine.Genomes;

namespace Wann.Engine.Formats;

/// <summary>
/// The project's own network format: a JSON document with the task shape, every node and connection gene
/// (ids, innovations, enabled flags, stored weights, activation ids and names), the expression rule
/// (<c>expressDisabledHidden</c>; absent means true, the original's rule), provenance, and for a network
/// trained on the user's CSV its data contract (<c>data</c>: features, scaling, classes, training file; absent in
/// other files and in files written before it existed, which still load). Lossless.
/// </summary>
public static class NetworkJsonFormat
{
    public const string FormatName = "wann-gpu-network";
    public const int Version = 1;

    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    private sealed record NodeDto(int Id, string Kind, int Activation, string? ActivationName = null);
    private sealed record ConnectionDto(long Innovation, int Source, int Destination, bool Enabled, float Weight);
    private sealed record ProvenanceDto(string Source, long? Generation = null, double? Fitness = null, ulong? Seed = null, string? Created = null,
        string? TunedFrom = null);
    private sealed record ScalingDto(List<double> Mean, List<double> Sd);
    private sealed record TrainingDto(string File, string Sha256, int Rows);
    private sealed record DataDto(List<string> Features, List<int> FeatureColumns, int Columns, bool Header, string Label, int LabelColumn,
        List<string> Classes, TrainingDto Training, ScalingDto? Scaling = null);
    private sealed record Document(string Format, int Version, int Inputs, int Outputs,
        List<NodeDto> Nodes, List<ConnectionDto> Connections, ProvenanceDto Provenance, string? Task = null,
        bool? ExpressDisabledHidden = null, DataDto? Data = null);

    public static string Format(NetworkFile network)
    {
        var g = network.Genome;
        var doc = new Document(FormatName, Version, g.Shape.Inputs, g.Shape.Outputs,
            g.Nodes.Select(n => new NodeDto(n.Id, n.Kind.ToString().ToLowerInvariant(), (int)n.Activation, Activation.Name(n.Activation))).ToList(),
            g.Connections.Select(c => new ConnectionDto(c.Innovation, c.Source, c.Destination, c.Enabled, c.Weight)).ToList(),
            new ProvenanceDto(network.Provenance.Source, network.Provenance.Generation, network.Provenance.Fitness, network.Provenance.Seed, network.Provenance.Created,
                network.Provenance.TunedFrom),
            network.Task, g.Expression.ExpressesDisabledHidden, network.Data is { } data ? ToDto(data) : null);
        return JsonSerializer.Serialize(doc, Options) + "\n";
    }

    public static NetworkFile Parse(string json, string where)
    {
        Document? doc;
        try
        {
            using var parsed = JsonDocument.Parse(json);
            // The serializer would keep the last of two equal keys; a network file that says two things is refused.
            StrictJson.RefuseDuplicateKeys(parsed.RootElement, $"{where}: not a valid network file:", "");
            // A configuration or another JSON file given as a network: say so, not which field it lacks.
            if (parsed.RootElement.ValueKind != JsonValueKind.Object || !parsed.RootElement.TryGetProperty("format", out _))
                throw new WannException($"{where}: not a network file (a network file has \"format\": \"{FormatName}\"; is it a configuration or a run's other file?)");
            doc = parsed.RootElement.Deserialize<Document>(Options);
        }
        catch (JsonException e)
        {
            string at = e.Path is { Length: > 0 } path ? $" at {path}" : "";
            throw new WannException($"{where}: not a valid network file{at}: {StrictJson.FirstSentence(e.Message)}");
        }
        if (doc is null) throw new WannException($"{where}: empty network file");
        if (doc.Format != FormatName) throw new WannException($"{where}: field 'format' is '{doc.Format}', expected '{FormatName}'");
        if (doc.Version != Version) throw new WannException($"{where}: field 'version' is {doc.Version}; this program reads version {Version}");
        if (doc.Inputs < 1 || doc.Outputs < 1) throw new WannException($"{where}: fields 'inputs' and 'outputs' must be at least 1");
        if (doc.Nodes is null || doc.Connections is null || doc.Provenance is null)
            throw new WannException($"{where}: fields 'nodes', 'connections' and 'provenance' are required");

        var nodes = new List<NodeGene>(doc.Nodes.Count);
        foreach (var n in doc.Nodes)
        {
            if (!Enum.TryParse<NodeKind>(n.Kind, ignoreCase: true, out var kind) || !Enum.IsDefined(kind) || int.TryParse(n.Kind, out _))
                throw new WannException($"{where}: node {n.Id}: field 'kind' is '{n.Kind}', expected bias, input, output or hidden");
            if (!Activation.IsValidId(n.Activation))
                throw new WannException($"{where}: node {n.Id}: field 'activation' is {n.Activation}, expected an id from 1 to 11");
            nodes.Add(new NodeGene(n.Id, kind, (ActivationFunction)n.Activation));
        }
        var connections = doc.Connections.Select(c => new ConnectionGene(c.Innovation, c.Source, c.Destination, c.Enabled, c.Weight)).ToList();
        var expression = ConnectionExpression.For(doc.ExpressDisabledHidden ?? true);
        var genome = new Genome(new NetworkShape(doc.Inputs, doc.Outputs), nodes, connections, expression);
        if (genome.Validate() is { } problem) throw new WannException($"{where}: network {problem}");
        var p = doc.Provenance;
        if (p.TunedFrom is { } tunedFrom && !FileFingerprint.IsSha256(tunedFrom))
            throw new WannException($"{where}: field 'provenance.tunedFrom' is not a topology fingerprint (64 hex digits)");
        DataContract? contract = null;
        if (doc.Data is { } d)
        {
            contract = FromDto(d);
            if (contract.Validate(doc.Inputs, doc.Outputs) is { } wrong) throw new WannException($"{where}: field 'data' {wrong}");
        }
        return new NetworkFile(genome, doc.Task, new Provenance(p.Source, p.Generation, p.Fitness, p.Seed, p.Created, p.TunedFrom), contract);
    }

    private static DataDto ToDto(DataContract c) => new(c.Features.ToList(), c.FeatureColumns.ToList(), c.Columns, c.Header, c.Label, c.LabelColumn,
        c.Classes.ToList(), new TrainingDto(c.Training.File, c.Training.Sha256, c.Training.Rows),
        c.Scaling is { } s ? new ScalingDto(s.Means.ToList(), s.Sds.ToList()) : null);

    private static DataContract FromDto(DataDto d) => new(d.Features, d.FeatureColumns, d.Columns, d.Header, d.Label, d.LabelColumn, d.Classes,
        d.Scaling is { } s ? new FeatureScaling(s.Mean, s.Sd) : null, new TrainingData(d.Training.File, d.Training.Sha256, d.Training.Rows));
}
