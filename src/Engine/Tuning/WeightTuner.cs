using System.Diagnostics;
using Wann.Engine.Evaluation;
using Wann.Engine.Genomes;
using Wann.Engine.Tasks;

namespace Wann.Engine.Tuning;

/// <summary>
/// Trains every connection's weight of a network, as an offset from its tuned shared weight (WANNTool's
/// <c>weight_bias</c> plus the optimised parameters). A generation is one batch on the backend: each
/// candidate vector becomes a program with stored weights, evaluated at shared weight 1 on the same
/// episodes (common random numbers, keyed by the generation). Every <c>ValidateEvery</c> generations the
/// optimiser's centre is scored on a fixed set of validation episodes and kept if it beats the best so
/// far, as WANNTool's <c>train.py</c> keeps its best evaluated parameters. The result is scored on fresh
/// test episodes. Deterministic from the seed: all randomness is counter-based.
/// </summary>
public sealed class WeightTuner
{
    private readonly TaskSpec _task;
    private readonly IEvaluator _evaluator;
    private readonly WeightTuningSettings _settings;
    private readonly ulong _seed;

    public WeightTuner(Genome genome, TaskSpec task, IEvaluator evaluator, WeightTuningSettings settings, ulong seed)
    {
        _task = task;
        _evaluator = evaluator;
        _settings = settings.Validated();
        _seed = seed;
        Connections = new TunableConnections(genome);
        if (Connections.Count == 0) throw new WannException("the network has no enabled connections to tune");
    }

    public TunableConnections Connections { get; }
    public WeightTuningSettings Settings => _settings;

    /// <summary>A new run from the tuned shared weight: offsets zero, validated as the first best.</summary>
    public TuningState Start(float sharedWeight)
    {
        var optimizer = Optimizers.Create(_settings.Optimizer, Connections.Count, _settings.Population, _settings.SigmaInit,
            RandomStreams.Seed(_seed, RandomStreams.Optimizer), "--optimizer");
        var zero = new double[Connections.Count];
        return new TuningState(sharedWeight, optimizer, zero, Validate(sharedWeight, zero), -1);
    }

    /// <summary>Asks, evaluates the whole generation as one batch, tells; validates the centre when due.</summary>
    public TuningReport Step(TuningState state)
    {
        var clock = Stopwatch.StartNew();
        var optimizer = state.Optimizer;
        long generation = optimizer.Generation;
        var candidates = optimizer.Ask();
        var batch = Connections.Batch(candidates.Select(c => (IReadOnlyList<double>)TunableConnections.FromOffsets(state.SharedWeight, c)).ToList());
        var evaluateClock = Stopwatch.StartNew();
        var table = _evaluator.Evaluate(batch, new EvaluationRequest(_task, new[] { 1f }, _settings.Episodes,
            RandomStreams.Seed(_seed, RandomStreams.TuningEpisodes), generation));
        double evaluateSeconds = evaluateClock.Elapsed.TotalSeconds;
        var fitness = Enumerable.Range(0, candidates.Length).Select(table.Fitness).ToArray();
        optimizer.Tell(fitness);

        double? validation = null;
        bool newBest = false;
        long steps = table.StepCount;
        if (optimizer.Generation % _settings.ValidateEvery == 0)
        {
            var centre = optimizer.Mean;
            validation = Validate(state.SharedWeight, centre);
            if (validation > state.BestScore)
            {
                state.Best = centre;
                state.BestScore = validation.Value;
                state.BestGeneration = optimizer.Generation;
                newBest = true;
            }
        }
        var finite = fitness.Where(double.IsFinite).ToArray();
        return new TuningReport(generation, finite.Length > 0 ? finite.Average() : double.NegativeInfinity, finite.Length > 0 ? finite.Max() : double.NegativeInfinity,
            validation, newBest, state.BestScore, optimizer.Spread, steps, evaluateSeconds, clock.Elapsed.TotalSeconds);
    }

    /// <summary>
    /// The run's result: the best validated offsets, or the optimiser's last centre when the run did not end
    /// on a validation generation and that centre validates better. The state is left as it is, so a
    /// finished run extended with more generations goes on exactly like a longer run.
    /// </summary>
    public (double[] Offsets, double Score, long Generation) Result(TuningState state)
    {
        if (state.Generation % _settings.ValidateEvery == 0 || state.Generation == 0) return (state.Best, state.BestScore, state.BestGeneration);
        var centre = state.Optimizer.Mean;
        double score = Validate(state.SharedWeight, centre);
        return score > state.BestScore ? (centre, score, state.Generation) : (state.Best, state.BestScore, state.BestGeneration);
    }

    /// <summary>The stored weights of the offsets: shared weight plus offset per connection.</summary>
    public double[] Weights(TuningState state, double[] offsets) => TunableConnections.FromOffsets(state.SharedWeight, offsets);

    /// <summary>Rewards of stored weights on <paramref name="episodes"/> episodes of a stream (one value per episode).</summary>
    public double[] Rewards(double[] weights, int episodes, ulong stream, long generation = 0)
    {
        var batch = Connections.Batch(new[] { (IReadOnlyList<double>)weights });
        var table = _evaluator.Evaluate(batch, new EvaluationRequest(_task, new[] { 1f }, episodes, RandomStreams.Seed(_seed, stream), generation));
        return Enumerable.Range(0, episodes).Select(r => (double)table.Reward(0, 0, r)).ToArray();
    }

    /// <summary>The final score: the weights on fresh test episodes that no choice was made on.</summary>
    public TrialSummary Test(double[] weights) => TrialSummary.Of(Rewards(weights, _settings.TestEpisodes, RandomStreams.Test));

    private double Validate(float sharedWeight, double[] offsets)
    {
        var rewards = Rewards(TunableConnections.FromOffsets(sharedWeight, offsets), _settings.ValidationEpisodes, RandomStreams.Validation);
        double mean = rewards.Average();
        return double.IsFinite(mean) ? mean : double.NegativeInfinity;
    }
}
