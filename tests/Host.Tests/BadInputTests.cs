namespace Wann.Host.Tests;

/// <summary>Every kind of bad input: exit status 2, one line on standard error naming the problem, no output file.</summary>
public sealed class BadInputTests
{
    private static readonly string Folder = HostRunner.TempFolder();

    private static string Write(string name, string text)
    {
        string path = Path.Combine(Folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static string BipedJson()
    {
        var genome = Engine.Formats.OutMatrixFormat.Parse(File.ReadAllText(TestPaths.Reference("biped.out")), new Engine.Genomes.NetworkShape(24, 4), "biped.out");
        return Engine.Formats.NetworkJsonFormat.Format(new Engine.Formats.NetworkFile(genome, "biped", new Engine.Formats.Provenance("test")));
    }

    public static TheoryData<string, string[]> Cases()
    {
        string swing = TestPaths.Reference("swing.out");
        string inputs = TestPaths.Golden("forward-swing-inputs.csv");
        string narrow = Write("narrow.csv", "1,2,3\n");
        string text = Write("text.csv", "1,2,x,4,5\n");
        string empty = Write("empty.csv", "\n");
        string badOut = Write("bad.out", "0,0,1\n0,0\n");
        string badJson = Write("bad.json", "{\"format\": \"wann-gpu-network\"");
        string badConfig = Write("bad-config.json", "{\"popSize\": 0}");
        string unknownKey = Write("unknown-key.json", "{\"pop\": 10}");
        return new TheoryData<string, string[]>
        {
            { "are the input/output counts (5x1) right", new[] { "forward", "--net", TestPaths.Reference("racer.out"), "--task", "swingup", "--weight", "1", "--inputs", inputs } },
            { "file not found", new[] { "forward", "--net", "/no/such.out", "--task", "swingup", "--weight", "1", "--inputs", inputs } },
            { "give --task NAME or --io", new[] { "forward", "--net", swing, "--weight", "1", "--inputs", inputs } },
            { "unknown task 'nope'", new[] { "forward", "--net", swing, "--task", "nope", "--weight", "1", "--inputs", inputs } },
            { "'5by1' is not INPUTSxOUTPUTS", new[] { "forward", "--net", swing, "--io", "5by1", "--weight", "1", "--inputs", inputs } },
            { "give exactly one of --weight W and --stored", new[] { "forward", "--net", swing, "--task", "swingup", "--inputs", inputs } },
            { "give exactly one of --weight W and --stored", new[] { "forward", "--net", swing, "--task", "swingup", "--weight", "1", "--stored", "--inputs", inputs } },
            { "line 1 has 3 values, expected 5", new[] { "forward", "--net", swing, "--task", "swingup", "--weight", "1", "--inputs", narrow } },
            { "'x' is not a finite number", new[] { "forward", "--net", swing, "--task", "swingup", "--weight", "1", "--inputs", text } },
            { "no rows of inputs", new[] { "forward", "--net", swing, "--task", "swingup", "--weight", "1", "--inputs", empty } },
            { "bad.out: 2 rows", new[] { "forward", "--net", badOut, "--io", "1x1", "--weight", "1", "--inputs", inputs } },
            { "bad.json: not a valid network file", new[] { "forward", "--net", badJson, "--weight", "1", "--inputs", inputs } },
            { "are the input/output counts right", new[] { "forward", "--net", swing, "--io", "24x4", "--weight", "1", "--inputs", inputs } },
            { "does not exist", new[] { "forward", "--net", swing, "--task", "swingup", "--weight", "1", "--inputs", inputs, "--out", "/no/such/folder/out.csv" } },
            { "--episodes: must be at least 1", new[] { "eval", "--net", swing, "--task", "swingup", "--episodes", "0" } },
            { "--weights: 'a' is not a finite number", new[] { "eval", "--net", swing, "--task", "swingup", "--weights", "1,a" } },
            { "unknown backend 'gpu9'", new[] { "eval", "--net", swing, "--task", "swingup", "--backend", "gpu9" } },
            { "task 'racer' has no simulator", new[] { "eval", "--net", TestPaths.Reference("racer.out"), "--task", "racer" } },
            { "key 'popSize' must be at least 2, got 0", new[] { "train", "--config", badConfig, "--out", Path.Combine(Folder, "run-a") } },
            { "unknown key 'pop'", new[] { "train", "--config", unknownKey, "--out", Path.Combine(Folder, "run-b") } },
            { "give --out DIR", new[] { "train", "--task", "swingup" } },
            { "no such run folder", new[] { "train", "--resume", "/no/such/run" } },
            { "--pop: must be at least 2", new[] { "train", "--task", "swingup", "--out", Path.Combine(Folder, "run-e"), "--pop=-3" } },
            { "cannot create the run folder", new[] { "train", "--task", "swingup", "--out", "/etc/hostname/run", "--gens", "1" } },
            { "network is 24x4 (inputs x outputs) but the task needs 5x1", new[] { "eval", "--net", Write("biped.json", BipedJson()), "--task", "swingup" } },
            { "truncated.json: not a valid network file", new[] { "forward", "--net", Write("truncated.json", BipedJson()[..200]), "--weight", "1", "--inputs", inputs } },
            { "--checkpoint-every: must be at least 1", new[] { "train", "--task", "swingup", "--out", Path.Combine(Folder, "run-d"), "--checkpoint-every", "0" } },
            { "--threads: must be at least 1, got 0", new[] { "train", "--task", "swingup", "--out", Path.Combine(Folder, "run-f"), "--threads", "0" } },
            { "--threads: must be at least 1, got -2", new[] { "eval", "--net", swing, "--task", "swingup", "--threads=-2" } },
            { "unknown backend 'gpu9'", new[] { "train", "--task", "swingup", "--out", Path.Combine(Folder, "run-g"), "--backend", "gpu9" } },
            { "would need about", new[] { "train", "--task", "swingup", "--out", Path.Combine(Folder, "run-h"), "--pop", "2000000000" } },
            { "a population of 100,000,000 digits networks would need about", new[] { "train", "--task", "digits", "--out", Path.Combine(Folder, "run-i"), "--pop", "100000000" } },
            { "--pop 20000000: a population of 20,000,000 swingup networks would need about 59.8 GiB of memory; this machine has", new[] { "train", "--task", "swingup", "--out", Path.Combine(Folder, "run-j"), "--pop", "20000000", "--gens", "1" } },
            { "--episodes 2000000000: 6 weights x 2,000,000,000 episodes would need about", new[] { "eval", "--net", swing, "--task", "swingup", "--episodes", "2000000000" } },
            { "would need about", new[] { "sweep", "--net", swing, "--task", "swingup", "--json", "--episodes", "2000000000" } },
            { "a .out file does not name its task: give --task NAME", new[] { "eval", "--net", swing } },
            { "a .out file does not name its task: give --task NAME", new[] { "sweep", "--net", swing, "--json" } },
            { "line 2 is blank: every line needs 5 values", new[] { "forward", "--net", swing, "--task", "swingup", "--weight", "1", "--inputs", Write("gap.csv", "1,2,3,4,5\n\n1,2,3,4,5\n") } },
            { "line 1 (header) names 2 columns, expected 5", new[] { "forward", "--net", swing, "--task", "swingup", "--weight", "1", "--inputs", Write("header.csv", "a,b\n1,2,3,4,5\n") } },
        };
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void BadInput_ExitsWith2_AndOneClearLine(string message, string[] args)
    {
        var before = Directory.GetFileSystemEntries(Folder).ToHashSet();
        var result = HostRunner.Run(args);
        Assert.Equal(2, result.ExitCode);
        string error = result.Error.Trim();
        Assert.DoesNotContain('\n', error);
        Assert.StartsWith("wann: ", error);
        Assert.Contains(message, error);
        Assert.DoesNotContain("   at ", error);
        Assert.Equal("", result.Out);
        Assert.Equal(before, Directory.GetFileSystemEntries(Folder).ToHashSet());
    }

    [Theory]
    [InlineData("unknown command 'fly'", "fly")]
    [InlineData("unknown command 'fly'", "help", "fly")]
    [InlineData("unknown option 'nett'", "forward", "--nett", "x")]
    [InlineData("missing required option --net", "forward", "--inputs", "x.csv")]
    [InlineData("--episodes: not a valid value", "eval", "--net", "x", "--task", "swingup", "--episodes", "many")]
    public void BadCommandLines_ExitWith2_AndOneLine(string message, params string[] args)
    {
        var result = HostRunner.Run(args);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error);
        Assert.DoesNotContain('\n', result.Error.Trim());
    }

    [Fact]
    public void Help_GoesToStandardOutput_WithStatus0()
    {
        var result = HostRunner.Run("train", "--help");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("--resume", result.Out);
    }
}

/// <summary>Mutated CSV input files through the whole program: exit 0 with one output row per input row, or exit 2 with one line.</summary>
public sealed class CsvFuzzTests
{
    [Fact]
    public void MutatedInputCsv_GivesOutputsOrOneCleanError()
    {
        string folder = HostRunner.TempFolder();
        string valid = File.ReadAllText(TestPaths.Golden("forward-swing-inputs.csv"));
        var random = new Engine.Randomness.SeededRandom(5);
        const string alphabet = "0123456789.,-eE \nx";
        for (int i = 0; i < 400; i++)
        {
            var chars = valid.ToCharArray().ToList();
            for (int e = 0; e < 1 + random.NextInt(3); e++)
            {
                int at = random.NextInt(chars.Count);
                if (random.NextInt(2) == 0) chars.RemoveAt(at);
                else chars.Insert(at, alphabet[random.NextInt(alphabet.Length)]);
            }
            string input = Path.Combine(folder, "in.csv"), output = Path.Combine(folder, $"out{i}.csv");
            File.WriteAllText(input, new string(chars.ToArray()));
            var result = HostRunner.Run("forward", "--net", TestPaths.Reference("swing.out"), "--task", "swingup", "--weight", "1", "--inputs", input, "--out", output);
            if (result.ExitCode == 0)
            {
                int rows = File.ReadAllLines(input).Count(l => l.Trim().Length > 0);
                Assert.Equal(rows, File.ReadAllLines(output).Length);
            }
            else
            {
                Assert.Equal(2, result.ExitCode);
                Assert.DoesNotContain('\n', result.Error.Trim());
                Assert.False(File.Exists(output));
            }
        }
    }
}
