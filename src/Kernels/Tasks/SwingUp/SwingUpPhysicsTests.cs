using Wann.Engine.Lanes;
using Wann.Kernels.Tasks;

namespace Wann.Kernels.Tests.Tasks;

public sealed class SwingUpPhysicsTests
{
    private static (TaskStepper<CartPoleSwingUp> State, float Reward, float Done) Step(float x, float xDot, float theta, float thetaDot, float output)
    {
        var state = new TaskStepper<CartPoleSwingUp>(new CartPoleSwingUp(), x, xDot, theta, thetaDot);
        var outputs = new TaskOutputs<FloatLane> { O0 = new(output) };
        float reward = state.Step(outputs, out var done).Value;
        return (state, reward, done.Value);
    }

    // Expected values worked out in double precision from the equations in shared/WANN-ALGORITHM.md
    // (explicit Euler, positions from the old velocities; force = clip(output, -1, 1) * 10).
    [Theory]
    [InlineData(0.1f, -0.2f, 3.0f, 0.5f, 0.3f, 0.098, -0.16046860976419763, 3.005, 0.43680551269462625, 0.004647564022264738)]
    [InlineData(-1.0f, 1.5f, 0.4f, -2.0f, 5.0f, -0.985, 1.6604003860771406, 0.38, -1.535051449366582, 0.7707826374324671)]
    public void Step_MatchesHandComputedEuler(float x, float xDot, float theta, float thetaDot, float output,
        double x2, double xDot2, double theta2, double thetaDot2, double reward)
    {
        var (s, r, done) = Step(x, xDot, theta, thetaDot, output);
        Assert.Equal(x2, s[0], 5);
        Assert.Equal(xDot2, s[1], 5);
        Assert.Equal(theta2, s[2], 5);
        Assert.Equal(thetaDot2, s[3], 5);
        Assert.Equal(reward, r, 5);
        Assert.Equal(0f, done);
    }

    [Fact]
    public void LeavingTheTrack_EndsTheEpisode_AndItsRewardStillCounts()
    {
        var (s, r, done) = Step(2.39f, 1.5f, 0f, 0f, 1f);
        Assert.Equal(2.405, s[0], 5);
        Assert.Equal(1f, done);
        Assert.Equal(-0.0032724865065268047, r, 5);
    }

    [Fact]
    public void Observation_IsPositionVelocityCosSinAngularVelocity()
    {
        var state = new TaskStepper<CartPoleSwingUp>(new CartPoleSwingUp(), 0.5f, -1f, 1f, 2f);
        Assert.Equal(new[] { 0.5f, -1f, MathF.Cos(1f), MathF.Sin(1f), 2f }, Enumerable.Range(0, 5).Select(k => state.Observe(k).Value));
    }

    [Fact]
    public void NaNOutput_PropagatesInsteadOfBeingClipped()
    {
        // The first step's reward uses the old velocities; the NaN force shows from the second step on.
        var state = new TaskStepper<CartPoleSwingUp>(new CartPoleSwingUp(), 0f, 0f, 3f, 0f);
        var outputs = new TaskOutputs<FloatLane> { O0 = new(float.NaN) };
        state.Step(outputs, out _);
        Assert.True(float.IsNaN(state.Step(outputs, out var done).Value));
        Assert.Equal(0f, done.Value);
    }

    [Fact]
    public void StartStates_AreNormalAroundHangingDown_AndTheSameForEveryCaller()
    {
        var task = new CartPoleSwingUp();
        var theta = Enumerable.Range(0, 5000).Select(r => (double)TaskStepper<CartPoleSwingUp>.EpisodeValue(task, 3, 1, r, 2)).ToArray();
        Assert.InRange(MathNet.Numerics.Statistics.Statistics.Mean(theta), Math.PI - 0.01, Math.PI + 0.01);
        Assert.InRange(MathNet.Numerics.Statistics.Statistics.StandardDeviation(theta), 0.19, 0.21);
        Assert.Equal(TaskStepper<CartPoleSwingUp>.EpisodeValue(task, 3, 1, 7, 0), TaskStepper<CartPoleSwingUp>.EpisodeValue(task, 3, 1, 7, 0));
        Assert.NotEqual(TaskStepper<CartPoleSwingUp>.EpisodeValue(task, 3, 1, 7, 0), TaskStepper<CartPoleSwingUp>.EpisodeValue(task, 3, 2, 7, 0));
    }
}
