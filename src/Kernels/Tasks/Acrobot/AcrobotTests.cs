using Wann.Kernels.Tasks;

namespace Wann.Kernels.Tests.Tasks;

/// <summary>Gym's Acrobot-v1: one RK4 step against Gym's values, and the goal line.</summary>
public sealed class AcrobotTests
{
    [Fact]
    public void Acrobot_OneRk4Step_MatchesGym()
    {
        var task = new Acrobot();
        var state = new TaskStepper<Acrobot>(task, 0.05f, -0.03f, 0.02f, 0.01f);
        float reward = state.Step(TaskOutputsOf.Values(0f, 0f, 1f), out var done).Value;
        Assert.Equal(0.03396426807716706, state[0], 5);
        Assert.Equal(0.014028356136744108, state[1], 5);
        Assert.Equal(-0.175464650251537, state[2], 4);
        Assert.Equal(0.4197156022652691, state[3], 4);
        Assert.Equal((-1f, 0f), (reward, done.Value));
    }

    [Fact]
    public void Acrobot_ReachingTheLine_EndsWithRewardZero()
    {
        var task = new Acrobot();
        var state = new TaskStepper<Acrobot>(task, 3.1f, 0f, 0f, 0f); // hanging straight up: height 2
        float reward = state.Step(TaskOutputsOf.Values(0f, 1f, 0f), out var done).Value;
        Assert.Equal((0f, 1f), (reward, done.Value));
    }
}
