using System.Runtime.CompilerServices;
using Wann.Engine.Activations;
using Wann.Engine.Genomes;
using Wann.Engine.Lanes;
using Wann.Engine.Randomness;
using Wann.Engine.Tasks;

namespace Wann.Kernels.Tasks;

/// <summary>
/// Gym's Pendulum-v1: swing a pendulum up and hold it. One output, clipped to [-1, 1] and scaled by the
/// maximum torque 2. Observation cos theta, sin theta, theta_dot; reward -(angle^2 + 0.1 theta_dot^2 +
/// 0.001 torque^2) with the angle normalised to [-pi, pi); 200 steps, no early end.
/// State: theta, theta_dot. Start: theta uniform in [-pi, pi], theta_dot uniform in [-1, 1].
/// </summary>
public readonly struct Pendulum : IRolloutTask
{
    public static TaskSpec Spec { get; } = new("pendulum", new NetworkShape(3, 1), ActivationSets.Control, 200,
        new[] { "cos(theta)", "sin(theta)", "theta_dot" }, new[] { "torque" }, CanRun: true)
    {
        // -(angle^2 + 0.1 theta_dot^2 + 0.001 torque^2): angle wrapped to [-pi, pi], theta_dot in [-8, 8], torque in [-2, 2].
        Rewards = new RewardRange(-(Math.PI * Math.PI + 0.1 * 64 + 0.001 * 4), 0),
    };

    public const float Gravity = 10f, Mass = 1f, Length = 1f, Dt = 0.05f, MaxSpeed = 8f, MaxTorque = 2f;

    /// <summary>State slots.</summary>
    private const int Theta = 0, ThetaDot = 1;
    public int StateSize => 2;
    public int EpisodeSize => 2;

    public void WriteEpisode(ulong seed, long generation, int repetition, Span<float> episode)
    {
        for (int c = 0; c < episode.Length; c++) episode[c] = StartComponent(seed, generation, repetition, c);
    }

    private static float StartComponent(ulong seed, long generation, int repetition, int component)
    {
        double u = CounterRandom.Uniform(seed, (ulong)generation, (ulong)repetition, (ulong)component);
        return component == 0 ? (float)(-Math.PI + 2 * Math.PI * u) : (float)(-1 + 2 * u);
    }

    public void Reset<T, TState, TEpisode>(ref TState state, in TEpisode episode)
        where T : struct, ILane<T> where TState : struct, ILaneState<T> where TEpisode : struct, IEpisodeView<T>
    {
        state[Theta] = episode[Theta];
        state[ThetaDot] = episode[ThetaDot];
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Observation<T, TState, TEpisode>(ref TState state, in TEpisode episode, int index)
        where T : struct, ILane<T> where TState : struct, ILaneState<T> where TEpisode : struct, IEpisodeView<T> => index switch
    {
        0 => LaneMath.Cos(state[Theta]),
        1 => LaneMath.Sin(state[Theta]),
        _ => state[ThetaDot],
    };

    public T Step<T, TState, TEpisode>(ref TState state, in TEpisode episode, in TaskOutputs<T> outputs, out T done)
        where T : struct, ILane<T> where TState : struct, ILaneState<T> where TEpisode : struct, IEpisodeView<T>
    {
        T torque = LaneMath.Clamp(outputs.O0, -1f, 1f) * T.From(MaxTorque);
        T theta = state[Theta], thetaDot = state[ThetaDot];
        T angle = LaneChoice.WrapAngle(theta);
        T cost = angle * angle + T.From(0.1f) * thetaDot * thetaDot + T.From(0.001f) * torque * torque;

        T newThetaDot = thetaDot + (T.From(3f * Gravity / (2f * Length)) * LaneMath.Sin(theta) + T.From(3f / (Mass * Length * Length)) * torque) * T.From(Dt);
        newThetaDot = LaneMath.Clamp(newThetaDot, -MaxSpeed, MaxSpeed);
        state[Theta] = theta + newThetaDot * T.From(Dt);
        state[ThetaDot] = newThetaDot;
        done = T.From(0f);
        return -cost;
    }
}
