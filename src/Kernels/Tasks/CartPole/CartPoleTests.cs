using Wann.Kernels.Tasks;

namespace Wann.Kernels.Tests.Tasks;

/// <summary>Gym's CartPole-v1: one step against values worked out in double precision from Gym's equations, and the end conditions.</summary>
public sealed class CartPoleTests
{
    [Fact]
    public void CartPole_PushRight_MatchesGymsEuler()
    {
        var task = new CartPole();
        var state = new TaskStepper<CartPole>(task, 0.01f, -0.02f, 0.03f, 0.04f);
        float reward = state.Step(TaskOutputsOf.Values(0.1f, 0.7f), out var done).Value;
        Assert.Equal(0.0096, state[0], 6);
        Assert.Equal(0.17467919574755525, state[1], 5);
        Assert.Equal(0.0308, state[2], 6);
        Assert.Equal(-0.2430687179600081, state[3], 5);
        Assert.Equal((1f, 0f), (reward, done.Value));
    }

    [Fact]
    public void CartPole_EndsPastTwelveDegrees_AndTheLastStepStillEarnsOne()
    {
        var task = new CartPole();
        var state = new TaskStepper<CartPole>(task, 0f, 0f, 0.2094f, 1f);
        float reward = state.Step(TaskOutputsOf.Values(1f, 0f), out var done).Value;
        Assert.Equal((1f, 1f), (reward, done.Value));
    }

    [Fact]
    public void CartPole_TiedOutputsPushLeft()
    {
        var task = new CartPole();
        var left = new TaskStepper<CartPole>(task, 0f, 0f, 0f, 0f);
        left.Step(TaskOutputsOf.Values(0.5f, 0.5f), out _);
        Assert.True(left[3] > 0f); // pushing the cart left tips the pole right
    }
}
