using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using Wann.Engine.Config;
using Wann.Engine.Evaluation;
using Wann.Engine.Genomes;
using Wann.Engine.Programs;
using Wann.Engine.Search;
using Wann.Host.Cluster;
using Wann.Host.Output;
using Wann.Kernels.Cpu;
using Wann.Kernels.Tasks;

namespace Wann.Host.Tests;

/// <summary>
/// What the cluster promises against a worker that lies or does not belong: a worker that adds a constant
/// to its rewards is caught (by the task's reward range, or by the host's re-evaluation of a sample when
/// the lie stays in range), reported and dropped, and the run's log is the one a single process writes; a
/// worker of another build is refused; a shard the host no longer waits for stops on the worker.
/// </summary>
public sealed class ClusterTrustTests
{
    /// <summary>A worker's evaluator that returns every reward plus a constant: a test worker, not something wann can be told to do.</summary>
    private sealed class AddingEvaluator(IEvaluator honest, float constant) : IEvaluator
    {
        public string Name => honest.Name;
        public string Device => honest.Device;

        public FitnessTable Evaluate(ProgramBatch batch, EvaluationRequest request)
        {
            var table = honest.Evaluate(batch, request);
            for (int i = 0; i < table.Rewards.Length; i++) table.Rewards[i] += constant;
            return table;
        }

        public void Dispose() => honest.Dispose();
    }

    /// <summary>Silos whose second one lies by <see cref="Constant"/>; the others are honest.</summary>
    private sealed class OneLyingWorker : ISiloConfigurator
    {
        public static float Constant;
        public static int Configured;

        public void Configure(ISiloBuilder silo)
        {
            bool lies = Interlocked.Increment(ref Configured) == 2;
            IEvaluator evaluator = lies ? new AddingEvaluator(new SimdEvaluator(1), Constant) : new SimdEvaluator(1);
            silo.Services.AddSingleton(new WorkerBackend(evaluator));
            silo.Services.AddPlacementDirector<WorkerPlacementStrategy, WorkerPlacementDirector>();
        }
    }

