using System.Diagnostics;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Wann.Engine;
using Wann.Engine.Formats;
using Wann.Engine.Genomes;
using Wann.Engine.Randomness;
using Wann.Engine.Search;

namespace Wann.Host.Tests.Hostile;

/// <summary>
/// The damaged and crafted inputs of issue 29, one by one: each once crashed, aborted or was taken silently;
/// each must now be refused with one line, exit status 2 and nothing written.
/// </summary>
public sealed class ConcreteCaseTests
{
    private static readonly string Folder = HostRunner.TempFolder();
    private static readonly string SwingInputs = TestPaths.Golden("forward-swing-inputs.csv");

    private static string Write(string name, string text)
    {
        string path = Path.Combine(Folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static JsonObject SwingNetwork()
    {
        var genome = OutMatrixFormat.Parse(File.ReadAllText(TestPaths.Reference("swing.out")), new NetworkShape(5, 1), "swing.out");
        return JsonNode.Parse(NetworkJsonFormat.Format(new NetworkFile(genome, "swingup", new Provenance("test"))))!.AsObject();
    }

    // A bias and six inputs under "inputs": 2147483647: 1 + inputs + outputs overflowed, and the genome passed as valid.
    private const string IntMaxInputs = """
        {"format":"wann-gpu-network","version":1,"inputs":2147483647,"outputs":1,
         "nodes":[{"id":0,"kind":"bias","activation":1},{"id":1,"kind":"input","activation":1},{"id":2,"kind":"input","activation":1},
                  {"id":3,"kind":"input","activation":1},{"id":4,"kind":"input","activation":1},{"id":5,"kind":"input","activation":1},
                  {"id":6,"kind":"input","activation":1}],
         "connections":[],"provenance":{"source":"crafted"}}
        """;

    [Theory]
    [InlineData("forward")]
    [InlineData("export")]
    [InlineData("render")]
    public void Network_WithInputsAtIntMax_IsRefusedInOneLine(string verb)
    {
        string net = Write($"intmax-{verb}.json", IntMaxInputs);
        string[] args = verb switch
        {
            "forward" => new[] { "forward", "--net", net, "--weight", "1", "--inputs", SwingInputs },
            "export" => new[] { "export", "--net", net, "--stored", "--out", Path.Combine(Folder, "intmax.out") },
            _ => new[] { "render", "--net", net, "--out", Path.Combine(Folder, "intmax.svg") },
        };
        Refusal.AssertRefusedUntouched(Folder, "inputs", args);
    }

    [Fact]
    public void Network_WithADuplicateKey_IsRefused()
    {
        string text = SwingNetwork().ToJsonString().Replace("\"outputs\":1", "\"outputs\":1,\"outputs\":1");
        string net = Write("duplicate.json", text);
        Refusal.AssertRefusedUntouched(Folder, "'outputs' appears twice", "forward", "--net", net, "--weight", "1", "--inputs", SwingInputs);
    }

    [Theory]
    [InlineData("forward")]
    [InlineData("export")]
    [InlineData("render")]
    public void Network_NamingATaskItDoesNotFit_IsRefused(string verb)
    {
        // A 2x1 network that says it is a swingup network.
        var genome = new Genome(new NetworkShape(2, 1),
            new List<NodeGene> { new(0, NodeKind.Bias, Engine.Activations.ActivationFunction.Linear), new(1, NodeKind.Input, Engine.Activations.ActivationFunction.Linear),
                new(2, NodeKind.Input, Engine.Activations.ActivationFunction.Linear), new(3, NodeKind.Output, Engine.Activations.ActivationFunction.Linear) },
            new List<ConnectionGene> { new(0, 1, 3, true, 1f) });
        string net = Write($"misfit-{verb}.json", NetworkJsonFormat.Format(new NetworkFile(genome, "swingup", new Provenance("crafted"))));
        string inputs = Write("two.csv", "1,2\n");
        string[] args = verb switch
        {
            "forward" => new[] { "forward", "--net", net, "--weight", "1", "--inputs", inputs },
            "export" => new[] { "export", "--net", net, "--stored", "--out", Path.Combine(Folder, "misfit.out") },
            _ => new[] { "render", "--net", net, "--out", Path.Combine(Folder, "misfit.svg") },
        };
        Refusal.AssertRefusedUntouched(Folder, "but its task 'swingup' needs 5x1", args);
    }

    [Theory]
    [InlineData("bestReps", "2147483647")]
    [InlineData("alg_nVals", "2147483647")]
    [InlineData("alg_nReps", "2147483647")]
    [InlineData("popSize", "2147483647")]
    public void Config_WithACountAtIntMax_IsRefused_AndLeavesNoRunFolder(string key, string value)
    {
        string config = Write($"config-{key}.json", $"{{\"task\": \"swingup_hard\", \"{key}\": {value}}}");
        string run = Path.Combine(Folder, $"run-{key}");
        Refusal.AssertOneLine(HostRunner.Run("train", "--config", config, "--out", run, "--gens", "1", "--quiet"), key);
        Assert.False(Directory.Exists(run));
    }

    [Fact]
    public void OutFile_OfSixtyThousandShortRows_IsRefusedBeforeAnyLargeAllocation()
    {
        string text = string.Concat(Enumerable.Repeat("0,1\n", 60_000));
        long before = GC.GetAllocatedBytesForCurrentThread();
        var error = Assert.Throws<WannException>(() => OutMatrixFormat.Parse(text, new NetworkShape(5, 1), "rows.out"));
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Contains("row 1 has 2 columns, expected 60001", error.Message);
        Assert.True(allocated < 64L << 20, $"{allocated:N0} bytes allocated to refuse a 240 KB file");
        Refusal.AssertRefusedUntouched(Folder, "row 1 has 2 columns", "forward", "--net", Write("rows.out", text), "--task", "swingup", "--weight", "1", "--inputs", SwingInputs);
    }

    public static TheoryData<string> UnusableGenerations => new() { "{}", "\"x\"", "1.5", "null", "1e20", "[]", "{\"generation\":\"x\"}", "{\"generation\":1.5}", "{\"generation\":null}", "{\"generation\":1e20}", "{\"generation\":-1}" };

    [Theory]
    [MemberData(nameof(UnusableGenerations))]
    public void Resume_WithALogLineWithoutAUsableGeneration_IsRefused(string line)
    {
        string run = TinyRun.Copy();
        string log = Path.Combine(run, "log.jsonl");
        var lines = File.ReadAllLines(log);
        lines[0] = line;
        File.WriteAllText(log, string.Join('\n', lines) + "\n");
        Refusal.AssertRefusedUntouched(run, "log.jsonl: line 1", "train", "--resume", run, "--gens", "3", "--quiet");
    }

    [Fact]
    public void Resume_WithAGarbageLineInTheMiddleOfTheLog_IsRefused()
    {
        string run = TinyRun.Copy();
        string log = Path.Combine(run, "log.jsonl");
        var lines = File.ReadAllLines(log).ToList();
        lines.Insert(1, "garbage");
        File.WriteAllText(log, string.Join('\n', lines) + "\n");
        Refusal.AssertRefusedUntouched(run, "log.jsonl: line 2 is not a generation record", "train", "--resume", run, "--gens", "3", "--quiet");
    }

    [Fact]
    public void Resume_WithATornLastLogLine_DropsItWithAWarning_AndEndsAsTheUninterruptedRun()
    {
        // A three-generation run as if killed while writing generation 2's line: its checkpoint at generation
        // 2 (the one before the last, with a checkpoint every generation) and half of that line.
        string straight = Path.Combine(HostRunner.TempFolder(), "run"), run = Path.Combine(HostRunner.TempFolder(), "run");
        Assert.Equal(0, HostRunner.Run(TinyRun.TrainArgs(straight, 3).Append("--checkpoint-every").Append("1").ToArray()).ExitCode);
        Directory.CreateDirectory(run);
        File.Copy(Path.Combine(straight, "checkpoint.prev.bin"), Path.Combine(run, "checkpoint.bin"));
        File.Copy(Path.Combine(straight, "config.json"), Path.Combine(run, "config.json"));
        var lines = File.ReadAllLines(Path.Combine(straight, "log.jsonl"));
        File.WriteAllText(Path.Combine(run, "log.jsonl"), lines[0] + "\n" + lines[1] + "\n" + lines[2][..40]);
        var resumed = HostRunner.Run("train", "--resume", run, "--quiet");
        Assert.True(resumed.ExitCode == 0, resumed.Error);
        Assert.Contains("wann: warning: ", resumed.Error);
        Assert.Contains("dropping a torn last line (line 3", resumed.Error);
        Assert.Equal(HostRunner.LogWithoutTimes(straight), HostRunner.LogWithoutTimes(run));
    }

    [Fact]
    public void Resume_WithAGarbageRunJson_IsRefused_AndTheHistoryKept()
    {
        string run = TinyRun.Copy();
        File.WriteAllText(Path.Combine(run, "run.json"), "garbage");
        Refusal.AssertRefusedUntouched(run, "run.json: not valid JSON", "train", "--resume", run, "--gens", "3", "--quiet");
    }

    public static TheoryData<string, Func<Checkpoint, Checkpoint>> ResignedCheckpoints => new()
    {
        { "genome 1 is 2x1", c => WithPopulation(c, c.State.Population.Select((g, i) => i == 1 ? InitialPopulation.Create(new NetworkShape(2, 1), 1, 1, new SeededRandom(1)).Population[0] : g).ToList()) },
        { "0 genomes, but popSize is 8", c => WithPopulation(c, new List<Genome>()) },
        { "are 5x1 but task 'cartpole' needs 4x2", c => c with { Settings = c.Settings with { Task = "cartpole" } } },
        { "task 'digits'", c => c with { Settings = c.Settings with { Task = "digits" } } },
        { "next node id 2147483647", c => WithCounter(c, int.MaxValue, c.State.Counter.NextInnovation) },
        { "next innovation 9223372036854775807", c => WithCounter(c, c.State.Counter.NextNodeId, long.MaxValue) },
        { "best fitness NaN", c => WithBest(c, c.State.Best! with { Fitness = double.NaN }) },
        { "best network is 2x1", c => WithBest(c, c.State.Best! with { Genome = InitialPopulation.Create(new NetworkShape(2, 1), 1, 1, new SeededRandom(1)).Population[0] }) },
        { "best network's generation 7", c => WithBest(c, c.State.Best! with { Generation = 7 }) },
        { "generation 2147483647", c => c with { State = new SearchState(int.MaxValue, c.State.Population, c.State.Counter, c.State.Random, c.State.Best) } },
    };

    [Theory]
    [MemberData(nameof(ResignedCheckpoints))]
    public void Resume_FromAReSignedCheckpointThatCannotBe_IsRefused(string expected, Func<Checkpoint, Checkpoint> edit)
    {
        string run = TinyRun.WithResignedCheckpoint(edit);
        Refusal.AssertRefusedUntouched(run, expected, "train", "--resume", run, "--gens", "3", "--quiet");
    }

    private static Checkpoint WithPopulation(Checkpoint c, List<Genome> population) =>
        c with { State = new SearchState(c.State.Generation, population, c.State.Counter, c.State.Random, c.State.Best) };

    private static Checkpoint WithCounter(Checkpoint c, int nextNode, long nextInnovation) =>
        c with { State = new SearchState(c.State.Generation, c.State.Population, new InnovationCounter(nextNode, nextInnovation), c.State.Random, c.State.Best) };

    private static Checkpoint WithBest(Checkpoint c, BestNetwork best) =>
        c with { State = new SearchState(c.State.Generation, c.State.Population, c.State.Counter, c.State.Random, best) };

    [Fact]
    public void Checkpoint_ThatIsABrotliBomb_IsRefusedFast_WithoutInflatingIt()
    {
        // A valid header and checksum over 256 MiB of zeros, compressed to a few kilobytes.
        using var compressed = new MemoryStream();
        using (var brotli = new BrotliStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            var zeros = new byte[1 << 20];
            for (int i = 0; i < 256; i++) brotli.Write(zeros);
        }
        var payload = compressed.ToArray();
        var bomb = "WANNCKP2"u8.ToArray().Concat(BitConverter.GetBytes((long)payload.Length)).Concat(SHA256.HashData(payload)).Concat(payload).ToArray();
        var clock = Stopwatch.StartNew();
        long before = GC.GetAllocatedBytesForCurrentThread();
        Assert.Throws<WannException>(() => CheckpointFormat.Parse(bomb, "bomb.bin"));
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"took {clock.Elapsed.TotalSeconds:F1} s");
        Assert.True(allocated < 16L << 20, $"{allocated:N0} bytes allocated");

        string run = TinyRun.Copy();
        File.WriteAllBytes(Path.Combine(run, "checkpoint.bin"), bomb);
        File.Delete(Path.Combine(run, "checkpoint.prev.bin"));
        Refusal.AssertRefusedUntouched(run, "checkpoint.bin", "train", "--resume", run, "--gens", "3", "--quiet");
    }

    [Fact]
    public void Checkpoint_ClaimingEightyMillionGenomes_IsRefusedAfterItsFirst()
    {
        // Identical genomes compress to nothing: a valid-looking population can inflate past any memory.
        string run = TinyRun.Copy();
        var valid = File.ReadAllBytes(Path.Combine(run, "checkpoint.bin"));
        var raw = Damage.Inflate(valid);
        var checkpoint = CheckpointFormat.Parse(valid, "valid");
        string settings = Engine.Config.HyperparameterLoader.ToJson(checkpoint.Settings);
        string huge = settings.Replace("\"popSize\": 8", "\"popSize\": 80000000");
        Assert.NotEqual(settings, huge);
        // The payload starts with the settings (a 7-bit length, then UTF-8), then seed, generation, four
        // random words and two counters (8 + 8 + 32 + 4 + 8 bytes), then the genome count and the genomes.
        int oldLength = System.Text.Encoding.UTF8.GetByteCount(settings), prefix = oldLength < 128 ? 1 : 2;
        using var payload = new MemoryStream();
        using (var w = new BinaryWriter(payload, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            w.Write(huge);
            w.Write(raw, prefix + oldLength, 60);
            w.Write7BitEncodedInt(80_000_000);
            int genomes = prefix + oldLength + 60 + 1; // the 7-bit count of 8 is one byte
            w.Write(raw, genomes, raw.Length - genomes); // the eight genomes and the best network: far fewer than claimed
        }
        File.WriteAllBytes(Path.Combine(run, "checkpoint.bin"), Damage.Sign(payload.ToArray()));
        File.Delete(Path.Combine(run, "checkpoint.prev.bin"));
        long before = GC.GetAllocatedBytesForCurrentThread();
        // Refused for the memory it would need where that exceeds this machine's, or else for holding fewer genomes than it claims.
        Refusal.AssertRefusedUntouched(run, "checkpoint.bin", "train", "--resume", run, "--gens", "3", "--quiet");
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 64L << 20, "the claimed population was allocated");
        if (GC.GetGCMemoryInfo().TotalAvailableMemoryBytes < 40e9)
            Refusal.AssertRefusedUntouched(run, "80,000,000 genomes like its first would need about", "train", "--resume", run, "--gens", "3", "--quiet");
    }

    [Fact]
    public void CsvData_EditedBetweenStartAndResume_IsRefused()
    {
        string data = HostRunner.TempFolder();
        var rows = Enumerable.Range(0, 40).Select(i => $"{i % 7},{(i * 3) % 5},{i % 2}").ToArray();
        string train = Path.Combine(data, "train.csv"), test = Path.Combine(data, "test.csv");
        File.WriteAllLines(train, rows);
        File.WriteAllLines(test, rows.Take(10));
        string run = Path.Combine(data, "run");
        var start = HostRunner.Run("train", "--task", "csv", "--train", train, "--test", test, "--pop", "8", "--gens", "1", "--backend", "cpu", "--quiet", "--out", run);
        Assert.True(start.ExitCode == 0, start.Error);
        File.WriteAllLines(train, rows.Select(r => r.Replace('3', '4')));
        Refusal.AssertRefusedUntouched(run, "train.csv: changed since the run started", "train", "--resume", run, "--gens", "2", "--quiet");
    }
}
