using System.Runtime.InteropServices;
using MathNet.Numerics.Statistics;
using Wann.Engine.Config;
using Wann.Engine.Evaluation;
using Wann.Engine.Formats;
using Wann.Engine.Genomes;
using Wann.Engine.Programs;
using Wann.Engine.Search;
using Wann.Kernels.Reference;
using Wann.Kernels.Tasks;

namespace Wann.Host.Bench;

/// <summary>What to run: the backend under test and how big the workloads are.</summary>
public sealed record BenchSettings(int Repetitions, int Genomes, int ReferenceGenomes, int GenerationWarmup, int GenerationsMeasured, int[] HostWorkGenomes,
    int BipedEpisodes = 16, int Threads = 0, BenchParts Parts = BenchParts.All)
{
    /// <summary>M6's reference baseline runs at most this many episodes per weight (a GPU's M6 runs hundreds of thousands).</summary>
    public const int BipedReferenceEpisodeCap = 16;

    // M3 measures generations 64.. of a seeded run: the first dozen generations hold networks of two or
    // three connections, far smaller than a search spends its time on.
    public static BenchSettings Full => new(Repetitions: 5, Genomes: 1024, ReferenceGenomes: 128, GenerationWarmup: 64, GenerationsMeasured: 7,
        HostWorkGenomes: new[] { 10_000, 100_000, 1_000_000 });
    public static BenchSettings Quick => new(Repetitions: 5, Genomes: 256, ReferenceGenomes: 32, GenerationWarmup: 64, GenerationsMeasured: 5,
        HostWorkGenomes: new[] { 10_000 }, BipedEpisodes: 8);
    /// <summary>Every measurement once on tiny sizes: proves the suite runs end to end (CI, ilgpu-cpu); its figures mean little.</summary>
    public static BenchSettings Smoke => new(Repetitions: 1, Genomes: 32, ReferenceGenomes: 8, GenerationWarmup: 1, GenerationsMeasured: 1,
        HostWorkGenomes: new[] { 2_000 }, BipedEpisodes: 1);

    /// <summary>Distinct grown genomes a large population is tiled from (growing each genome would take longer than the bench).</summary>
    public const int DistinctGenomes = 1024;

    /// <summary>On backends without device timing (CPUs), M5 evaluates at most this many genomes and scales the time.</summary>
    public const int HostEvaluationCap = 4096;
}

/// <summary>
/// The fixed, seeded throughput suite behind <c>wann bench</c>: M1 network evaluation, M2 swing-up
/// episodes, M3 one generation of swingup.json, with the scalar reference path and a lane-FMA ceiling
/// measured in the same run as baselines.
/// </summary>
public sealed class ThroughputSuite
{
    private static readonly float[] Weights = StandardWeights.Copy();
    private const int InputVectors = 16;

    private readonly BenchSettings _settings;
    private readonly IBackend _backend;
    private readonly Action<string> _progress;
    private readonly ReferenceEvaluator _reference = new(Environment.ProcessorCount);

    public ThroughputSuite(BenchSettings settings, IBackend backend, Action<string> progress)
    {
        _settings = settings;
        _backend = backend;
        _progress = progress;
    }

    public BenchReport Run(string ilgpuVersion)
    {
        _progress("lane-FMA ceiling");
        var ceiling = Measurement.Of(LaneFmaCeiling.RunOnAllCores, _settings.Repetitions);
        var m1 = new List<NetworkEvaluationResult>();
        foreach (int connections in Selected(BenchParts.M1) ? new[] { 30, 300 } : Array.Empty<int>())
        {
            _progress($"M1 network evaluation, about {connections} connections per genome");
            m1.Add(NetworkEvaluation(connections));
        }
        SwingUpResult? m2 = null;
        GenerationResult? m3 = null;
        BipedResult? m6 = null;
        if (Selected(BenchParts.M2))
        {
            _progress("M2 swing-up episodes");
            m2 = SwingUp();
        }
        if (Selected(BenchParts.M3))
        {
            _progress("M3 one generation of swingup.json");
            m3 = Generation();
        }
        if (Selected(BenchParts.M6))
        {
            _progress("M6 biped episodes of the original champion");
            m6 = Biped();
        }
        var m5 = new List<HostWorkResult>();
        foreach (int genomes in Selected(BenchParts.M5) ? _settings.HostWorkGenomes : Array.Empty<int>())
        {
            _progress($"M5 host work of a {genomes}-genome generation");
            m5.Add(HostWork(genomes));
        }
        return new BenchReport(
            DateTime.UtcNow.ToString("yyyy-MM-dd"),
            $"{Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription.Trim()}, {RuntimeInformation.ProcessArchitecture}, {CpuName()}",
            _backend.Name, _backend.Device, RuntimeInformation.FrameworkDescription, ilgpuVersion,
            _settings.Repetitions, m1, ceiling, m2, m3, m5, m6, System.Diagnostics.Process.GetCurrentProcess().PeakWorkingSet64);
    }

