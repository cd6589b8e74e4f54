using Wann.Engine.Evaluation;
using Wann.Engine.Genomes;
using Wann.Engine.Programs;
using Wann.Engine.Search;
using Wann.Host.Cluster;
using Wann.Kernels.Cpu;
using Wann.Kernels.Tasks;

namespace Wann.Host.Tests;

/// <summary>
/// Shards are data only: a valid one evaluates to the rows of the whole batch; anything else is refused,
/// never evaluated. (The programs' own invariants are the format's: ProgramBatchFormatTests.)
/// </summary>
public sealed class ShardValidatorTests
{
    private static readonly ProgramBatch Batch = ProgramBatch.Compile(
        SyntheticPopulation.Grow(new NetworkShape(5, 1), 12, 10, 3, Enumerable.Range(1, 11).Select(i => (Engine.Activations.ActivationFunction)i).ToArray()),
        WeightMode.Shared);

    private static readonly EvaluationRequest Request = new(CartPoleSwingUp.Spec with { EpisodeLength = 40 }, new[] { -1f, 1f }, 2, 8, 5);

    private static readonly WorkerBackend Worker = new(new SimdEvaluator(1)) { MemoryBytes = 1L << 30 };

    private static ShardRequest Shard(int first = 0, int count = 6) => ShardValidator.From(Batch, first, count, Request, TimeSpan.FromSeconds(30));

    [Fact]
    public void ValidShard_EvaluatesToTheBatchsRows()
    {
        var whole = new SimdEvaluator(1).Evaluate(Batch, Request);
        var (batch, request) = ShardValidator.Check(Shard(4, 5), Worker);
        Assert.Equal(40, request.Task.EpisodeLength);
        var part = new SimdEvaluator(1).Evaluate(batch, request);
        Assert.Equal(whole.Rewards.AsSpan(4 * 4, 5 * 4).ToArray(), part.Rewards);
    }

    public static TheoryData<string, Func<ShardRequest, ShardRequest>> Broken => new()
    {
        { $"protocol version {ClusterProtocol.Version + 1}, this worker speaks {ClusterProtocol.Version}", s => s with { ProtocolVersion = ClusterProtocol.Version + 1 } },
        { "build 0000000000000000, this worker is build", s => s with { Fingerprint = "0000000000000000" } },
        { "task 'rm -rf' is not a rollout task", s => s with { Task = "rm -rf" } },
        { "task 'digits' is not a rollout task", s => s with { Task = "digits" } },
        { "do not fit task cartpole", s => s with { Task = "cartpole" } },
        { "episode length 0", s => s with { EpisodeLength = 0 } },
        { "weights: expected at least one, all finite", s => s with { Weights = new[] { float.NaN } } },
        { "repetitions 0", s => s with { Repetitions = 0 } },
        { "0 genomes", s => s with { GenomeCount = 0 } },
        { "6 programs, the shard says 7", s => s with { GenomeCount = 7 } },
        { "timeout 0 s", s => s with { TimeoutSeconds = 0 } },
        { "more than one shard may hold", s => s with { Repetitions = 1 << 29 } },
        // 2^26 lanes of 64 bytes: 4 GiB, more than half this worker's 1 GiB.
        { "lanes would need about 4.0 GiB, more than half of this worker's 1.0 GiB", s => s with { Repetitions = 1 << 25, GenomeCount = 1 } },
        { "not a program batch", s => s with { Programs = new byte[] { 1, 2, 3 } } },
        { "unknown activation 99", s => s with { Programs = ProgramsWithActivation(99) } },
    };

    // The shard's programs with instruction 0's activation replaced.
    private static byte[] ProgramsWithActivation(int activation)
    {
        var slice = Batch.Slice(0, 6);
        var broken = new ProgramBatch
        {
            InputCount = slice.InputCount, OutputCount = slice.OutputCount, InstructionStart = slice.InstructionStart,
            Activation = slice.Activation.Select((a, i) => i == 0 ? activation : a).ToArray(), FirstEdge = slice.FirstEdge, EdgeCount = slice.EdgeCount,
            EdgeSource = slice.EdgeSource, EdgeScale = slice.EdgeScale, OutputSlot = slice.OutputSlot, MaxNodeCount = slice.MaxNodeCount,
        };
        return ProgramBatchFormat.ToBytes(broken);
    }

    [Theory]
    [MemberData(nameof(Broken))]
    public void BrokenShard_IsRefusedWithOneClearLine(string expected, Func<ShardRequest, ShardRequest> breakIt)
    {
        var error = Assert.Throws<ShardRefusedException>(() => ShardValidator.Check(breakIt(Shard()), Worker));
        Assert.StartsWith("shard refused: ", error.Message);
        Assert.Contains(expected, error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }
}
