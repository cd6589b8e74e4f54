using Wann.Engine.Config;
using Wann.Engine.Evaluation;
using Wann.Engine.Formats;
using Wann.Engine.Genomes;
using Wann.Engine.Programs;
using Wann.Engine.Randomness;
using Wann.Engine.Search;

namespace Wann.Engine.Tests;

public sealed class SearchTests
{
    /// <summary>A cheap deterministic stand-in for a backend: reward = output on a fixed input, depending on weight and seed.</summary>
    private sealed class ToyEvaluator : IEvaluator
    {
        public string Name => "toy";
        public string Device => "test";
        public void Dispose() { }

        public FitnessTable Evaluate(ProgramBatch batch, EvaluationRequest request)
        {
            request.Progress?.Cancellation.ThrowIfCancellationRequested();
            request.Progress?.Finish((long)batch.ProgramCount * request.LanesPerGenome);
            var table = new FitnessTable(batch.ProgramCount, request.Weights.Length, request.Repetitions);
            for (int g = 0; g < batch.ProgramCount; g++)
            {
                var program = batch.ProgramAt(g);
                for (int w = 0; w < request.Weights.Length; w++)
                    for (int r = 0; r < request.Repetitions; r++)
                    {
                        var input = Enumerable.Range(0, program.InputCount).Select(k => (float)CounterRandom.StandardNormal(request.Seed, (ulong)r, 0, (ulong)k)).ToArray();
                        float y = ReferenceInterpreter.Evaluate(program, input, request.Weights[w])[0];
                        table.Rewards[(g * request.Weights.Length + w) * request.Repetitions + r] = -MathF.Abs(y - 1f) + 0.01f * program.InstructionCount;
                    }
            }
            return table;
        }
    }

    private static readonly Hyperparameters Settings = new() { PopulationSize = 24, Repetitions = 2, SaveEvery = 2, BestRepetitions = 3 };

    private static (List<GenerationReport>, SearchState) Run(ulong seed, int generations)
    {
        var state = WannSearch.NewRun(Settings, TestTasks.SwingUp, seed);
        var search = new WannSearch(Settings, TestTasks.SwingUp, new ToyEvaluator());
        var reports = new List<GenerationReport>();
        for (int i = 0; i < generations; i++) reports.Add(search.Step(state));
        return (reports, state);
    }

    [Fact]
    public void SameSeed_GivesTheSameRun()
    {
        var (a, stateA) = Run(5, 12);
        var (b, stateB) = Run(5, 12);
        Assert.Equal(a.Select(r => (r.BestFitness, r.MedianFitness, r.TopRankedFitness, r.MedianConnections)), b.Select(r => (r.BestFitness, r.MedianFitness, r.TopRankedFitness, r.MedianConnections)));
        for (int g = 0; g < stateA.Population.Count; g++) FormatTests.AssertSameGenome(stateA.Population[g], stateB.Population[g]);
        var (c, _) = Run(6, 12);
        Assert.NotEqual(a.Select(r => r.MedianFitness), c.Select(r => r.MedianFitness));
    }

    [Fact]
    public void CheckpointedState_ContinuesExactlyLikeTheUninterruptedRun()
    {
        var (_, straight) = Run(9, 10);

        var state = WannSearch.NewRun(Settings, TestTasks.SwingUp, 9);
        var search = new WannSearch(Settings, TestTasks.SwingUp, new ToyEvaluator());
        for (int i = 0; i < 4; i++) search.Step(state);
        var saved = CheckpointFormat.ToBytes(Checkpoint.Snapshot(Settings, 9, state));
        var restored = CheckpointFormat.Parse(saved, "mem").State;
        for (int i = 0; i < 6; i++) search.Step(restored);

        Assert.Equal(straight.Generation, restored.Generation);
        for (int g = 0; g < straight.Population.Count; g++) FormatTests.AssertSameGenome(straight.Population[g], restored.Population[g]);
        Assert.Equal(straight.Best!.Fitness, restored.Best!.Fitness);
        Assert.Equal(straight.Random.State, restored.Random.State);
    }