    private bool Selected(BenchParts part) => (_settings.Parts & part) != 0;

    /// <summary>
    /// Population grown by the real mutations to about <paramref name="connections"/> enabled connections
    /// each: up to <see cref="BenchSettings.DistinctGenomes"/> distinct genomes, tiled to the size asked for.
    /// </summary>
    private static List<Genome> Population(int genomes, int connections, ulong seed)
    {
        var distinct = SyntheticPopulation.Grow(CartPoleSwingUp.Spec.Shape, Math.Min(genomes, BenchSettings.DistinctGenomes), connections, seed,
            CartPoleSwingUp.Spec.HiddenActivations.ToArray());
        var population = new List<Genome>(genomes);
        for (int g = 0; g < genomes; g++) population.Add(distinct[g % distinct.Count]);
        return population;
    }

    private NetworkEvaluationResult NetworkEvaluation(int connections)
    {
        var population = Population(_settings.Genomes, connections, (ulong)connections);
        var batch = ProgramBatch.Compile(population, WeightMode.Shared);
        var referenceBatch = ProgramBatch.Compile(population.Take(_settings.ReferenceGenomes).ToList(), WeightMode.Shared);
        var random = new Random(42);
        var inputs = Enumerable.Range(0, InputVectors * batch.InputCount).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
        long lanes = Weights.Length * InputVectors;
        long work = batch.TotalEdgeCount * lanes;
        long referenceWork = referenceBatch.TotalEdgeCount * lanes;
        var backend = Measurement.Of(() => { _backend.Forward(batch, Weights, inputs); return work; }, _settings.Repetitions, () => _backend.LastTiming);
        var reference = Measurement.Of(() => { _reference.Forward(referenceBatch, Weights, inputs); return referenceWork; }, _settings.Repetitions);
        return new NetworkEvaluationResult($"~{connections} connections", population.Count, population.Average(g => g.EnabledConnectionCount), work, backend, reference);
    }

    private SwingUpResult SwingUp()
    {
        var population = Population(_settings.Genomes, 30, 7);
        var batch = ProgramBatch.Compile(population, WeightMode.Shared);
        var referenceBatch = ProgramBatch.Compile(population.Take(_settings.ReferenceGenomes).ToList(), WeightMode.Shared);
        var request = new EvaluationRequest(CartPoleSwingUp.Spec, Weights, 4, 2024, 0);
        var backend = Measurement.Of(() => _backend.Evaluate(batch, request).StepCount, _settings.Repetitions, () => _backend.LastTiming);
        var reference = Measurement.Of(() => _reference.Evaluate(referenceBatch, request).StepCount, _settings.Repetitions);
        return new SwingUpResult(batch.ProgramCount, referenceBatch.ProgramCount, request.LanesPerGenome, backend, reference);
    }

