using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using Wann.Engine.Evaluation;
using Wann.Engine.Genomes;
using Wann.Engine.Programs;
using Wann.Engine.Search;
using Wann.Host.Cluster;
using Wann.Kernels.Cpu;
using Wann.Kernels.Tasks;

namespace Wann.Host.Tests;

/// <summary>
/// Worker silos in this process (Orleans' TestingHost): the cluster's table equals one process's, also when
/// a silo dies or joins; a worker of another protocol version is refused. (A kill in the middle of an
/// evaluation, with real processes, is ClusterProcessTests' and scripts/cluster-check.sh's.)
/// </summary>
public sealed class ClusterTestingHostTests
{
    private sealed class WorkerSilo : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo)
        {
            silo.Services.AddSingleton(new WorkerBackend(new SimdEvaluator(1)));
            silo.Services.AddPlacementDirector<WorkerPlacementStrategy, WorkerPlacementDirector>();
        }
    }

    private sealed class OlderWorkerSilo : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo)
        {
            silo.Services.AddSingleton(new WorkerBackend(new SimdEvaluator(1)) { ProtocolVersion = ClusterProtocol.Version - 1 });
            silo.Services.AddPlacementDirector<WorkerPlacementStrategy, WorkerPlacementDirector>();
        }
    }

    private static ProgramBatch Population(int genomes, ulong seed) =>
        ProgramBatch.Compile(SyntheticPopulation.Grow(new NetworkShape(5, 1), genomes, 12, seed,
            Enumerable.Range(1, 11).Select(i => (Engine.Activations.ActivationFunction)i).ToArray()), WeightMode.Shared);

    private static EvaluationRequest Request(long generation) =>
        new(CartPoleSwingUp.Spec with { EpisodeLength = 200 }, new[] { -2f, -1f, 1f, 2f }, 3, 21, generation);

    [Fact]
    public async Task ThreeSilos_OneKilledMidRun_GiveTheSingleProcessTables()
    {
        var builder = new TestClusterBuilder { Options = { InitialSilosCount = 3 } };
        builder.AddSiloBuilderConfigurator<WorkerSilo>();
        var cluster = builder.Build();
        await cluster.DeployAsync();
        try
        {
            var messages = new List<string>();
            using var evaluator = new ClusterEvaluator(cluster.Client, TimeSpan.FromSeconds(5), m => { lock (messages) messages.Add(m); });
            using var single = new SimdEvaluator(1);
            int shards = 0;
            for (int generation = 0; generation < 8; generation++)
            {
                var batch = Population(150 + generation, (ulong)generation);
                var request = Request(generation);
                // Generation 3: a worker dies between generations, while the host still lists it (its list is
                // a lookup old), so its shard goes out to a dead silo and must come back from another.
                if (generation == 3) await cluster.KillSiloAsync(cluster.SecondarySilos[1]);
                var evaluation = Task.Run(() => evaluator.Evaluate(batch, request));
                // Generation 4: a new worker joins; it gets work from a later generation on.
                if (generation == 4) await cluster.StartAdditionalSiloAsync();
                var table = await evaluation;
                shards = evaluator.LastClusterTiming!.Shards;
                var expected = single.Evaluate(batch, request);
                Assert.Equal(expected.Rewards, table.Rewards);
                Assert.Equal(expected.StepCount, table.StepCount);
                // The best network's re-evaluation: one genome, one shard.
                var one = batch.Slice(7, 1);
                Assert.Equal(single.Evaluate(one, request).Rewards, evaluator.Evaluate(one, request).Rewards);
            }
            // The host learns of the joined worker by a background lookup: on a loaded machine that can take
            // longer than the generations above, so wait for it (bounded) before the last generation.
            for (int wait = 0; wait < 150 && Joined() < 4; wait++) await Task.Delay(100);
            Assert.Equal(4, Joined());
            // A lookup's list is taken up by the generation after it completes: at least two more generations,
            // and (bounded) more until the host's list has settled on a loaded machine.
            for (int generation = 8; generation < 10 || (shards != 3 && generation < 30); generation++)
            {
                var batch = Population(160, (ulong)generation);
                Assert.Equal(single.Evaluate(batch, Request(generation)).Rewards, evaluator.Evaluate(batch, Request(generation)).Rewards);
                shards = evaluator.LastClusterTiming!.Shards;
            }
            // The killed worker's shard failed (at once, or by its timeout) and went elsewhere.
            Assert.Contains(messages, m => m.Contains("dropped") || m.Contains("failed a shard"));
            // The last generation ran on the three live workers: the two first and the one that joined.
            Assert.Equal(3, shards);

            int Joined()
            {
                lock (messages) return messages.Count(m => m.Contains("joined"));
            }
        }
        finally
        {
            await cluster.StopAllSilosAsync();
            await cluster.DisposeAsync();
        }
    }

    [Fact]
    public async Task ShardOfAnotherVersion_IsRefusedByTheWorker_NeverEvaluated()
    {
        var builder = new TestClusterBuilder { Options = { InitialSilosCount = 1 } };
        builder.AddSiloBuilderConfigurator<WorkerSilo>();
        var cluster = builder.Build();
        await cluster.DeployAsync();
        try
        {
            var silo = cluster.Primary!.SiloAddress.ToParsableString();
            var worker = cluster.Client.GetGrain<IShardWorkerGrain>(silo);
            var info = await worker.Describe();
            Assert.Equal(ClusterProtocol.Version, info.ProtocolVersion);
            var shard = ShardValidator.From(Population(3, 1), 0, 3, Request(0), TimeSpan.FromSeconds(30)) with { ProtocolVersion = ClusterProtocol.Version + 1 };
            var error = await Assert.ThrowsAnyAsync<Exception>(() => worker.Evaluate(shard, CancellationToken.None));
            Assert.Contains($"shard refused: protocol version {ClusterProtocol.Version + 1}", error.Message);
        }
        finally
        {
            await cluster.StopAllSilosAsync();
            await cluster.DisposeAsync();
        }
    }

    [Fact]
    public async Task WorkerOfAnotherVersion_IsRefusedByTheHost_WithOneClearLine()
    {
        var builder = new TestClusterBuilder { Options = { InitialSilosCount = 1 } };
        builder.AddSiloBuilderConfigurator<OlderWorkerSilo>();
        var cluster = builder.Build();
        await cluster.DeployAsync();
        try
        {
            var messages = new List<string>();
            using var evaluator = new ClusterEvaluator(cluster.Client, TimeSpan.FromSeconds(5), m => { lock (messages) messages.Add(m); });
            var error = Assert.Throws<Engine.WannException>(() => evaluator.Evaluate(Population(5, 2), Request(0)));
            Assert.Equal("--cluster: no worker is left in the cluster", error.Message);
            Assert.Contains(messages, m => m.EndsWith($"refused: it speaks cluster protocol {ClusterProtocol.Version - 1} (wann {BuildInfo.Version}), this host {ClusterProtocol.Version} (wann {BuildInfo.Version})"));
        }
        finally
        {
            await cluster.StopAllSilosAsync();
            await cluster.DisposeAsync();
        }
    }
}
