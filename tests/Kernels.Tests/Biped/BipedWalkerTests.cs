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
        BipedRecordedEpisode episode = GoldenEpisode.Load("champion_w-2_seed0");
        var walker = new BipedWalker();
        var obs = new double[BipedConstants.ObservationCount];
        BipedTerrain terrain = episode.Terrain;

        // Warm up (JIT), then measure allocation over a whole episode after its reset.
        for (int round = 0; round < 3; ++round)
        {
            walker.Reset(terrain, episode.InitialForceX, obs);
            for (int k = 1; k < episode.Steps.Length; ++k) walker.Step(episode.Steps[k].Action, obs, out _);
        }
        // The fewest bytes of three measured episodes: a step that allocates shows in every one; a one-off of the
        // runtime's on this thread (seen in clean clones, a few KB once) in one at most.
        long allocated = long.MaxValue;
        for (int round = 0; round < 3; ++round)
        {
            walker.Reset(terrain, episode.InitialForceX, obs);
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int k = 1; k < episode.Steps.Length; ++k) walker.Step(episode.Steps[k].Action, obs, out _);
            allocated = Math.Min(allocated, GC.GetAllocatedBytesForCurrentThread() - before);
        }
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
        BipedRecordedEpisode episode = GoldenEpisode.Load("champion_w-2_seed0");
        BipedRecordedEpisode nudged = episode with { InitialForceX = MathF.BitIncrement((float)episode.InitialForceX) };
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

    [Theory]
    [InlineData("{}", "terrain: missing")]
    [InlineData("{\"terrain\":{\"fixtures\":[{\"kind\":\"polygon\"}]}}", "terrain.fixtures[0]: only edge fixtures")]
    [InlineData("{\"terrain\":{\"fixtures\":[{\"kind\":\"edge\",\"v\":[[0,0]]}]}}", "terrain.fixtures[0].v: expected 2 points, got 1")]
    [InlineData("{\"terrain\":{\"fixtures\":[{\"kind\":\"edge\",\"v\":[[0,0],[1,0]]}]},\"initialForce\":[1,0],\"steps\":[{\"action\":[0,0,0],\"obs\":[],\"reward\":0,\"done\":false,\"hull\":[0,0]}]}",
        "steps[0].action: expected 4 numbers, got 3")]
    [InlineData("{\"terrain\":", "not a readable episode file")]
    public void EpisodeFile_Malformed_IsOneLineNamingFileAndField(string json, string expected)
    {
        string path = Path.Combine(Path.GetTempPath(), $"biped-bad-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        try
        {
            var e = Assert.Throws<Wann.Engine.WannException>(() => BipedEpisodeFile.Load(path));
            Assert.StartsWith(path + ": ", e.Message);
            Assert.Contains(expected, e.Message);
            Assert.DoesNotContain("\n", e.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