    /// <summary>
    /// M6: the original release's biped champion (reference/wann-original/biped.out, shipped inside wann) at the
    /// six shared weights, <see cref="BenchSettings.BipedEpisodes"/> episodes each, full BipedalWalker episodes;
    /// the reference path in the same run on the same threads, and whether both gave the same scores to the bit.
    /// </summary>
    private BipedResult Biped()
    {
        var spec = TaskRegistry.Get("biped", "bench");
        var champion = OutMatrixFormat.Parse(ChampionText(), spec.Shape, "biped.out (shipped with wann)");
        var batch = ProgramBatch.Compile(new List<Genome> { champion }, WeightMode.Shared);
        var request = new EvaluationRequest(spec, Weights, _settings.BipedEpisodes, 2024, 0);
        int referenceEpisodes = Math.Min(_settings.BipedEpisodes, BenchSettings.BipedReferenceEpisodeCap);
        var referenceRequest = request with { Repetitions = referenceEpisodes };
        int threads = _settings.Threads > 0 ? _settings.Threads : Environment.ProcessorCount;
        var reference = new ReferenceEvaluator(threads);
        FitnessTable? backendTable = null, referenceTable = null;
        var backend = Measurement.Of(() => (backendTable = _backend.Evaluate(batch, request)).StepCount, _settings.Repetitions, () => _backend.LastTiming);
        var baseline = Measurement.Of(() => (referenceTable = reference.Evaluate(batch, referenceRequest)).StepCount, _settings.Repetitions);
        // The reference's episodes are the first of the backend's (repetition r is the same episode in both).
        var lanes = new LaneIndexing(Weights.Length, referenceEpisodes);
        var backendLanes = new LaneIndexing(Weights.Length, _settings.BipedEpisodes);
        bool same = true;
        for (int w = 0; w < Weights.Length; w++)
            for (int r = 0; r < referenceEpisodes; r++)
                same &= BitConverter.SingleToInt32Bits(backendTable!.Rewards[backendLanes.LaneOf(w, r)]) == BitConverter.SingleToInt32Bits(referenceTable!.Rewards[lanes.LaneOf(w, r)]);
        var means = Enumerable.Range(0, Weights.Length)
            .Select(w => Enumerable.Range(0, referenceEpisodes).Select(r => (double)referenceTable!.Rewards[lanes.LaneOf(w, r)]).Mean()).ToArray();
        return new BipedResult(Weights.Length * _settings.BipedEpisodes, Weights.Length * referenceEpisodes, threads, backend, baseline, same, means);
    }

