using Wann.Engine.Lanes;
using Wann.Kernels.Reference;
using Wann.Kernels.Tasks;

namespace Wann.Kernels.Cpu;

/// <summary>
/// Runs a task one float lane at a time inside the SIMD rollout (SimdEvaluator's scalarPhysics option): the task
/// runs on each live lane with <see cref="FloatLane"/>, reading and writing its slots in place in the vectors
/// (<see cref="VectorLaneState"/>). The network forward pass stays vectorised.
/// Ended and padding lanes are skipped: nothing reads their state or observations again.
/// </summary>
internal sealed class LaneByLane
{
    private readonly int _stateSize, _width = VectorLane.Count;
    private readonly float[] _columns;
    private readonly float[] _alive;

    public LaneByLane(int stateSize, int columns)
    {
        _stateSize = stateSize;
        _columns = new float[Math.Max(1, columns) * _width];
        _alive = new float[_width];
    }

    public void Reset<TTask>(TTask task, RolloutScratch scratch, int block, EpisodeTable episodes, int laneBase) where TTask : struct, IRolloutTask
    {
        // The block's slots are zero (SimdRollout clears them).
        for (int i = 0; i < _width; i++)
        {
            var state = StateOf(scratch, block, i);
            task.Reset<FloatLane, VectorLaneState, ScalarEpisode>(ref state, EpisodeOf(scratch, block, i, episodes, laneBase));
        }
    }

    private VectorLaneState StateOf(RolloutScratch scratch, int block, int lane) => new(scratch.States, block * _stateSize, lane);

    /// <summary>Observation components [0, count) of every live lane of <paramref name="block"/>, as vectors into <paramref name="values"/>[(1 + k) x active + block].</summary>
    public void Observe<TTask>(TTask task, RolloutScratch scratch, int block, EpisodeTable episodes, int laneBase, int count, Span<VectorLane> values, int active)
        where TTask : struct, IRolloutTask
    {
        scratch.Alive[block].Store(_alive);
        Array.Clear(_columns);
        for (int i = 0; i < _width; i++)
        {
            if (_alive[i] == 0f) continue;
            var state = StateOf(scratch, block, i);
            var episode = EpisodeOf(scratch, block, i, episodes, laneBase);
            for (int k = 0; k < count; k++) _columns[k * _width + i] = task.Observation<FloatLane, VectorLaneState, ScalarEpisode>(ref state, episode, k).Value;
        }
        for (int k = 0; k < count; k++) values[(1 + k) * active + block] = VectorLane.Load(_columns.AsSpan(k * _width, _width));
    }

    /// <summary>One step of every live lane of <paramref name="block"/>; returns the rewards and sets <paramref name="done"/> (1 for ended and padding lanes).</summary>
    public VectorLane Step<TTask>(TTask task, RolloutScratch scratch, int block, EpisodeTable episodes, int laneBase, in TaskOutputs<VectorLane> outputs, int outputCount, out VectorLane done)
        where TTask : struct, IRolloutTask
    {
        scratch.Alive[block].Store(_alive);
        int count = Math.Min(outputCount, TaskOutputs<VectorLane>.Capacity);
        for (int o = 0; o < count; o++) outputs[o].Store(_columns.AsSpan(o * _width, _width));
        Span<float> reward = stackalloc float[_width], ended = stackalloc float[_width];
        for (int i = 0; i < _width; i++)
        {
            if (_alive[i] == 0f)
            {
                ended[i] = 1f;
                continue;
            }
            var laneOutputs = new TaskOutputs<FloatLane>();
            for (int o = 0; o < count; o++) laneOutputs.Set(o, new FloatLane(_columns[o * _width + i]));
            var state = StateOf(scratch, block, i);
            reward[i] = task.Step(ref state, EpisodeOf(scratch, block, i, episodes, laneBase), laneOutputs, out var laneDone).Value;
            ended[i] = laneDone.Value;
        }
        done = VectorLane.Load(ended);
        return VectorLane.Load(reward);
    }

    private ScalarEpisode EpisodeOf(RolloutScratch scratch, int block, int lane, EpisodeTable episodes, int laneBase) =>
        new(episodes, RolloutScratch.RepetitionAt(scratch.Origin, block * _width + lane, laneBase, episodes.Repetitions));
}
