using Wann.Kernels.Tasks;

namespace Wann.Kernels.Tests.Tasks;

/// <summary>The worked-example task: its physics by hand, its end condition and its episode data.</summary>
public sealed class PointMassTests
{
    [Fact]
    public void Step_PushesWithClippedForce_AgainstDrag()
    {
        // From (0, 0) at rest, target (1, -1); outputs 3 (clipped to 1) and -0.5.
        var state = new TaskStepper<PointMass>(new PointMass(), 0f, 0f, 1f, -1f);
        float reward = state.Step(TaskOutputsOf.Values(3f, -0.5f), out var done).Value;
        Assert.Equal(0.05f, state[2]);            // vx = 0 + (1 - 0.1 * 0) * 0.05
        Assert.Equal(-0.025f, state[3]);          // vy = 0 + (-0.5) * 0.05
        Assert.Equal(0.05f * 0.05f, state[0]);    // x = vx * dt
        Assert.Equal(-0.025f * 0.05f, state[1]);
        float dx = 1f - state[0], dy = -1f - state[1];
        Assert.Equal(-(dx * dx + dy * dy), reward);
        Assert.Equal(0f, done.Value);
    }

    [Fact]
    public void Observation_IsTheOffsetToTheTargetAndTheVelocity()
    {
        var state = new TaskStepper<PointMass>(new PointMass(), 0.25f, -0.5f, 1f, 0.5f);
        Assert.Equal(new[] { 0.75f, 1f, 0f, 0f }, Enumerable.Range(0, 4).Select(k => state.Observe(k).Value));
    }

    [Fact]
    public void ReachingTheTarget_EndsTheEpisode()
    {
        var state = new TaskStepper<PointMass>(new PointMass(), 0.5f, 0.5f, 0.5f, 0.52f);
        state.Step(TaskOutputsOf.Values(0f, 0f), out var done);
        Assert.Equal(1f, done.Value);
    }

    [Fact]
    public void EpisodeData_IsInTheSquare_AndAPureFunctionOfItsKey()
    {
        var task = new PointMass();
        for (int r = 0; r < 200; r++)
            for (int c = 0; c < task.EpisodeSize; c++)
                Assert.InRange(TaskStepper<PointMass>.EpisodeValue(task, 7, 3, r, c), -1f, 1f);
        Assert.Equal(TaskStepper<PointMass>.EpisodeValue(task, 7, 3, 5, 2), TaskStepper<PointMass>.EpisodeValue(task, 7, 3, 5, 2));
        Assert.NotEqual(TaskStepper<PointMass>.EpisodeValue(task, 7, 3, 5, 2), TaskStepper<PointMass>.EpisodeValue(task, 7, 4, 5, 2));
    }
}
