using System.Security.Cryptography;
using Wann.Engine.Evaluation;
using Wann.Engine.Programs;
using Wann.Engine.Randomness;

namespace Wann.Host.Cluster;

/// <summary>
/// The host's checks of a worker's answer before its rows enter the table. Every reward must be one the
/// task can give (<see cref="Wann.Engine.Tasks.TaskSpec.Rewards"/>; non-finite rewards, which count as the
/// worst fitness, are allowed) and the step count one the shard can take. Then a sample of the shard's
/// lanes is evaluated again on the host itself: evaluation is a pure function of program, seed,
/// generation and lane, the same bits on every backend, so a single differing bit means the worker's
/// answers are wrong. The sample (<see cref="SamplesPerShard"/> pairs of a genome and a weight, all their
/// repetitions) is drawn from a key the host never sends, so a worker cannot know which lanes are checked.
/// </summary>
public sealed class ShardAnswerCheck(IEvaluator host)
{
    /// <summary>Genome-and-weight pairs re-evaluated per shard: a few lanes, a small cost next to the shard's thousands.</summary>
    public const int SamplesPerShard = 2;

    private readonly ulong _secret = BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8));

    /// <summary>Null when the answer passes, else what is wrong with it.</summary>
    public string? Problem(ProgramBatch batch, EvaluationRequest request, ShardRequest shard, ShardResult answer)
    {
        int lanes = request.LanesPerGenome, reps = request.Repetitions;
        var layout = request.Lanes;
        if (request.Task.Rewards is { } range)
        {
            var (min, max) = range.EpisodeTotal(request.Task.EpisodeLength);
            for (int i = 0; i < answer.Rewards.Length; i++)
            {
                float reward = answer.Rewards[i];
                if (float.IsFinite(reward) && (reward < min || reward > max))
                    return $"reward {reward} of genome {shard.FirstGenome + i / lanes} (weight {request.Weights[layout.WeightOf(i % lanes)]}, repetition {layout.RepetitionOf(i % lanes)}) " +
                           $"is outside what task {request.Task.Name} can give ({min:G6}..{max:G6})";
            }
        }
        long maxSteps = (long)answer.Rewards.Length * request.Task.EpisodeLength;
        if (answer.StepCount < answer.Rewards.Length || answer.StepCount > maxSteps)
            return $"{answer.StepCount} steps for {answer.Rewards.Length} lanes of at most {request.Task.EpisodeLength} steps";

        var random = new SeededRandom(_secret ^ (ulong)request.Generation * 0x9E3779B97F4A7C15UL ^ (ulong)shard.FirstGenome * 0xC2B2AE3D27D4EB4FUL ^ request.Seed);
        for (int s = 0; s < SamplesPerShard; s++)
        {
            int genome = random.NextInt(shard.GenomeCount), weight = random.NextInt(request.Weights.Length);
            // One weight's lanes of one genome: a request of that weight alone gives those lanes' exact bits.
            var mine = host.Evaluate(batch.Slice(shard.FirstGenome + genome, 1), request with { Weights = new[] { request.Weights[weight] } }).Rewards;
            for (int r = 0; r < reps; r++)
            {
                float theirs = answer.Rewards[genome * lanes + layout.LaneOf(weight, r)];
                bool same = BitConverter.SingleToInt32Bits(theirs) == BitConverter.SingleToInt32Bits(mine[r]) || (float.IsNaN(theirs) && float.IsNaN(mine[r]));
                if (!same)
                    return $"its reward for genome {shard.FirstGenome + genome} at weight {request.Weights[weight]}, repetition {r} is {theirs:R}; the host's own evaluation gives {mine[r]:R}";
            }
        }
        return null;
    }
}