    [Fact]
    public void WatchedSteps_PlanAndCountEveryEpisode_AndRunTheSameSearch()
    {
        var (straight, straightState) = Run(3, 6);
        var state = WannSearch.NewRun(Settings, TestTasks.SwingUp, 3);
        var search = new WannSearch(Settings, TestTasks.SwingUp, new ToyEvaluator());
        for (int i = 0; i < 6; i++)
        {
            var progress = new EvaluationProgress();
            var report = search.Step(state, progress);
            Assert.Equal(straight[i].BestFitness, report.BestFitness);
            // The population's lanes, and a best candidate's re-evaluation where one was confirmed.
            Assert.True(progress.Planned >= report.EvaluatedLanes);
            Assert.Equal(progress.Planned, progress.Finished);
        }
        Assert.Equal(straightState.Random.State, state.Random.State);
    }

    [Fact]
    public void StepStoppedPartWay_ContinuesFromTheSnapshotBeforeIt_LikeTheUninterruptedRun()
    {
        var (_, straight) = Run(4, 8);
        var state = WannSearch.NewRun(Settings, TestTasks.SwingUp, 4);
        var search = new WannSearch(Settings, TestTasks.SwingUp, new ToyEvaluator());
        for (int i = 0; i < 5; i++) search.Step(state);

        var before = Checkpoint.Snapshot(Settings, 4, state);
        using var stop = new CancellationTokenSource();
        stop.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => search.Step(state, new EvaluationProgress(stop.Token)));
        Assert.NotEqual(before.State.Random.State, state.Random.State); // the stopped step had begun: only the snapshot is good

