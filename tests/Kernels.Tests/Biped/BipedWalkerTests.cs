using System.Diagnostics;
using Wann.Kernels.Tasks.Biped;
using Xunit.Abstractions;

namespace Wann.Kernels.Tests.Biped;

/// <summary>The walker env beyond the golden replay: allocation, sensitivity, generated terrains, bad input.</summary>
public sealed class BipedWalkerTests(ITestOutputHelper output)
{
    [Fact]
    public void Step_AllocatesNothing_AndReportsStepsPerSecond()
    {
        GoldenEpisode episode = GoldenEpisode.Load("champion_w-2_seed0");
        var walker = new BipedWalker();
        var obs = new double[BipedConstants.ObservationCount];
        var terrain = BipedTerrain.FromEdges(episode.Edges);

        // Warm up (JIT), then measure allocation over a whole episode after its reset.
        for (int round = 0; round < 3; ++round)
        {
            walker.Reset(terrain, episode.InitialForceX, obs);
            for (int k = 1; k < episode.Steps.Length; ++k) walker.Step(episode.Steps[k].Action, obs, out _);
        }
        walker.Reset(terrain, episode.InitialForceX, obs);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int k = 1; k < episode.Steps.Length; ++k) walker.Step(episode.Steps[k].Action, obs, out _);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);

        const int rounds = 5;
        var clock = Stopwatch.StartNew();
        for (int round = 0; round < rounds; ++round)
        {
            walker.Reset(terrain, episode.InitialForceX, obs);
            for (int k = 1; k < episode.Steps.Length; ++k) walker.Step(episode.Steps[k].Action, obs, out _);
        }
        clock.Stop();
        double steps = rounds * (double)episode.Steps.Length;
        output.WriteLine($"scalar exact walker, one core: {steps / clock.Elapsed.TotalSeconds:F0} env steps/s " +
            $"({clock.Elapsed.TotalMilliseconds / rounds:F1} ms per {episode.Steps.Length}-step episode, resets included)");
    }

    [Fact]
    public void Replay_WithThePushOneUlpOff_PartsFromTheRecording()
    {
        // The comparison is bit-exact and the walk is chaotic: a one-ulp change in the float32 push must show.
        GoldenEpisode episode = GoldenEpisode.Load("champion_w-2_seed0");
        float push = (float)episode.InitialForceX;
        var nudged = new GoldenEpisode
        {
            Name = episode.Name, Seed = episode.Seed, SeedKey = episode.SeedKey, TerrainX = episode.TerrainX,
            TerrainY = episode.TerrainY, Edges = episode.Edges, Clouds = episode.Clouds, Steps = episode.Steps,
            TotalReward = episode.TotalReward, InitialForceX = MathF.BitIncrement(push),
        };
        EpisodeReplay.Result result = EpisodeReplay.Run(nudged);
        output.WriteLine($"push + 1 ulp: {result.MatchingSteps} steps exact; {result.FirstDifference}");
        Assert.NotNull(result.FirstDifference);
        Assert.InRange(result.MatchingSteps, 0, 5);
    }

    [Fact]
    public void GeneratedTerrain_RandomActions_EndWithinTheStepLimit()
    {
        var random = new NumpyRandomState(NumpyRandomState.GymSeedKey(7));
        GeneratedTerrain generated = TerrainGenerator.Generate(random);
        var walker = new BipedWalker();
        var obs = new double[BipedConstants.ObservationCount];
        walker.Reset(generated.Terrain, generated.InitialForceX, obs);
        var action = new double[BipedConstants.ActionCount];
        int steps = 0;
        bool done = false;
        while (!done && steps < BipedConstants.BipedLimit + 1)
        {
            for (int k = 0; k < action.Length; ++k) action[k] = random.Uniform(-1, 1);
            done = walker.Step(action, obs, out double reward);
            ++steps;
            Assert.All(obs, o => Assert.True(double.IsFinite(o)));
            Assert.True(double.IsFinite(reward));
            for (int i = 14; i < 24; ++i) Assert.InRange(obs[i], 0.0, 1.0);
        }
        Assert.True(done, "an episode ends by the 1600th action step at the latest");
    }

    [Fact]
    public void Terrain_FromPointsOfDifferentLengths_IsRefused()
    {
        var e = Assert.Throws<ArgumentException>(() => BipedTerrain.FromPoints([0, 1, 2], [0, 1]));
        Assert.Contains("matching x and y", e.Message);
    }
}
