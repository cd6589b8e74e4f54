using Wann.Engine.Datasets;
using Wann.Engine.Formats;
using Wann.Engine.Genomes;
using Wann.Engine.Search;

namespace Wann.Engine.Tests;

public sealed class FormatTests
{
    public static TheoryData<string, int, int> Champions => new()
    {
        { "swing.out", 5, 1 },
        { "biped.out", 24, 4 },
        { "racer.out", 16, 3 },
    };

    [Theory]
    [MemberData(nameof(Champions))]
    public void OutFile_RoundTripsToTheSameText(string file, int nIn, int nOut)
    {
        string text = File.ReadAllText(TestPaths.Reference(file));
        var genome = OutMatrixFormat.Parse(text, new NetworkShape(nIn, nOut), file);
        Assert.Equal(Normalise(text), OutMatrixFormat.Format(genome));
    }

    [Theory]
    [MemberData(nameof(Champions))]
    public void Champion_HasTheDocumentedSize(string file, int nIn, int nOut)
    {
        var genome = OutMatrixFormat.Parse(File.ReadAllText(TestPaths.Reference(file)), new NetworkShape(nIn, nOut), file);
        var (nodes, connections) = file switch { "swing.out" => (29, 52), "biped.out" => (103, 210), _ => (106, 245) };
        Assert.Equal(nodes, genome.Nodes.Count);
        Assert.Equal(connections, genome.EnabledConnectionCount);
    }

    [Theory]
    [MemberData(nameof(Champions))]
    public void Json_RoundTripIsLossless_AndBackToOutGivesTheSameText(string file, int nIn, int nOut)
    {
        string text = File.ReadAllText(TestPaths.Reference(file));
        var genome = OutMatrixFormat.Parse(text, new NetworkShape(nIn, nOut), file);
        var network = new NetworkFile(genome, null, new Provenance("test", 3, 512.25, 42, "2026-11-24T00:00:00Z"));
        var back = NetworkJsonFormat.Parse(NetworkJsonFormat.Format(network), "test");
        AssertSameGenome(genome, back.Genome);
        Assert.Equal(network.Provenance, back.Provenance);
        Assert.Equal(Normalise(text), OutMatrixFormat.Format(back.Genome));
    }

    [Fact]
    public void Json_RoundTripsGrownGenomes_WithDisabledConnectionsAndTunedWeights()
    {
        foreach (var genome in SyntheticPopulation.Grow(new NetworkShape(3, 2), 20, 30, 9))
        {
            for (int i = 0; i < genome.Connections.Count; i += 3)
                genome.Connections[i] = genome.Connections[i] with { Weight = 0.1f * i - 1.2345678f };
            var back = NetworkJsonFormat.Parse(NetworkJsonFormat.Format(new NetworkFile(genome, "swingup", new Provenance("t"))), "t");
            AssertSameGenome(genome, back.Genome);
            Assert.Equal("swingup", back.Task);
        }
    }

