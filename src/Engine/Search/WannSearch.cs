using System.Diagnostics;
using MathNet.Numerics.Statistics;
using Wann.Engine.Config;
using Wann.Engine.Evaluation;
using Wann.Engine.Genomes;
using Wann.Engine.Programs;
using Wann.Engine.Randomness;
using Wann.Engine.Tasks;

namespace Wann.Engine.Search;

/// <summary>
/// The WANN generation loop: compile, evaluate every lane on a backend, rank (NSGA-II), keep the best,
/// breed. All randomness comes from the state's seeded generator, so a seed reproduces a run.
/// </summary>
public sealed class WannSearch
{
    private readonly Hyperparameters _settings;
    private readonly TaskSpec _task;
    private readonly IEvaluator _evaluator;
    private readonly Breeder _breeder;
    private readonly float[] _weights;

    public WannSearch(Hyperparameters settings, TaskSpec task, IEvaluator evaluator)
    {
        _settings = settings;
        _task = task;
        _evaluator = evaluator;
        _weights = settings.SharedWeights();
        var mutator = new Mutator(task.HiddenActivations, settings.ProbAddConnection, settings.ProbAddNode, settings.ProbEnable, settings.ProbMutateActivation);
        _breeder = new Breeder(mutator, settings.CullRatio, settings.EliteRatio, settings.TournamentSize);
    }

    public static SearchState NewRun(Hyperparameters settings, TaskSpec task, ulong seed)
    {
        var random = new SeededRandom(seed);
        var (population, counter) = InitialPopulation.Create(task.Shape, settings.PopulationSize, settings.ProbInitialEnable, random, settings.Expression);
        return new SearchState(0, population, counter, random, null);
    }

    /// <summary>Runs one generation on <paramref name="state"/>, leaving it at the next generation.</summary>
    /// <param name="progress">Counts the generation's episodes as they finish; its cancellation stops the generation
    /// between chunks of episodes with <see cref="OperationCanceledException"/>, leaving <paramref name="state"/> part-way
    /// (continue from a <see cref="Formats.Checkpoint.Snapshot"/> taken before the step).</param>
    public GenerationReport Step(SearchState state, EvaluationProgress? progress = null)
    {
        var clock = Stopwatch.StartNew();
        var population = state.Population;
        var compiled = PopulationCompiler.CompileTracked(population, WeightMode.Shared, state.Lineage);
        state.Lineage = null; // the parents' batch is not needed any more
        var batch = compiled.Batch;
        double compileSeconds = clock.Elapsed.TotalSeconds;

        clock.Restart();
        ulong episodeSeed = state.Random.NextUInt64();
        var table = Evaluate(batch, new EvaluationRequest(_task, _weights, _settings.Repetitions, episodeSeed, state.Generation), progress);
        double evaluateSeconds = clock.Elapsed.TotalSeconds;

        clock.Restart();
        int n = population.Count;
        var fitness = new double[n];
        var fitMax = new double[n];
        var connections = new double[n];
        Parallel.For(0, n, new ParallelOptions { MaxDegreeOfParallelism = n < 4096 ? 1 : -1 }, g =>
        {
            fitness[g] = table.Fitness(g);
            fitMax[g] = table.FitMax(g);
            connections[g] = population[g].ExpressedConnectionCount;
        });

        // The original draws probMoo < rand to pick (fitness, fitMax), so probMoo is the chance of (fitness, 1/nConn).
        bool moo = state.Random.NextDouble() < _settings.ProbMoo;
        var objectives = new double[2 * n];
        for (int g = 0; g < n; g++)
            (objectives[2 * g], objectives[2 * g + 1]) = (fitness[g], moo ? 1.0 / Math.Max(1.0, connections[g]) : fitMax[g]);
        var ranks = NsgaRanking.Rank(objectives, 2);
        int elite = ArgMax(fitness);
        double rankSeconds = clock.Elapsed.TotalSeconds;

        // Re-evaluating a best candidate is evaluation work, not host work: time it apart.
        clock.Restart();
        // Confirmed every save_mod generations and in the run's last, so the best network never ends older than the run.
        bool confirm = state.Generation % _settings.SaveEvery == 0 || state.Generation == _settings.MaxGenerations - 1;
        bool newBest = confirm && ConfirmBest(state, population[elite], fitness[elite], progress);
        evaluateSeconds += clock.Elapsed.TotalSeconds;

        clock.Restart();
        state.Population = _breeder.NextGeneration(population, ranks, state.Random, state.Counter, out var parentOf);
        state.Lineage = new Lineage(compiled, parentOf);
        double breedSeconds = clock.Elapsed.TotalSeconds;

        long lanes = (long)n * table.LanesPerGenome;
        var report = new GenerationReport(
            Generation: state.Generation,
            BestFitness: fitness[elite],
            MedianFitness: fitness.Median(),
            TopRankedFitness: fitness[ranks.AsSpan().IndexOf(0)],
            BestFitMax: fitMax.Max(),
            MedianNodes: population.Select(p => (double)p.Nodes.Count).Median(),
            MedianConnections: connections.Median(),
            EvaluatedLanes: lanes,
            EnvironmentSteps: table.StepCount,
            NonFiniteLanes: table.NonFiniteCount(),
            MooObjective: moo,
            RunBestFitness: state.Best?.Fitness,
            NewBest: newBest,
            EvaluateSeconds: evaluateSeconds,
            RankBreedSeconds: rankSeconds + breedSeconds,
            CompileSeconds: compileSeconds);
        state.Generation++;
        return report;
    }

    /// <summary>
    /// If the generation's elite looks better than the run's best, re-evaluate it bestReps times on fresh
    /// seeds and keep it only if that mean beats the best's.
    /// </summary>
    private bool ConfirmBest(SearchState state, Genome candidate, double lookedLike, EvaluationProgress? progress)
    {
        if (state.Best is { } best && lookedLike <= best.Fitness) return false;
        var batch = ProgramBatch.CompileOne(candidate, WeightMode.Shared);
        ulong seed = state.Random.NextUInt64();
        var request = new EvaluationRequest(_task, _weights, _settings.Repetitions * _settings.BestRepetitions, seed, state.Generation);
        double confirmed = Evaluate(batch, request, progress).Fitness(0);
        if (state.Best is { } current && confirmed <= current.Fitness) return false;
        state.Best = new BestNetwork(candidate.Clone(), confirmed, state.Generation);
        return true;
    }

    private FitnessTable Evaluate(ProgramBatch batch, EvaluationRequest request, EvaluationProgress? progress)
    {
        if (progress is null) return _evaluator.Evaluate(batch, request);
        progress.Plan((long)batch.ProgramCount * request.LanesPerGenome);
        return _evaluator.Evaluate(batch, request with { Progress = progress });
    }

    private static int ArgMax(double[] values)
    {
        int best = 0;
        for (int i = 1; i < values.Length; i++) if (values[i] > values[best]) best = i;
        return best;
    }
}
