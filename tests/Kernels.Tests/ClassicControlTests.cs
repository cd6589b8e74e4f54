using Wann.Engine.Evaluation;
using Wann.Engine.Lanes;
using Wann.Engine.Programs;
using Wann.Engine.Search;
using Wann.Engine.Tasks;
using Wann.Kernels.Cpu;
using Wann.Kernels.Reference;
using Wann.Kernels.Tasks;

namespace Wann.Kernels.Tests;

/// <summary>
/// Gym's classic control tasks: one step against values worked out in double precision from Gym's
/// equations (CartPole-v1, Acrobot-v1 with its RK4, MountainCarContinuous-v0, Pendulum-v1), plus
/// termination and reward edge cases.
/// </summary>
public sealed class ClassicControlTests
{
    private static TaskStepper<TTask> Start<TTask>(TTask task, params float[] start) where TTask : struct, IRolloutTask => new(task, start);

    private static TaskOutputs<FloatLane> Outputs(params float[] values)
    {
        var o = new TaskOutputs<FloatLane>();
        for (int i = 0; i < values.Length; i++) o.Set(i, new FloatLane(values[i]));
        return o;
    }

    [Fact]
    public void CartPole_PushRight_MatchesGymsEuler()
    {
        var task = new CartPole();
        var state = Start(task, 0.01f, -0.02f, 0.03f, 0.04f);
        float reward = state.Step(Outputs(0.1f, 0.7f), out var done).Value;
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
        var state = Start(task, 0f, 0f, 0.2094f, 1f);
        float reward = state.Step(Outputs(1f, 0f), out var done).Value;
        Assert.Equal((1f, 1f), (reward, done.Value));
    }

    [Fact]
    public void CartPole_TiedOutputsPushLeft()
    {
        var task = new CartPole();
        var left = Start(task, 0f, 0f, 0f, 0f);
        left.Step(Outputs(0.5f, 0.5f), out _);
        Assert.True(left[3] > 0f); // pushing the cart left tips the pole right
    }

    [Fact]
    public void Acrobot_OneRk4Step_MatchesGym()
    {
        var task = new Acrobot();
        var state = Start(task, 0.05f, -0.03f, 0.02f, 0.01f);
        float reward = state.Step(Outputs(0f, 0f, 1f), out var done).Value;
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
        var state = Start(task, 3.1f, 0f, 0f, 0f); // hanging straight up: height 2
        float reward = state.Step(Outputs(0f, 1f, 0f), out var done).Value;
        Assert.Equal((0f, 1f), (reward, done.Value));
    }

    [Fact]
    public void MountainCar_Step_MatchesGym_AndTheGoalPays100()
    {
        var task = new MountainCarContinuous();
        var state = Start(task, -0.5f, 0.01f);
        float reward = state.Step(Outputs(0.5f), out var done).Value;
        Assert.Equal(-0.4894268430041693, state[0], 5);
        Assert.Equal(0.010573156995830744, state[1], 5);
        Assert.Equal(-0.025, reward, 5);
        Assert.Equal(0f, done.Value);

        var near = Start(task, 0.44f, 0.05f);
        float goal = near.Step(Outputs(3f), out var reached).Value;
        Assert.Equal(1f, reached.Value);
        Assert.Equal(100 - 0.1, goal, 4); // the force is clipped to 1 before it is charged
    }

    [Fact]
    public void MountainCar_StopsAtTheLeftWall()
    {
        var task = new MountainCarContinuous();
        var state = Start(task, -1.19f, -0.05f);
        state.Step(Outputs(-1f), out _);
        Assert.Equal(-1.2f, state[0]);
        Assert.Equal(0f, state[1]);
    }

    [Fact]
    public void Pendulum_Step_MatchesGym_AndNeverEnds()
    {
        var task = new Pendulum();
        var state = Start(task, 1.0f, 0.5f);
        float reward = state.Step(Outputs(0.75f), out var done).Value;
        Assert.Equal(1.0678051619302962, state[0], 5);
        Assert.Equal(1.3561032386059226, state[1], 5);
        Assert.Equal(-1.02725, reward, 5);
        Assert.Equal(0f, done.Value);
    }

    [Fact]
    public void Pendulum_NormalisesTheAngleInTheCost()
    {
        var task = new Pendulum();
        var state = Start(task, 2f * MathF.PI + 0.1f, 0f);
        float reward = state.Step(Outputs(0f), out _).Value;
        Assert.Equal(-0.01, reward, 4);
    }

    public static TheoryData<string> Tasks => new() { "cartpole", "acrobot", "mountaincar", "pendulum", "swingup_hard" };

    [Theory]
    [MemberData(nameof(Tasks))]
    public void SimdBackend_IsIdenticalToTheReferencePath(string name)
    {
        var task = TaskRegistry.Get(name, "test");
        var population = SyntheticPopulation.Grow(task.Shape, 16, 12, 3);
        var batch = ProgramBatch.Compile(population, Engine.Programs.WeightMode.Shared);
        var request = new EvaluationRequest(task with { EpisodeLength = Math.Min(task.EpisodeLength, 120) }, new[] { -1.5f, 0.5f, 2f }, 3, 9, 1);
        var reference = new ReferenceEvaluator().Evaluate(batch, request);
        var fast = new SimdEvaluator().Evaluate(batch, request);
        Assert.Equal(reference.Rewards, fast.Rewards);
        Assert.Equal(reference.StepCount, fast.StepCount);
    }
}
