using Wann.Kernels.Tasks;

namespace Wann.Kernels.Tests.Tasks;

/// <summary>Gym's MountainCarContinuous-v0: one step against Gym's values, the goal's reward and the left wall.</summary>
public sealed class MountainCarTests
{
    [Fact]
    public void MountainCar_Step_MatchesGym_AndTheGoalPays100()
    {
        var task = new MountainCarContinuous();
        var state = new TaskStepper<MountainCarContinuous>(task, -0.5f, 0.01f);
        float reward = state.Step(TaskOutputsOf.Values(0.5f), out var done).Value;
        Assert.Equal(-0.4894268430041693, state[0], 5);
        Assert.Equal(0.010573156995830744, state[1], 5);
        Assert.Equal(-0.025, reward, 5);
        Assert.Equal(0f, done.Value);

        var near = new TaskStepper<MountainCarContinuous>(task, 0.44f, 0.05f);
        float goal = near.Step(TaskOutputsOf.Values(3f), out var reached).Value;
        Assert.Equal(1f, reached.Value);
        Assert.Equal(100 - 0.1, goal, 4); // the force is clipped to 1 before it is charged
    }

    [Fact]
    public void MountainCar_StopsAtTheLeftWall()
    {
        var task = new MountainCarContinuous();
        var state = new TaskStepper<MountainCarContinuous>(task, -1.19f, -0.05f);
        state.Step(TaskOutputsOf.Values(-1f), out _);
        Assert.Equal(-1.2f, state[0]);
        Assert.Equal(0f, state[1]);
    }
}