    private static string ChampionText()
    {
        using var stream = typeof(ThroughputSuite).Assembly.GetManifestResourceStream(ChampionResource)
            ?? throw new InvalidOperationException($"the build lacks the embedded {ChampionResource}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private const string ChampionResource = "Wann.Host.Bench.biped.out";

    private GenerationResult Generation()
    {
        var settings = HyperparameterLoader.Validate(new Hyperparameters { MaxGenerations = 1024, Repetitions = 3, PopulationSize = Math.Min(192, Math.Max(16, _settings.Genomes)), EliteRatio = 0.2, TournamentSize = 8 }, "swingup.json");
        var state = WannSearch.NewRun(settings, CartPoleSwingUp.Spec, 1);
        var search = new WannSearch(settings, CartPoleSwingUp.Spec, _backend);
        for (int i = 0; i < _settings.GenerationWarmup; i++) search.Step(state);
        var reports = Enumerable.Range(0, _settings.GenerationsMeasured).Select(_ => search.Step(state)).ToList();
        return new GenerationResult(settings.PopulationSize, settings.SharedWeights().Length * settings.Repetitions, _settings.GenerationWarmup, reports.Count,
            reports.Select(r => r.TotalSeconds).Median(),
            reports.Select(r => r.EvaluateSeconds).Median(),
            reports.Select(r => r.RankBreedSeconds).Median(),
            reports.Select(r => r.CompileSeconds).Median(),
            reports.Select(r => r.EnvironmentSteps / r.EvaluateSeconds).Median());
    }

    /// <summary>
    /// M5: one swingup.json-style generation at <paramref name="genomes"/> genomes (tiled ~30-connection
    /// networks, reward-like fitness): ranking, breeding and compiling the next generation as the search does
    /// (from the parents' programs, compiled beforehand as the search compiled them a generation earlier), each
    /// the median of three runs, the collector's pauses within them, and the evaluation of the batch on the
    /// backend (18 lanes of full swing-up episodes).
    /// </summary>
    private HostWorkResult HostWork(int genomes)
    {
        var settings = HyperparameterLoader.Validate(new Hyperparameters { Repetitions = 3, PopulationSize = genomes, EliteRatio = 0.2, TournamentSize = 8 }, "swingup.json");
        var population = Population(genomes, 30, 11);
        var random = new Engine.Randomness.SeededRandom(5);
        var objectives = new double[2 * genomes];
        for (int g = 0; g < genomes; g++)
            (objectives[2 * g], objectives[2 * g + 1]) = (Math.Round(random.NextDouble() * 500, 1), 1.0 / Math.Max(1, population[g].EnabledConnectionCount));
        var breeder = new Breeder(new Mutator(CartPoleSwingUp.Spec.HiddenActivations, settings.ProbAddConnection, settings.ProbAddNode, settings.ProbEnable, settings.ProbMutateActivation),
            settings.CullRatio, settings.EliteRatio, settings.TournamentSize);
        int nextNodeId = population.Max(g => g.Nodes.Max(n => n.Id)) + 1;
        long nextInnovation = population.Max(g => g.Connections.Count == 0 ? 0 : g.Connections.Max(c => c.Innovation)) + 1;

        var rank = new List<double>();
        var breed = new List<double>();
        var compile = new List<double>();
        var pauses = new List<double>();
        var parents = PopulationCompiler.CompileTracked(population, WeightMode.Shared);
        for (int run = 0; run < Math.Min(3, _settings.Repetitions); run++)
        {
            var pausedBefore = GC.GetTotalPauseDuration();
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var ranks = NsgaRanking.Rank(objectives, 2);
            rank.Add(clock.Elapsed.TotalSeconds);
            clock.Restart();
            var children = breeder.NextGeneration(population, ranks, new Engine.Randomness.SeededRandom((ulong)run), new InnovationCounter(nextNodeId, nextInnovation), out var parentOf);
            breed.Add(clock.Elapsed.TotalSeconds);
            clock.Restart();
            PopulationCompiler.CompileTracked(children, WeightMode.Shared, new Lineage(parents, parentOf));
            compile.Add(clock.Elapsed.TotalSeconds);
            pauses.Add((GC.GetTotalPauseDuration() - pausedBefore).TotalSeconds);
        }

        // Device backends evaluate the whole generation; CPU backends a subset, scaled to the population.
        bool device = _backend.LastTiming is not null;
        int evaluated = device && _backend.Name != "ilgpu-cpu" ? genomes : Math.Min(genomes, BenchSettings.HostEvaluationCap);
        var evaluateBatch = ProgramBatch.Compile(population.Take(evaluated).ToList(), WeightMode.Shared);
        var request = new EvaluationRequest(CartPoleSwingUp.Spec, settings.SharedWeights(), settings.Repetitions, 77, 0);
        var timer = System.Diagnostics.Stopwatch.StartNew();
        _backend.Evaluate(evaluateBatch, request);
        double evaluate = timer.Elapsed.TotalSeconds * genomes / evaluated;
        var checkpointClock = System.Diagnostics.Stopwatch.StartNew();
        var state = new SearchState(1, population, new InnovationCounter(nextNodeId, nextInnovation), new Engine.Randomness.SeededRandom(9), null);
        long checkpointBytes = CheckpointFormat.ToBytes(Checkpoint.Snapshot(settings, 9, state)).LongLength;
        double checkpointSeconds = checkpointClock.Elapsed.TotalSeconds;
        return new HostWorkResult(genomes, population.Average(g => g.EnabledConnectionCount), rank.Median(), breed.Median(), compile.Median(), pauses.Median(),
            evaluate, evaluated, System.Diagnostics.Process.GetCurrentProcess().PeakWorkingSet64, checkpointBytes, checkpointSeconds);
    }

    private static string CpuName()
    {
        try
        {
            var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            return line?.Split(':', 2)[1].Trim() ?? "unknown CPU";
        }
        catch (IOException) { return "unknown CPU"; }
    }
}
