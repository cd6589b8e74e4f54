using System.Diagnostics;
using System.Runtime.ExceptionServices;
using Wann.Engine.Programs;

namespace Wann.Engine.Evaluation;

/// <summary>
/// Several evaluators (devices) as one: each batch is cut into contiguous genome ranges sized by each
/// member's speed in the previous evaluation (lanes per second; an equal split at first), the ranges run
/// in parallel, and their rows are gathered in order. Evaluation is a pure function of (program, seed,
/// generation, lane), so the table is identical to one member's. Forward passes are split the same way.
/// </summary>
public sealed class ShardedEvaluator : IBackend
{
    // A shard smaller than this (a best network's re-evaluation, say) says little about a device's speed
    // in a generation: launch and copy overheads dominate it, so it leaves the speeds as they were.
    private const int MinGenomesToMeasure = 32;

    private readonly IReadOnlyList<IBackend> _members;
    private readonly double[] _speeds;

    /// <param name="members">The evaluators to split across; disposed with this one.</param>
    /// <param name="speeds">Relative speeds to split the first batch by (default: equal); measured speeds replace them.</param>
    public ShardedEvaluator(IReadOnlyList<IBackend> members, IReadOnlyList<double>? speeds = null)
    {
        if (members.Count == 0) throw new ArgumentException("a sharded evaluator needs at least one member", nameof(members));
        if (speeds is not null && speeds.Count != members.Count) throw new ArgumentException("one speed per member", nameof(speeds));
        _members = members;
        _speeds = speeds?.ToArray() ?? new double[members.Count];
    }

    public IReadOnlyList<IBackend> Members => _members;

    /// <summary>Each member's last measured speed in lanes per second (0 before it has run).</summary>
    public IReadOnlyList<double> Speeds => _speeds;

    /// <summary>The genome counts the last evaluation or forward pass gave each member.</summary>
    public IReadOnlyList<int> LastSplit { get; private set; } = Array.Empty<int>();

    public string Name => string.Join(",", _members.Select(m => m.Name));
    public string Device => string.Join("; ", _members.Select(m => m.Device));

    /// <summary>Kernel compile time of all members together.</summary>
    public double KernelCompileSeconds => _members.Sum(m => m.KernelCompileSeconds);

    public FitnessTable Evaluate(ProgramBatch batch, EvaluationRequest request)
    {
        var table = new FitnessTable(batch.ProgramCount, request.Weights.Length, request.Repetitions);
        int lanes = request.LanesPerGenome;
        long steps = 0;
        Run(batch, lanes, (member, shard, first) =>
        {
            var part = member.Evaluate(shard, request);
            Array.Copy(part.Rewards, 0, table.Rewards, (long)first * lanes, part.Rewards.Length);
            Interlocked.Add(ref steps, part.StepCount);
        });
        table.StepCount = steps;
        return table;
    }

    public float[] Forward(ProgramBatch batch, float[] weights, float[] inputs)
    {
        int vectors = inputs.Length / batch.InputCount;
        long perGenome = (long)weights.Length * vectors * batch.OutputCount;
        var outputs = new float[batch.ProgramCount * perGenome];
        Run(batch, weights.Length * vectors, (member, shard, first) =>
        {
            var part = member.Forward(shard, weights, inputs);
            Array.Copy(part, 0, outputs, first * perGenome, part.Length);
        });
        return outputs;
    }

    public ClassScores Classify(ProgramBatch batch, float[] weights, float[] inputs, int[] labels)
    {
        var meanLoss = new float[batch.ProgramCount * weights.Length];
        var correct = new int[meanLoss.Length];
        Run(batch, weights.Length * labels.Length, (member, shard, first) =>
        {
            var part = member.Classify(shard, weights, inputs, labels);
            part.MeanLoss.CopyTo(meanLoss, first * weights.Length);
            part.Correct.CopyTo(correct, first * weights.Length);
        });
        return new ClassScores(meanLoss, correct, labels.Length);
    }

    /// <summary>Runs each member's range on its own thread, records its speed, and rethrows the first failure as it was thrown.</summary>
    private void Run(ProgramBatch batch, int lanesPerGenome, Action<IBackend, ProgramBatch, int> evaluate)
    {
        int[] counts = ShardSplit.Counts(batch.ProgramCount, EffectiveSpeeds());
        LastSplit = counts;
        var work = new List<Task>();
        int first = 0;
        for (int m = 0; m < _members.Count; m++)
        {
            if (counts[m] == 0) continue;
            int member = m, start = first, count = counts[m];
            work.Add(Task.Factory.StartNew(() =>
            {
                var clock = Stopwatch.StartNew();
                evaluate(_members[member], batch.Slice(start, count), start);
                double seconds = clock.Elapsed.TotalSeconds;
                if (seconds > 0 && count >= MinGenomesToMeasure) _speeds[member] = (double)count * lanesPerGenome / seconds;
            }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default));
            first += count;
        }
        try
        {
            Task.WaitAll(work.ToArray());
        }
        catch (AggregateException e)
        {
            ExceptionDispatchInfo.Capture(e.Flatten().InnerExceptions[0]).Throw();
        }
    }

    /// <summary>The measured speeds, a member not yet measured counted at the mean of those that were.</summary>
    private double[] EffectiveSpeeds()
    {
        var measured = _speeds.Where(s => s > 0).ToArray();
        double fallback = measured.Length > 0 ? measured.Average() : 1;
        return _speeds.Select(s => s > 0 ? s : fallback).ToArray();
    }

    public void Dispose()
    {
        foreach (var member in _members) member.Dispose();
    }
}