    [Fact]
    public void OutNumber_RoundTripsEveryFloat_BitForBit()
    {
        var random = new Random(14);
        var values = new List<float> { 0.123456789f, 1f / 3f, -2.5e-7f, 3.4028235e38f, float.Epsilon, 1.58f, -1.36f };
        for (int i = 0; i < 20000; i++) values.Add(BitConverter.Int32BitsToSingle(random.Next()) * (random.Next(2) == 0 ? 1 : -1));
        foreach (float v in values.Where(float.IsFinite))
            Assert.Equal(BitConverter.SingleToInt32Bits(v),
                BitConverter.SingleToInt32Bits(float.Parse(OutMatrixFormat.FormatNumber(v), System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal("-1.58e+00", OutMatrixFormat.FormatNumber(-1.58f));
    }

    [Fact]
    public void OutExport_OfASearchedGenome_ReimportsToTheSameNetwork()
    {
        foreach (var genome in SyntheticPopulation.Grow(new NetworkShape(3, 2), 20, 30, 10))
        {
            var back = OutMatrixFormat.Parse(OutMatrixFormat.Format(genome), genome.Shape, "t");
            var a = Programs.ProgramCompiler.Compile(genome, Programs.WeightMode.Stored);
            var b = Programs.ProgramCompiler.Compile(back, Programs.WeightMode.Stored);
            var input = new[] { 0.3f, -1.1f, 2.0f };
            Assert.Equal(Programs.ReferenceInterpreter.Evaluate(a, input, 1f), Programs.ReferenceInterpreter.Evaluate(b, input, 1f));
            // The matrix holds the expressed network: a disabled hidden-to-hidden gene comes back as an enabled one.
            Assert.Equal(genome.ExpressedConnectionCount, back.ExpressedConnectionCount);
        }
    }

    [Theory]
    [InlineData("0,0,0,1\n0,0,1\n0,0,0,1\n", "row 2 has 3 columns, expected 4")]
    [InlineData("0,0,0,1\n0,0,1,1\nx,0,0,1\n", "row 3, column 1: 'x' is not a number")]
    [InlineData("0,0,0,1\n0,0,1,1\n0,0,0,12\n", "activation column holds 12")]
    [InlineData("0,0,0,1\n0,0,1,1\n0,1,0,1\n", "a connection into the bias or an input")]
    [InlineData("0,0\n", "needs at least 3")]
    public void BadOutFiles_AreRejectedWithRowAndColumn(string text, string message)
    {
        var e = Assert.Throws<WannException>(() => OutMatrixFormat.Parse(text, new NetworkShape(1, 1), "bad.out"));
        Assert.StartsWith("bad.out:", e.Message);
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void OutFile_ReadWithTheWrongShape_IsCaught()
    {
        // biped.out read as a 5-input network leaves hidden rows with no incoming connection at all.
        string text = File.ReadAllText(TestPaths.Reference("biped.out"));
        var e = Assert.Throws<WannException>(() => OutMatrixFormat.Parse(text, new NetworkShape(5, 1), "biped.out"));
        Assert.Contains("--task or --io", e.Message);
    }

    [Theory]
    [InlineData("{", "not a valid network file")]
    [InlineData("{\"format\":\"other\",\"version\":1,\"inputs\":1,\"outputs\":1,\"nodes\":[],\"connections\":[],\"provenance\":{\"source\":\"x\"}}", "field 'format'")]
    [InlineData("{\"format\":\"wann-gpu-network\",\"version\":1,\"inputs\":1,\"outputs\":1,\"nodes\":[],\"connections\":[],\"provenance\":{\"source\":\"x\"},\"extra\":1}", "extra")]
    [InlineData("{\"format\":\"wann-gpu-network\",\"version\":1,\"inputs\":1,\"outputs\":1,\"nodes\":[{\"id\":0,\"kind\":\"bias\",\"activation\":1},{\"id\":1,\"kind\":\"input\",\"activation\":1},{\"id\":2,\"kind\":\"output\",\"activation\":1},{\"id\":3,\"kind\":\"hidden\",\"activation\":1}],\"connections\":[{\"innovation\":0,\"source\":2,\"destination\":3,\"enabled\":true,\"weight\":1},{\"innovation\":1,\"source\":3,\"destination\":2,\"enabled\":false,\"weight\":1}],\"provenance\":{\"source\":\"x\"}}", "has a cycle")]
    [InlineData("{\"format\":\"wann-gpu-network\",\"version\":1,\"inputs\":1,\"outputs\":1,\"nodes\":[{\"id\":0,\"kind\":\"bias\",\"activation\":1},{\"id\":1,\"kind\":\"input\",\"activation\":1},{\"id\":2,\"kind\":\"output\",\"activation\":99}],\"connections\":[],\"provenance\":{\"source\":\"x\"}}", "field 'activation' is 99")]
    public void BadJsonNetworks_AreRejected(string json, string message)
    {
        var e = Assert.Throws<WannException>(() => NetworkJsonFormat.Parse(json, "net.json"));
        Assert.StartsWith("net.json:", e.Message);
        Assert.Contains(message, e.Message);
    }

    private static string Normalise(string text) => string.Join("", text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).Select(l => l + "\n"));

    internal static void AssertSameGenome(Genome expected, Genome actual)
    {
        Assert.Equal(expected.Shape, actual.Shape);
        Assert.Equal(expected.Nodes, actual.Nodes);
        Assert.Equal(expected.Connections, actual.Connections);
        Assert.Same(expected.Expression, actual.Expression);
    }

    private static DataContract Contract(int classes) => new(new[] { "a", "b", "c" }, new[] { 1, 2, 4 }, 4, true, "kind", 3,
        Enumerable.Range(0, classes).Select(k => $"class {k}").ToArray(), new FeatureScaling(new[] { 0.1, -2.5e7, 1.0 / 3 }, new[] { 1e-9, 0.0, 7.25 }),
        new TrainingData("train.csv", new string('a', 64), 120));

    [Fact]
    public void Json_KeepsADataContract_BitForBit_AndFilesWithoutOneStillLoad()
    {
        var genome = SyntheticPopulation.Grow(new NetworkShape(3, 2), 1, 5, 3)[0];
        var network = new NetworkFile(genome, "csv", new Provenance("t", TunedFrom: new string('b', 64)), Contract(2));
        var back = NetworkJsonFormat.Parse(NetworkJsonFormat.Format(network), "t");
        Assert.Equal(network.Data!.Features, back.Data!.Features);
        Assert.Equal(network.Data.Classes, back.Data.Classes);
        Assert.Equal(network.Data.FeatureColumns, back.Data.FeatureColumns);
        Assert.Equal(network.Data.Scaling!.Means, back.Data.Scaling!.Means);
        Assert.Equal(network.Data.Scaling.Sds, back.Data.Scaling.Sds);
        Assert.Equal(network.Data.Training, back.Data.Training);
        Assert.Equal(network.Provenance, back.Provenance);
        Assert.Null(NetworkJsonFormat.Parse(NetworkJsonFormat.Format(network with { Data = null }), "t").Data);
    }

    [Fact]
    public void Json_RefusesADataContractThatDoesNotFitTheNetwork()
    {
        var genome = SyntheticPopulation.Grow(new NetworkShape(3, 2), 1, 5, 3)[0];
        string text = NetworkJsonFormat.Format(new NetworkFile(genome, "csv", new Provenance("t"), Contract(3)));
        var e = Assert.Throws<WannException>(() => NetworkJsonFormat.Parse(text, "net.json"));
        Assert.Equal("net.json: field 'data' names 3 classes for a network of 2 outputs", e.Message);
    }

    [Theory]
    [InlineData("\"extra\":1", "unknown field 'extra'")]
    [InlineData("\"inputs\":\"two\"", "at $.inputs: a value of the wrong type")]
    public void JsonErrors_SpeakOfTheFilesFields_NotOfDotNetTypes(string field, string message)
    {
        string json = "{\"format\":\"wann-gpu-network\",\"version\":1,\"outputs\":1,\"nodes\":[],\"connections\":[],\"provenance\":{\"source\":\"x\"},"
                      + (field.StartsWith("\"inputs", StringComparison.Ordinal) ? field : "\"inputs\":1," + field) + "}";
        var e = Assert.Throws<WannException>(() => NetworkJsonFormat.Parse(json, "net.json"));
        Assert.Contains(message, e.Message);
        Assert.DoesNotContain(".NET", e.Message);
        Assert.DoesNotContain("System.", e.Message);
    }
}
