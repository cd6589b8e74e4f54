using System.Runtime.CompilerServices;
using Wann.Engine.Activations;
using Wann.Engine.Genomes;
using Wann.Engine.Lanes;
using Wann.Engine.Tasks;

namespace Wann.Kernels.Tasks;

/// <summary>
/// Gym's MountainCarContinuous-v0: drive an underpowered car up the right hill. One output, clipped to
/// [-1, 1], is the force. Reward 100 on reaching position 0.45 (moving right), minus 0.1 x force^2 every
/// step (the clipped force: the network's raw output is unbounded); 999 steps at most.
/// State: position, velocity. Start: position uniform in [-0.6, -0.4], velocity 0.
/// </summary>
public readonly struct MountainCarContinuous : IRolloutTask
{
    public static TaskSpec Spec { get; } = new("mountaincar", new NetworkShape(2, 1), ActivationSets.Control, 999,
        new[] { "position", "velocity" }, new[] { "force" }, CanRun: true)
    {
        // -0.1 x force^2 a step (force clipped to [-1, 1]), and 100 once on reaching the goal.
        Rewards = new RewardRange(-0.1, 0, Bonus: 100),
    };

    public const float Power = 0.0015f, MinPosition = -1.2f, MaxPosition = 0.6f, MaxSpeed = 0.07f, GoalPosition = 0.45f;

    /// <summary>State slots.</summary>
    private const int Position = 0, Velocity = 1;
    public int StateSize => 2;
    public int EpisodeSize => 2;

    public void WriteEpisode(ulong seed, long generation, int repetition, Span<float> episode)
    {
        // Position from U(-0.6, -0.4), velocity 0.
        episode[0] = UniformStart.Component(seed, generation, repetition, 0, low: -0.6, width: 0.2);
        episode[1] = 0f;
    }

    public void Reset<T, TState, TEpisode>(ref TState state, in TEpisode episode)
        where T : struct, ILane<T> where TState : struct, ILaneState<T> where TEpisode : struct, IEpisodeView<T>
    {
        state[Position] = episode[Position];
        state[Velocity] = episode[Velocity];
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Observation<T, TState, TEpisode>(ref TState state, in TEpisode episode, int index)
        where T : struct, ILane<T> where TState : struct, ILaneState<T> where TEpisode : struct, IEpisodeView<T> => index == 0 ? state[Position] : state[Velocity];

    public T Step<T, TState, TEpisode>(ref TState state, in TEpisode episode, in TaskOutputs<T> outputs, out T done)
        where T : struct, ILane<T> where TState : struct, ILaneState<T> where TEpisode : struct, IEpisodeView<T>
    {
        T force = LaneMath.Clamp(outputs.O0, -1f, 1f);
        T position = state[Position], velocity = state[Velocity];
        velocity = velocity + force * T.From(Power) - T.From(0.0025f) * LaneMath.Cos(T.From(3f) * position);
        velocity = LaneMath.Clamp(velocity, -MaxSpeed, MaxSpeed);
        position = LaneMath.Clamp(position + velocity, MinPosition, MaxPosition);
        // At the left wall the car stops.
        T atWall = T.IfPositive(T.From(MinPosition + 1e-7f) - position, T.From(1f), T.From(0f));
        velocity = T.IfPositive(atWall * -velocity, T.From(0f), velocity);
        state[Position] = position;
        state[Velocity] = velocity;

        // Goal: position >= 0.45 and velocity >= 0 (written as "not below").
        T belowGoal = T.IfPositive(T.From(GoalPosition) - position, T.From(1f), T.From(0f));
        T movingLeft = T.IfPositive(-velocity, T.From(1f), T.From(0f));
        done = T.IfPositive(belowGoal + movingLeft, T.From(0f), T.From(1f));
        return done * T.From(100f) - T.From(0.1f) * force * force;
    }
}
