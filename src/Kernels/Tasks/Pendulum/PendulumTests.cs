using Wann.Kernels.Tasks;

namespace Wann.Kernels.Tests.Tasks;

/// <summary>Gym's Pendulum-v1: one step against Gym's values and the normalised angle in the cost.</summary>
public sealed class PendulumTests
{
    [Fact]
    public void Pendulum_Step_MatchesGym_AndNeverEnds()
    {
        var task = new Pendulum();
        var state = new TaskStepper<Pendulum>(task, 1.0f, 0.5f);
        float reward = state.Step(TaskOutputsOf.Values(0.75f), out var done).Value;
        Assert.Equal(1.0678051619302962, state[0], 5);
        Assert.Equal(1.3561032386059226, state[1], 5);
        Assert.Equal(-1.02725, reward, 5);
        Assert.Equal(0f, done.Value);
    }

    [Fact]
    public void Pendulum_NormalisesTheAngleInTheCost()
    {
        var task = new Pendulum();
        var state = new TaskStepper<Pendulum>(task, 2f * MathF.PI + 0.1f, 0f);
        float reward = state.Step(TaskOutputsOf.Values(0f), out _).Value;
        Assert.Equal(-0.01, reward, 4);
    }
}
