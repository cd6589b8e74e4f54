using System.Diagnostics;
using Wann.Engine.Lanes;
using Wann.Kernels.Cpu;
using Wann.Kernels.Reference;
using Wann.Kernels.Tasks;
using Wann.Kernels.Tasks.Biped.Lanes;
using Xunit.Abstractions;

namespace Wann.Kernels.Tests.Biped;

/// <summary>
/// The walker's world stepped a SIMD vector of lanes at a time against the same world one lane at a time: each
/// lane of the vector runs its own recorded episode's actions (open loop, the registered task's trigonometry) on
/// its own terrain, and every body's state must keep every bit of the one-lane world's at every step, through
/// contacts, time of impact and lanes that end at different steps.
/// </summary>
public sealed class VectorWorldTests(ITestOutputHelper output)
{
    private const int Steps = 400;

    [Fact]
    public void AVectorOfWorlds_StepsEveryLaneAsTheOneLaneWorldDoes()
    {
        var episodes = GoldenEpisode.Names.Select(GoldenEpisode.Load).ToArray();
        EpisodeTable table = BipedEpisodeData.Table(episodes.Select(e => (e.Terrain, e.InitialForceX)).ToArray());
        int width = VectorLane.Count;
        int size = BipedLayout.StateSize;

        var vectorSlots = new PinnedLanes(size);
        var offsets = Enumerable.Range(0, width).Select(i => table.OffsetOf(i % episodes.Length)).ToArray();
        var vector = new LaneWorld<VectorLane, VectorState, VectorEpisode, LaneTrig>(new VectorState(vectorSlots, 0, size), new VectorEpisode(table.Values, offsets, 0));
        var scalarSlots = Enumerable.Range(0, width).Select(_ => new float[size]).ToArray();
        var scalars = Enumerable.Range(0, width)
            .Select(i => new LaneWorld<FloatLane, ScalarState, ScalarEpisode, LaneTrig>(new ScalarState(scalarSlots[i]), new ScalarEpisode(table, i % episodes.Length)))
            .ToArray();

        var watch = Stopwatch.StartNew();
        vector.Reset();
        for (int i = 0; i < width; i++) scalars[i].Reset();
        AssertSame(vectorSlots, scalarSlots, 0);
        Span<float> speed = stackalloc float[width], torque = stackalloc float[width];
        double vectorSeconds = 0, scalarSeconds = 0;
        for (int k = 1; k < Steps; k++)
        {
            for (int j = 0; j < 4; j++)
            {
                for (int i = 0; i < width; i++)
                {
                    var recorded = episodes[i % episodes.Length].Steps;
                    double a = recorded[Math.Min(k, recorded.Length - 1)].Action[j];
                    speed[i] = (float)(((j & 1) == 0 ? 4.0 : 6.0) * Math.Sign(a));
                    torque[i] = (float)(80.0 * Math.Min(Math.Abs(a), 1.0));
                }
                vector.SetMotor(j, VectorLane.Load(speed), VectorLane.Load(torque));
                for (int i = 0; i < width; i++) scalars[i].SetMotor(j, new FloatLane(speed[i]), new FloatLane(torque[i]));
            }
            long t0 = Stopwatch.GetTimestamp();
            vector.EnvStep(VectorLane.From(0.1f), VectorLane.True, out _);
            long t1 = Stopwatch.GetTimestamp();
            for (int i = 0; i < width; i++) scalars[i].EnvStep(new FloatLane(0.1f), FloatLane.True, out _);
            long t2 = Stopwatch.GetTimestamp();
            vectorSeconds += (t1 - t0) / (double)Stopwatch.Frequency;
            scalarSeconds += (t2 - t1) / (double)Stopwatch.Frequency;
            AssertSame(vectorSlots, scalarSlots, k);
        }
        output.WriteLine($"{width} lanes, {Steps} steps: vector {vectorSeconds * 1e6 / Steps / width:F1} us per lane-step, one lane at a time {scalarSeconds * 1e6 / Steps / width:F1} us ({watch.Elapsed.TotalSeconds:F1} s in all)");
    }

    private static void AssertSame(PinnedLanes vector, float[][] scalars, int step)
    {
        for (int s = 0; s < vector.Length; s++)
            for (int i = 0; i < scalars.Length; i++)
                if (BitConverter.SingleToInt32Bits(vector[s][i]) != BitConverter.SingleToInt32Bits(scalars[i][s]))
                    Assert.Fail($"step {step}, lane {i}, slot {s}: vector {vector[s][i]:R}, one lane {scalars[i][s]:R}");
    }
}
