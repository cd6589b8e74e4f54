using Wann.Engine.Lanes;
using Wann.Kernels.Gpu;
using Wann.Kernels.Reference;
using Wann.Kernels.Tasks;
using Wann.Kernels.Tasks.Biped;
using Wann.Kernels.Tasks.Biped.Lanes;

namespace Wann.Kernels.Tests.Biped;

/// <summary>The registered <c>biped</c> task: its registration, episode data, motor mapping and allocation-free steps.</summary>
public sealed class BipedTaskTests
{
    private static readonly BipedTask<LaneTrig> Task = new();

    [Fact]
    public void Biped_IsASimulatedTask_WithItsStateInABuffer()
    {
        var spec = TaskRegistry.Get("biped", "test");
        Assert.True(spec.CanRun);
        Assert.Contains(spec, TaskRegistry.Simulated);
        Assert.DoesNotContain(spec, TaskRegistry.ShapeOnly);
        Assert.Equal((24, 4, 1600), (spec.Shape.Inputs, spec.Shape.Outputs, spec.EpisodeLength));
        var simulator = TaskRegistry.Simulator(spec);
        Assert.True(simulator.StateSize > RegisterState.Capacity);
        Assert.Equal(BipedLayout.EpisodeSize, simulator.EpisodeSize);
    }

    [Fact]
    public void EpisodeData_IsCommonPerGeneration_AndDiffersAcrossRepetitionsAndGenerations()
    {
        float[] a = Episode(7, 3, 1), b = Episode(7, 3, 1), c = Episode(7, 3, 2), d = Episode(7, 4, 1);
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
        Assert.NotEqual(a, d);
    }

    [Fact]
    public void GeneratedTerrains_FollowTheOriginalShape()
    {
        for (int r = 0; r < 20; r++)
        {
            var generated = BipedTask<LaneTrig>.Terrain(11, 0, r);
            Assert.Equal(BipedLayout.MaxEdges, generated.Terrain.Edges.Count);
            Assert.InRange(generated.InitialForceX, -BipedConstants.InitialRandom, BipedConstants.InitialRandom);
            // The start pad is flat at TERRAIN_HEIGHT; the rest wanders around it.
            for (int i = 0; i < BipedConstants.TerrainStartpad; i++)
                Assert.Equal((float)BipedConstants.TerrainHeight, generated.Terrain.Edges[i].V1.Y);
            Assert.All(generated.Terrain.Edges, e => Assert.InRange(e.V1.Y, 0f, 2 * (float)BipedConstants.TerrainHeight));
            float[] data = Episode(11, 0, r);
            for (int e = 1; e < BipedLayout.MaxEdges; e++)
                Assert.True(data[BipedLayout.Edges + e * BipedLayout.EdgeStride + BipedLayout.EdgeLowerX] >= data[BipedLayout.Edges + (e - 1) * BipedLayout.EdgeStride + BipedLayout.EdgeLowerX]);
        }
    }

    [Fact]
    public void CounterRandom_DrawsInTheRequestedRanges()
    {
        var random = new CounterBipedRandom(3, 1, 0);
        for (int k = 0; k < 2000; k++)
        {
            Assert.InRange(random.Uniform(-1, 1), -1, 1 - 1e-12);
            Assert.InRange(random.Integer(5, 10), 5, 9);
        }
    }

    [Fact]
    public void Motors_TakeSpeedFromTheSign_AndTorqueFromTheMagnitude()
    {
        Assert.Equal(4f, Speed(0, 0.3f));
        Assert.Equal(-6f, Speed(1, -2f));
        Assert.Equal(0f, Speed(2, 0f));
        Assert.Equal(0f, Speed(3, float.NaN));
        Assert.Equal(1f, Clip(-3f));
        Assert.Equal(0.25f, Clip(-0.25f));
        Assert.Equal(0f, Clip(float.NaN));
    }

    [Fact]
    public void FinishLine_IsTheLargestFloatNotAboveTheOriginals()
    {
        double finish = (BipedConstants.TerrainLength - BipedConstants.TerrainGrass) * BipedConstants.TerrainStep;
        Assert.True(LaneWorld<FloatLane, ScalarState, ScalarEpisode, LaneTrig>.FinishX <= finish);
        Assert.True(MathF.BitIncrement(LaneWorld<FloatLane, ScalarState, ScalarEpisode, LaneTrig>.FinishX) > finish);
    }

    [Fact]
    public void Steps_AllocateNothing()
    {
        var table = EpisodeTable.Compute(Task, 5, 0, 1);
        var episode = new ScalarEpisode(table, 0);
        var outputs = new TaskOutputs<FloatLane>();
        for (int k = 0; k < 4; k++) outputs.Set(k, new FloatLane(k % 2 == 0 ? 0.7f : -0.4f));
        void Run(ref ScalarState state)
        {
            for (int t = 0; t < 200; t++)
            {
                for (int k = 0; k < 24; k++) Task.Observation<FloatLane, ScalarState, ScalarEpisode>(ref state, episode, k);
                Task.Step(ref state, episode, outputs, out _);
            }
        }
        // The same 200 steps once before measuring: the JIT and every static initialiser they reach run there,
        // whatever the tests before this one happened to touch.
        var warmUp = new ScalarState(new float[Task.StateSize]);
        Task.Reset<FloatLane, ScalarState, ScalarEpisode>(ref warmUp, episode);
        Run(ref warmUp);
        // The fewest bytes of three measured runs: a step that allocates shows in every one; a one-off of the
        // runtime's on this thread (seen in clean clones, a few KB once) in one at most.
        long allocated = long.MaxValue;
        for (int round = 0; round < 3; round++)
        {
            var state = new ScalarState(new float[Task.StateSize]);
            Task.Reset<FloatLane, ScalarState, ScalarEpisode>(ref state, episode);
            long before = GC.GetAllocatedBytesForCurrentThread();
            Run(ref state);
            allocated = Math.Min(allocated, GC.GetAllocatedBytesForCurrentThread() - before);
        }
        Assert.Equal(0, allocated);
    }

    private static float Speed(int joint, float action) => BipedTask<LaneTrig>.MotorSpeed(joint, new FloatLane(action)).Value;

    private static float Clip(float action) => BipedTask<LaneTrig>.Clip01(new FloatLane(action)).Value;

    private static float[] Episode(ulong seed, long generation, int repetition)
    {
        var data = new float[BipedLayout.EpisodeSize];
        Task.WriteEpisode(seed, generation, repetition, data);
        return data;
    }
}
