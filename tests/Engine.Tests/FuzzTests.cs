using Wann.Engine.Config;
using Wann.Engine.Formats;
using Wann.Engine.Genomes;
using Wann.Engine.Randomness;

namespace Wann.Engine.Tests;

/// <summary>
/// Valid files mutated at random, thousands of times: every reader must either accept the result or
/// reject it with a <see cref="WannException"/> (one clear line), never anything else.
/// </summary>
public sealed class FuzzTests
{
    private const int Cases = 3000;

    private static string Mutate(string text, SeededRandom random)
    {
        var chars = text.ToCharArray().ToList();
        int edits = 1 + random.NextInt(4);
        const string alphabet = "{}[]\",:0123456789.-+eE naxtrufl\n";
        for (int i = 0; i < edits && chars.Count > 0; i++)
        {
            int at = random.NextInt(chars.Count);
            switch (random.NextInt(5))
            {
                case 0: chars.RemoveAt(at); break;
                case 1: chars.Insert(at, alphabet[random.NextInt(alphabet.Length)]); break;
                case 2: chars[at] = alphabet[random.NextInt(alphabet.Length)]; break;
                case 3: chars.RemoveRange(at, chars.Count - at); break; // truncation
                default:
                    int from = random.NextInt(chars.Count);
                    chars.InsertRange(at, chars.GetRange(from, Math.Min(8, chars.Count - from)));
                    break;
            }
        }
        return new string(chars.ToArray());
    }

    private static int RunFuzz(string seedText, Action<string> read, ulong seed)
    {
        var random = new SeededRandom(seed);
        int accepted = 0;
        for (int i = 0; i < Cases; i++)
        {
            string text = Mutate(seedText, random);
            try
            {
                read(text);
                accepted++;
            }
            catch (WannException e)
            {
                Assert.DoesNotContain('\n', e.Message);
            }
        }
        return accepted;
    }

    [Fact]
    public void MutatedConfigFiles_AreAcceptedOrRejectedCleanly()
    {
        string text = File.ReadAllText(TestPaths.Reference("default_wan.json"));
        int accepted = RunFuzz(text, t => HyperparameterLoader.Validate(HyperparameterLoader.ApplyJson(new Hyperparameters(), t, "fuzz.json"), "fuzz.json"), 1);
        Assert.InRange(accepted, 1, Cases - 1); // both outcomes were exercised
    }

    [Fact]
    public void MutatedJsonNetworks_AreAcceptedOrRejectedCleanly()
    {
        var genome = OutMatrixFormat.Parse(File.ReadAllText(TestPaths.Reference("swing.out")), new NetworkShape(5, 1), "swing.out");
        string text = NetworkJsonFormat.Format(new NetworkFile(genome, "swingup", new Provenance("fuzz", 1, 2.5, 3, "now")));
        int accepted = RunFuzz(text, t => NetworkJsonFormat.Parse(t, "fuzz.json"), 2);
        Assert.InRange(accepted, 1, Cases - 1);
    }

    [Fact]
    public void MutatedOutMatrices_AreAcceptedOrRejectedCleanly()
    {
        string text = File.ReadAllText(TestPaths.Reference("swing.out"));
        int accepted = RunFuzz(text, t => OutMatrixFormat.Parse(t, new NetworkShape(5, 1), "fuzz.out"), 3);
        Assert.InRange(accepted, 1, Cases - 1);
    }

    [Fact]
    public void MutatedCheckpoints_AreRejected()
    {
        // A checkpoint carries a checksum: every damaged copy must be refused, none read as if it were whole.
        var state = Search.WannSearch.NewRun(new Hyperparameters { PopulationSize = 4 }, TestTasks.SwingUp, 1);
        var bytes = CheckpointFormat.ToBytes(new Checkpoint(new Hyperparameters { PopulationSize = 4 }, 1, state));
        var random = new SeededRandom(4);
        for (int i = 0; i < Cases; i++)
        {
            var damaged = bytes.ToList();
            int at = random.NextInt(damaged.Count);
            switch (random.NextInt(3))
            {
                case 0: damaged[at] ^= (byte)(1 + random.NextInt(255)); break;
                case 1: damaged.RemoveRange(at, damaged.Count - at); break;
                default: damaged.Insert(at, (byte)random.NextInt(256)); break;
            }
            var e = Assert.Throws<WannException>(() => CheckpointFormat.Parse(damaged.ToArray(), "fuzz-checkpoint.bin"));
            Assert.DoesNotContain('\n', e.Message);
        }
    }

    [Fact]
    public void MutatedLegacyJsonCheckpoints_AreRejectedCleanly()
    {
        var state = Search.WannSearch.NewRun(new Hyperparameters { PopulationSize = 4 }, TestTasks.SwingUp, 1);
        string text = JsonCheckpointFormat.Format(new Checkpoint(new Hyperparameters { PopulationSize = 4 }, 1, state));
        int accepted = RunFuzz(text, t => JsonCheckpointFormat.Parse(t, "fuzz-checkpoint.json"), 4);
        Assert.True(accepted < Cases / 10, $"{accepted} damaged copies read");
    }
}