        var resumed = CheckpointFormat.Parse(CheckpointFormat.ToBytes(before), "mem").State;
        for (int i = 0; i < 3; i++) search.Step(resumed);
        for (int g = 0; g < straight.Population.Count; g++) FormatTests.AssertSameGenome(straight.Population[g], resumed.Population[g]);
        Assert.Equal(straight.Random.State, resumed.Random.State);
    }

    [Fact]
    public void DamagedCheckpoint_IsDetected()
    {
        var (_, state) = Run(2, 2);
        var bytes = CheckpointFormat.ToBytes(new Checkpoint(Settings, 2, state));
        var edited = (byte[])bytes.Clone();
        edited[^5] ^= 0x10;
        Assert.Contains("checksum", Assert.Throws<WannException>(() => CheckpointFormat.Parse(edited, "c.bin")).Message);
        Assert.Contains("damaged", Assert.Throws<WannException>(() => CheckpointFormat.Parse(bytes[..(bytes.Length / 2)], "c.bin")).Message);
        Assert.Contains("not a checkpoint", Assert.Throws<WannException>(() => CheckpointFormat.Parse("{\"format\":1}"u8.ToArray(), "c.bin")).Message);
    }

    [Fact]
    public void LegacyJsonCheckpoint_StillReads()
    {
        var (_, state) = Run(3, 3);
        var legacy = JsonCheckpointFormat.Parse(JsonCheckpointFormat.Format(new Checkpoint(Settings, 3, state)), "old.json").State;
        Assert.Equal(state.Generation, legacy.Generation);
        Assert.Equal(state.Random.State, legacy.Random.State);
        for (int g = 0; g < state.Population.Count; g++) FormatTests.AssertSameGenome(state.Population[g], legacy.Population[g]);
    }

    [Fact]
    public void BinaryCheckpoint_IsSmall_AndRoundTripsEveryField()
    {
        var (_, state) = Run(5, 12);
        var bytes = CheckpointFormat.ToBytes(new Checkpoint(Settings, 5, state));
        string json = JsonCheckpointFormat.Format(new Checkpoint(Settings, 5, state));
        Assert.True(bytes.Length * 4 < json.Length, $"{bytes.Length} bytes binary vs {json.Length} JSON");
        var back = CheckpointFormat.Parse(bytes, "c.bin");
        Assert.Equal(5UL, back.Seed);
        Assert.Equal(Settings, back.Settings);
        Assert.Equal(state.Generation, back.State.Generation);
        Assert.Equal(state.Counter.NextNodeId, back.State.Counter.NextNodeId);
        Assert.Equal(state.Counter.NextInnovation, back.State.Counter.NextInnovation);
        Assert.Equal(state.Random.State, back.State.Random.State);
        Assert.Equal(state.Best!.Fitness, back.State.Best!.Fitness);
        Assert.Equal(state.Best.Generation, back.State.Best.Generation);
        FormatTests.AssertSameGenome(state.Best.Genome, back.State.Best.Genome);
        for (int g = 0; g < state.Population.Count; g++) FormatTests.AssertSameGenome(state.Population[g], back.State.Population[g]);
    }

    [Fact]
    public void Snapshot_IsUnaffectedByTheSearchGoingOn()
    {
        var state = WannSearch.NewRun(Settings, TestTasks.SwingUp, 4);
        var search = new WannSearch(Settings, TestTasks.SwingUp, new ToyEvaluator());
        for (int i = 0; i < 3; i++) search.Step(state);
        var snapshot = Checkpoint.Snapshot(Settings, 4, state);
        var before = CheckpointFormat.ToBytes(snapshot);
        for (int i = 0; i < 3; i++) search.Step(state);
        Assert.Equal(before, CheckpointFormat.ToBytes(snapshot));
        Assert.NotEqual(state.Generation, snapshot.State.Generation);
    }

    [Fact]
    public void Breeder_KeepsElitesUnchanged_AndNeverBreedsFromTheCulled()
    {
        var random = new SeededRandom(4);
        var (population, counter) = InitialPopulation.Create(new NetworkShape(5, 1), 50, 1.0, random);
        var ranks = Enumerable.Range(0, 50).Reverse().ToArray(); // genome 49 is best, 0..9 are culled
        // Mark the culled: no enabled connection, so an add-node child of theirs would stay without one.
        for (int g = 0; g < 10; g++)
            for (int i = 0; i < population[g].Connections.Count; i++)
                population[g].Connections[i] = population[g].Connections[i].WithEnabled(false);
        var mutator = new Mutator(TestTasks.SwingUp.HiddenActivations, 0, 1, 0, 0);
        var children = new Breeder(mutator, 0.2, 0.2, 4).NextGeneration(population, ranks, random, counter);

        Assert.Equal(50, children.Count);
        // floor(0.2 * (50 - 10)) = 8 elites: the 8 best, unchanged and first.
        for (int e = 0; e < 8; e++) FormatTests.AssertSameGenome(population[49 - e], children[e]);
        Assert.All(children.Skip(8), child => Assert.Equal(8, child.Nodes.Count));
        Assert.All(children, child => Assert.True(child.EnabledConnectionCount > 0));
    }

    [Fact]
    public void SeededRandom_RestoresFromItsState()
    {
        var a = new SeededRandom(123);
        for (int i = 0; i < 10; i++) a.NextUInt64();
        var b = SeededRandom.FromState(a.State);
        for (int i = 0; i < 100; i++) Assert.Equal(a.NextUInt64(), b.NextUInt64());
    }

    [Fact]
    public void CounterRandom_IsAPureFunctionOfItsKey_AndStandardNormal()
    {
        Assert.Equal(CounterRandom.StandardNormal(1, 2, 3, 4), CounterRandom.StandardNormal(1, 2, 3, 4));
        var draws = Enumerable.Range(0, 20000).Select(i => CounterRandom.StandardNormal(7, 0, 0, (ulong)i)).ToArray();
        Assert.InRange(MathNet.Numerics.Statistics.Statistics.Mean(draws), -0.03, 0.03);
        Assert.InRange(MathNet.Numerics.Statistics.Statistics.StandardDeviation(draws), 0.97, 1.03);
    }
}
