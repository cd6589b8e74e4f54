using Wann.Engine.Evaluation;
using Wann.Engine.Genomes;
using Wann.Engine.Programs;
using Wann.Engine.Search;
using Wann.Host.Cluster;
using Wann.Kernels.Cpu;
using Wann.Kernels.Tasks;

namespace Wann.Host.Tests;

/// <summary>Shards are data only: a valid one evaluates to the rows of the whole batch; anything else is refused, never evaluated.</summary>
public sealed class ShardValidatorTests
{
    private static readonly ProgramBatch Batch = ProgramBatch.Compile(
        SyntheticPopulation.Grow(new NetworkShape(5, 1), 12, 10, 3, Enumerable.Range(1, 11).Select(i => (Engine.Activations.ActivationFunction)i).ToArray()),
        WeightMode.Shared);

    private static readonly EvaluationRequest Request = new(CartPoleSwingUp.Spec with { EpisodeLength = 40 }, new[] { -1f, 1f }, 2, 8, 5);

    [Fact]
    public void ValidShard_EvaluatesToTheBatchsRows()
    {
        var whole = new SimdEvaluator(1).Evaluate(Batch, Request);
        var (batch, request) = ShardValidator.Check(ShardValidator.From(Batch, 4, 5, Request));
        Assert.Equal(40, request.Task.EpisodeLength);
        var part = new SimdEvaluator(1).Evaluate(batch, request);
        Assert.Equal(whole.Rewards.AsSpan(4 * 4, 5 * 4).ToArray(), part.Rewards);
    }

    public static TheoryData<string, Func<ShardRequest, ShardRequest>> Broken => new()
    {
        { "protocol version 2, this worker speaks 1", s => s with { ProtocolVersion = 2 } },
        { "task 'rm -rf' is not a rollout task", s => s with { Task = "rm -rf" } },
        { "task 'digits' is not a rollout task", s => s with { Task = "digits" } },
        { "do not fit task swingup", s => s with { InputCount = 4 } },
        { "episode length 0", s => s with { EpisodeLength = 0 } },
        { "weights: expected at least one, all finite", s => s with { Weights = new[] { float.NaN } } },
        { "repetitions 0", s => s with { Repetitions = 0 } },
        { "no programs", s => s with { InstructionStart = new[] { 0 } } },
        { "unknown activation 99", s => s with { Activation = s.Activation.Select((a, i) => i == 0 ? 99 : a).ToArray() } },
        { "reads slot", s => s with { EdgeSource = s.EdgeSource.Select((e, i) => i == 0 ? 1000 : e).ToArray() } },
        { "edge range of instruction", s => s with { FirstEdge = s.FirstEdge.Select((e, i) => i == 0 ? e + 1 : e).ToArray() } },
        { "output 0 reads slot", s => s with { OutputSlot = s.OutputSlot.Select(_ => -1).ToArray() } },
        { "edge source and edge scale arrays differ", s => s with { EdgeScale = Array.Empty<float>() } },
        { "output slot array has the wrong length", s => s with { OutputSlot = Array.Empty<int>() } },
        { "instruction offsets do not span", s => s with { InstructionStart = s.InstructionStart.Select((x, i) => i == s.InstructionStart.Length - 1 ? x + 1 : x).ToArray() } },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void BrokenShard_IsRefusedWithOneClearLine(string expected, Func<ShardRequest, ShardRequest> breakIt)
    {
        var shard = breakIt(ShardValidator.From(Batch, 0, 6, Request));
        var error = Assert.Throws<ShardRefusedException>(() => ShardValidator.Check(shard));
        Assert.StartsWith("shard refused: ", error.Message);
        Assert.Contains(expected, error.Message);
    }
}
