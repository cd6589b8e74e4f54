using Wann.Engine.Formats;
using Wann.Engine.Programs;
using Wann.Kernels.Reference;
using Wann.Kernels.Tasks;
using Wann.Kernels.Tasks.Biped;
using Wann.Kernels.Tasks.Scenes;
using static Wann.Kernels.Tasks.Biped.Lanes.BipedLayout;

namespace Wann.Kernels.Tests.Biped;

/// <summary>The walker's picture: drawn from the recorded state and episode data, not from the observation alone.</summary>
public sealed class BipedSceneTests
{
    private const int Stride = 50;

    private static EpisodeTrace Champion()
    {
        var task = TaskRegistry.Get("biped", "test");
        var network = NetworkFiles.Load(TestPaths.Reference("biped.out"), task.Shape, task.Name);
        return EpisodeRecorder.Record(task, ProgramCompiler.Compile(network.Genome, WeightMode.Shared), -2f, 1, keepStateEvery: Stride);
    }

    private static Sketch Draw(EpisodeTrace trace, int step)
    {
        var sketch = new Sketch(480, 300);
        var observation = step < trace.Steps ? trace.Observations[step] : trace.FinalObservation;
        TaskRegistry.Scene(TaskRegistry.Get("biped", "test"), "test").Draw(sketch, new SceneMoment(step, observation, trace.States[step], trace.Episode));
        return sketch;
    }

    [Fact]
    public void Registry_GivesTheBipedItsScene()
    {
        var scene = TaskRegistry.Scene(TaskRegistry.Get("biped", "test"), "test");
        Assert.IsType<BipedScene>(scene);
        Assert.Equal(0.02, scene.StepSeconds);
    }

    [Fact]
    public void Frame_DrawsTheHullWhereTheStateHasIt_TenLidarRays_AndTheDistanceCovered()
    {
        var trace = Champion();
        int step = 10 * Stride;
        Assert.True(trace.Steps > step, "the champion's episode ended too early for this test");
        var sketch = Draw(trace, step);
        var state = trace.States[step];

        // The hull: its five vertices, turned and moved by the state's transform, in pixels of 30 a metre.
        var hull = sketch.Shapes.OfType<SketchPolygon>().Last();
        Assert.Equal(5, hull.Points.Count);
        float cx = hull.Points.Average(p => p.X), cy = hull.Points.Average(p => p.Y);
        var rays = sketch.Shapes.OfType<SketchLine>().Where(l => l.Color == new Rgb(255, 0, 0)).ToList();
        Assert.Equal(10, rays.Count);
        // Every ray starts at the hull's origin, and the polygon's vertices sit around it (the hull is 2 m long).
        var origin = rays[0].Points[0];
        Assert.All(rays, r => Assert.Equal(origin, r.Points[0]));
        Assert.InRange(Math.Abs(cx - origin.X), 0, 30);
        Assert.InRange(Math.Abs(cy - origin.Y), 0, 30);
        // A ray that hit ends short of its full length by the fraction observed.
        float fraction = trace.Observations[step][14];
        float full = MathF.Sqrt(trace.Episode[Lidar] * trace.Episode[Lidar] + trace.Episode[Lidar + 1] * trace.Episode[Lidar + 1]) * 30;
        float drawn = MathF.Sqrt(MathF.Pow(rays[0].Points[1].X - origin.X, 2) + MathF.Pow(rays[0].Points[1].Y - origin.Y, 2));
        Assert.Equal(fraction * full, drawn, 0.01f * full);

        float covered = state[StateBodies + Px] - trace.Episode[Bodies + BodyPx];
        Assert.Contains(sketch.Shapes.OfType<SketchText>(), t => t.Text.StartsWith($"distance {covered:F1} m of "));
        Assert.True(covered > 5, $"the champion covered only {covered} m in {step} steps");
    }

    [Fact]
    public void Camera_FollowsTheHull_SoTheHullStaysPutWhileTheGroundMoves()
    {
        var trace = Champion();
        var early = Draw(trace, 2 * Stride);
        var late = Draw(trace, 8 * Stride);
        SketchPoint Origin(Sketch s) => s.Shapes.OfType<SketchLine>().First(l => l.Color == new Rgb(255, 0, 0)).Points[0];
        Assert.Equal(Origin(early).X, Origin(late).X, 1.5f);
        // The ten-metre posts' labels moved left by what the hull walked.
        var labels = late.Shapes.OfType<SketchText>().Where(t => t.Text.EndsWith(" m") && !t.Text.StartsWith("distance")).ToList();
        Assert.NotEmpty(labels);
        Assert.DoesNotContain(labels, l => early.Shapes.OfType<SketchText>().Any(e => e.Text == l.Text && e.At == l.At));
    }
}
