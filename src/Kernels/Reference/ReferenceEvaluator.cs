using Wann.Engine.Evaluation;
using Wann.Engine.Lanes;
using Wann.Engine.Programs;
using Wann.Kernels.Tasks;

namespace Wann.Kernels.Reference;

/// <summary>
/// The scalar reference path: one lane at a time through the reference interpreter and the task's
/// scalar step. Simple on purpose; the fast backends are tested against it and benchmarked next to it.
/// </summary>
public sealed class ReferenceEvaluator : IBackend
{
    private readonly int _threads;

    /// <param name="threads">Genomes evaluated at once (1 = single core).</param>
    public ReferenceEvaluator(int threads = 1) => _threads = Math.Max(1, threads);

    public string Name => "reference";
    public string Device => _threads == 1 ? "scalar reference, 1 thread" : $"scalar reference, {_threads} threads";

    public FitnessTable Evaluate(ProgramBatch batch, EvaluationRequest request) =>
        TaskRegistry.Dispatch(request.Task, new Run(batch, request, _threads));

    public double KernelCompileSeconds => 0;

    public void Dispose() { }

    public float[] Forward(ProgramBatch batch, float[] weights, float[] inputs)
    {
        int nIn = batch.InputCount, nOut = batch.OutputCount, vectors = inputs.Length / nIn;
        var outputs = new float[batch.ProgramCount * weights.Length * vectors * nOut];
        Parallel.For(0, batch.ProgramCount, new ParallelOptions { MaxDegreeOfParallelism = _threads }, g =>
        {
            var program = batch.ProgramAt(g);
            var values = new float[program.NodeCount];
            for (int w = 0; w < weights.Length; w++)
                for (int v = 0; v < vectors; v++)
                    ReferenceInterpreter.Evaluate(program, inputs.AsSpan(v * nIn, nIn), weights[w], values,
                        outputs.AsSpan(((g * weights.Length + w) * vectors + v) * nOut, nOut));
        });
        return outputs;
    }

    private sealed class Run(ProgramBatch batch, EvaluationRequest request, int threads) : IRolloutTaskVisitor<FitnessTable>
    {
        public FitnessTable Visit<TTask>(TTask task) where TTask : struct, IRolloutTask
        {
            var episodes = EpisodeTable.Compute(task, request);
            int weights = request.Weights.Length, reps = request.Repetitions;
            var table = new FitnessTable(batch.ProgramCount, weights, reps);
            var steps = new long[batch.ProgramCount];
            var progress = request.Progress;
            var options = new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = progress?.Cancellation ?? default };
            Parallel.For(0, batch.ProgramCount, options, g =>
            {
                var program = batch.ProgramAt(g);
                for (int w = 0; w < weights; w++)
                    for (int r = 0; r < reps; r++)
                    {
                        var (reward, taken) = Episode(task, program, request.Weights[w], episodes, r, request.Task.EpisodeLength);
                        table.Rewards[table.Lanes.IndexOf(g, w, r)] = reward;
                        steps[g] += taken;
                    }
                progress?.Finish(weights * reps);
            });
            table.StepCount = steps.Sum();
            return table;
        }
    }

    /// <summary>One episode of one lane: total reward and the number of steps it lasted.</summary>
    /// <param name="slots">Where to keep the lane's state (it is left there at the end: diagnostics read it); a fresh array when null.</param>
    public static (float Reward, int Steps) Episode<TTask>(TTask task, NetworkProgram program, float weight, EpisodeTable episodes, int repetition, int episodeLength,
        float[]? slots = null)
        where TTask : struct, IRolloutTask
    {
        var episode = new ScalarEpisode(episodes, repetition);
        var state = new ScalarState(slots ?? new float[task.StateSize]);
        task.Reset<FloatLane, ScalarState, ScalarEpisode>(ref state, episode);

        var io = new ArrayNetworkValues(new float[program.InputCount], new float[program.OutputCount]);
        var values = new float[program.NodeCount];
        var tally = EpisodeTally<FloatLane>.Start(FloatLane.True);
        for (int t = 0; t < episodeLength && FloatLane.Any(tally.Alive); t++)
        {
            EpisodeProtocol.Observe<TTask, FloatLane, ScalarState, ScalarEpisode, ArrayNetworkValues>(task, ref state, episode, program.InputCount, ref io);
            ReferenceInterpreter.Evaluate(program, io.Inputs, weight, values, io.Outputs);
            EpisodeProtocol.Step<TTask, FloatLane, ScalarState, ScalarEpisode, ArrayNetworkValues>(task, ref state, episode, io, program.OutputCount, ref tally);
        }
        return (tally.Reward.Value, (int)tally.Steps.Value);
    }
}