    private sealed class OtherBuildWorker : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo)
        {
            silo.Services.AddSingleton(new WorkerBackend(new SimdEvaluator(1)) { Fingerprint = "0123456789abcdef" });
            silo.Services.AddPlacementDirector<WorkerPlacementStrategy, WorkerPlacementDirector>();
        }
    }

    private sealed class HonestWorker : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo)
        {
            silo.Services.AddSingleton(new WorkerBackend(new SimdEvaluator(1)));
            silo.Services.AddPlacementDirector<WorkerPlacementStrategy, WorkerPlacementDirector>();
        }
    }

    private static async Task<TestCluster> Start<TConfigurator>(int silos) where TConfigurator : ISiloConfigurator, new()
    {
        var builder = new TestClusterBuilder { Options = { InitialSilosCount = (short)silos } };
        builder.AddSiloBuilderConfigurator<TConfigurator>();
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    private static async Task Stop(TestCluster cluster)
    {
        await cluster.StopAllSilosAsync();
        await cluster.DisposeAsync();
    }

    private static readonly Hyperparameters Settings = new() { Task = "swingup_hard", PopulationSize = 96, MaxGenerations = 6 };

    /// <summary>The log lines a search writes, without wall-clock and memory fields, and its best network.</summary>
    private static (List<string> Log, Genome Best) Search(IEvaluator evaluator)
    {
        var task = CartPoleSwingUp.HardSpec;
        var state = WannSearch.NewRun(Settings, task, 17);
        var search = new WannSearch(Settings, task, evaluator);
        var log = new List<string>();
        while (state.Generation < Settings.MaxGenerations)
        {
            var line = JsonNode.Parse(GenerationLog.Line(search.Step(state)))!.AsObject();
            foreach (string timing in new[] { "seconds", "lanesPerSecond", "envStepsPerSecond", "peakMemoryBytes" }) line.Remove(timing);
            log.Add(line.ToJsonString());
        }
        return (log, state.Best!.Genome);
    }

    [Theory]
    [InlineData(5000f, "is outside what task swingup_hard can give")]
    [InlineData(0.25f, "the host's own evaluation gives")]
    public async Task WorkerAddingAConstant_IsCaughtAndDropped_AndTheRunsLogIsTheSingleProcesss(float constant, string caughtBy)
    {
        OneLyingWorker.Constant = constant;
        OneLyingWorker.Configured = 0;
        var cluster = await Start<OneLyingWorker>(2);
        try
        {
            var messages = new List<string>();
            List<string> clusterLog;
            Genome clusterBest;
            using (var evaluator = new ClusterEvaluator(cluster.Client, TimeSpan.FromSeconds(30), m => { lock (messages) messages.Add(m); }))
                (clusterLog, clusterBest) = Search(evaluator);
            var (singleLog, singleBest) = Search(new SimdEvaluator(1));

            Assert.Equal(2, messages.Count(m => m.Contains("joined")));
            var dropped = messages.Where(m => m.Contains("dropped")).ToList();
            Assert.Single(dropped);
            Assert.Contains("its answers cannot be right", dropped[0]);
            Assert.Contains(caughtBy, dropped[0]);
            Assert.Equal(singleLog, clusterLog);
            Assert.Equal(OutMatrixFormat(singleBest), OutMatrixFormat(clusterBest));
        }
        finally
        {
            await Stop(cluster);
        }
    }

    private static string OutMatrixFormat(Genome genome) => Engine.Formats.OutMatrixFormat.Format(genome);

    [Fact]
    public async Task WorkerOfAnotherBuild_IsRefusedByTheHost_WithOneClearLine()
    {
        var cluster = await Start<OtherBuildWorker>(1);
        try
        {
            var messages = new List<string>();
            using var evaluator = new ClusterEvaluator(cluster.Client, TimeSpan.FromSeconds(5), m => { lock (messages) messages.Add(m); });
            var batch = ProgramBatch.Compile(InitialPopulation.Create(new NetworkShape(5, 1), 4, 0.5, new Engine.Randomness.SeededRandom(1)).Population, WeightMode.Shared);
            var error = Assert.Throws<Engine.WannException>(() => evaluator.Evaluate(batch, new EvaluationRequest(CartPoleSwingUp.HardSpec, new[] { 1f }, 1, 1, 0)));
            Assert.Equal("--cluster: no worker is left in the cluster", error.Message);
            Assert.Contains(messages, m => m.Contains($"refused: it is build 0123456789abcdef (wann {BuildInfo.Version}), this host is build {BuildFingerprint.Current}"));
        }
        finally
        {
            await Stop(cluster);
        }
    }

    /// <summary>Pendulum episodes never end early: a thousand networks of million-step episodes are minutes of one core's work.</summary>
    private static ShardRequest LongShard(TimeSpan hostTimeout)
    {
        var population = InitialPopulation.Create(Pendulum.Spec.Shape, 1000, 1.0, new Engine.Randomness.SeededRandom(3)).Population;
        var request = new EvaluationRequest(Pendulum.Spec with { EpisodeLength = 1_000_000 }, StandardWeights.Copy(), 4, 1, 0);
        return ShardValidator.From(ProgramBatch.Compile(population, WeightMode.Shared), 0, 1000, request, hostTimeout);
    }

    private static ShardRequest SmallShard() =>
        ShardValidator.From(ProgramBatch.Compile(InitialPopulation.Create(Pendulum.Spec.Shape, 2, 1.0, new Engine.Randomness.SeededRandom(4)).Population, WeightMode.Shared),
            0, 2, new EvaluationRequest(Pendulum.Spec, new[] { 1f }, 1, 1, 0), TimeSpan.FromSeconds(60));

    [Fact]
    public async Task ShardTheHostCancels_StopsOnTheWorker_WhichThenTakesTheNext()
    {
        var cluster = await Start<HonestWorker>(1);
        try
        {
            var worker = cluster.Client.GetGrain<IShardWorkerGrain>(cluster.Primary!.SiloAddress.ToParsableString());
            using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
            var clock = Stopwatch.StartNew();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => worker.Evaluate(LongShard(TimeSpan.FromMinutes(10)), cancel.Token));
            // Non-reentrant: the next shard runs only once the cancelled one has stopped on the worker.
            var next = await worker.Evaluate(SmallShard(), CancellationToken.None);
            Assert.Equal(2, next.Rewards.Length);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"the worker was busy for {clock.Elapsed.TotalSeconds:F0} s after the host cancelled");
        }
        finally
        {
            await Stop(cluster);
        }
    }

    [Fact]
    public async Task ShardPastTheHostsTimeout_StopsOnTheWorker_WithoutAWordFromTheHost()
    {
        // A host that went away sends no cancellation: the worker stops once the host's call timeout has passed.
        var cluster = await Start<HonestWorker>(1);
        try
        {
            var worker = cluster.Client.GetGrain<IShardWorkerGrain>(cluster.Primary!.SiloAddress.ToParsableString());
            var clock = Stopwatch.StartNew();
            var error = await Assert.ThrowsAnyAsync<Exception>(() => worker.Evaluate(LongShard(TimeSpan.FromSeconds(1)), CancellationToken.None));
            Assert.Contains("call timeout passed", error.Message);
            var next = await worker.Evaluate(SmallShard(), CancellationToken.None);
            Assert.Equal(2, next.Rewards.Length);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"the worker was busy for {clock.Elapsed.TotalSeconds:F0} s past the host's 1 s timeout");
        }
        finally
        {
            await Stop(cluster);
        }
    }
}
