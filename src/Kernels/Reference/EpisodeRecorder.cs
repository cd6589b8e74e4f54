using Wann.Engine.Evaluation;
using Wann.Engine.Lanes;
using Wann.Engine.Programs;
using Wann.Engine.Tasks;
using Wann.Kernels.Tasks;

namespace Wann.Kernels.Reference;

/// <summary>
/// One episode step by step on the reference path: what the network saw, what it answered and the reward,
/// for viewing and export. It runs the same code as <see cref="ReferenceEvaluator.Episode{TTask}"/>, so its
/// total equals the reward <c>wann eval --backend reference</c> gives the same (seed, repetition).
/// </summary>
public static class EpisodeRecorder
{
    /// <summary>Runs repetition <paramref name="repetition"/> of generation 0 with start states keyed by <paramref name="seed"/>.</summary>
    /// <param name="keepStateEvery">Keep the task's state slots at every this many steps and at the end (for pictures); 0 keeps none.</param>
    public static EpisodeTrace Record(TaskSpec task, NetworkProgram program, float weight, ulong seed, int repetition = 0, int keepStateEvery = 0) =>
        TaskRegistry.Dispatch(task, new Recorder(task, program, weight, seed, repetition, keepStateEvery));

    private sealed class Recorder(TaskSpec spec, NetworkProgram program, float weight, ulong seed, int repetition, int keepStateEvery) : IRolloutTaskVisitor<EpisodeTrace>
    {
        public EpisodeTrace Visit<TTask>(TTask task) where TTask : struct, IRolloutTask
        {
            var request = new EvaluationRequest(spec, new[] { weight }, repetition + 1, seed, Generation: 0);
            var table = EpisodeTable.Compute(task, request);
            var episode = new ScalarEpisode(table, repetition);
            var slots = new float[task.StateSize];
            var state = new ScalarState(slots);
            task.Reset<FloatLane, ScalarState, ScalarEpisode>(ref state, episode);
            var states = new Dictionary<int, float[]>();

            var observations = new List<float[]>();
            var outputs = new List<float[]>();
            var rewards = new List<float>();
            var values = new float[program.NodeCount];
            var tally = EpisodeTally<FloatLane>.Start(FloatLane.True);
            for (int t = 0; t < spec.EpisodeLength && FloatLane.Any(tally.Alive); t++)
            {
                if (keepStateEvery > 0 && t % keepStateEvery == 0) states[t] = (float[])slots.Clone();
                var io = new ArrayNetworkValues(new float[program.InputCount], new float[program.OutputCount]);
                EpisodeProtocol.Observe<TTask, FloatLane, ScalarState, ScalarEpisode, ArrayNetworkValues>(task, ref state, episode, program.InputCount, ref io);
                ReferenceInterpreter.Evaluate(program, io.Inputs, weight, values, io.Outputs);
                rewards.Add(EpisodeProtocol.Step<TTask, FloatLane, ScalarState, ScalarEpisode, ArrayNetworkValues>(task, ref state, episode, io, program.OutputCount, ref tally).Value);
                observations.Add(io.Inputs);
                outputs.Add(io.Outputs);
            }
            if (keepStateEvery > 0) states[rewards.Count] = (float[])slots.Clone();
            var last = new ArrayNetworkValues(new float[program.InputCount], Array.Empty<float>());
            EpisodeProtocol.Observe<TTask, FloatLane, ScalarState, ScalarEpisode, ArrayNetworkValues>(task, ref state, episode, program.InputCount, ref last);
            var data = table.Values.AsSpan(repetition * table.Size, table.Size).ToArray();
            return new EpisodeTrace(observations, outputs, rewards, last.Inputs, EndedEarly: !FloatLane.Any(tally.Alive))
            {
                States = states,
                Episode = data,
            };
        }
    }
}

/// <summary>
/// A recorded episode: at step t the network saw <see cref="Observations"/>[t], answered <see cref="Outputs"/>[t]
/// and the step paid <see cref="Rewards"/>[t]; <see cref="FinalObservation"/> is the state after the last step.
/// </summary>
public sealed record EpisodeTrace(IReadOnlyList<float[]> Observations, IReadOnlyList<float[]> Outputs, IReadOnlyList<float> Rewards,
    float[] FinalObservation, bool EndedEarly)
{
    public int Steps => Rewards.Count;

    /// <summary>The task's state slots before the steps that were kept (and at <see cref="Steps"/>, the end), by step; empty unless asked for.</summary>
    public IReadOnlyDictionary<int, float[]> States { get; init; } = new Dictionary<int, float[]>();

    /// <summary>The episode's data (start values, terrain) as the task wrote it.</summary>
    public float[] Episode { get; init; } = [];

    /// <summary>Sum of the rewards in step order, in float as every backend adds them.</summary>
    public float TotalReward
    {
        get
        {
            float total = 0f;
            foreach (float r in Rewards) total += r;
            return total;
        }
    }
}
