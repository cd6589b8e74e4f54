using System.Runtime.CompilerServices;
using Wann.Engine.Activations;
using Wann.Engine.Genomes;
using Wann.Engine.Lanes;
using Wann.Engine.Tasks;

namespace Wann.Kernels.Tasks;

/// <summary>
/// Gym's Acrobot-v1 ("book" dynamics, RK4 over dt 0.2 as Gym integrates it): swing the tip of a two-link
/// pendulum above the bar. Three outputs, the largest picks the torque -1, 0 or +1 on the second joint.
/// Observation: cos and sin of both angles, both angular velocities. Reward -1 per step, 0 on the step
/// that reaches the goal (-cos t1 - cos(t1 + t2) &gt; 1); 500 steps at most.
/// State: theta1, theta2, dtheta1, dtheta2. Start: each uniform in [-0.1, 0.1].
/// </summary>
public readonly struct Acrobot : IRolloutTask
{
    public static TaskSpec Spec { get; } = new("acrobot", new NetworkShape(6, 3), ActivationSets.Control, 500,
        new[] { "cos(theta1)", "sin(theta1)", "cos(theta2)", "sin(theta2)", "theta1_dot", "theta2_dot" }, new[] { "torque -1", "torque 0", "torque +1" }, CanRun: true)
    {
        // -1 a step, 0 on the step that reaches the goal.
        Rewards = new RewardRange(-1, 0),
    };

    public const float Dt = 0.2f, LinkLength1 = 1f, LinkMass1 = 1f, LinkMass2 = 1f, LinkCom1 = 0.5f, LinkCom2 = 0.5f, LinkMoi = 1f, Gravity = 9.8f;
    public const float MaxVelocity1 = 4f * MathF.PI, MaxVelocity2 = 9f * MathF.PI;

    /// <summary>State slots.</summary>
    private const int Theta1 = 0, Theta2 = 1, Velocity1 = 2, Velocity2 = 3;
    public int StateSize => 4;
    public int EpisodeSize => 4;

    public void WriteEpisode(ulong seed, long generation, int repetition, Span<float> episode)
        => UniformStart.Fill(episode, seed, generation, repetition, low: -0.1, width: 0.2);

    public void Reset<T, TState, TEpisode>(ref TState state, in TEpisode episode)
        where T : struct, ILane<T> where TState : struct, ILaneState<T> where TEpisode : struct, IEpisodeView<T>
    {
        state[Theta1] = episode[Theta1];
        state[Theta2] = episode[Theta2];
        state[Velocity1] = episode[Velocity1];
        state[Velocity2] = episode[Velocity2];
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Observation<T, TState, TEpisode>(ref TState state, in TEpisode episode, int index)
        where T : struct, ILane<T> where TState : struct, ILaneState<T> where TEpisode : struct, IEpisodeView<T> => index switch
    {
        0 => LaneMath.Cos(state[Theta1]),
        1 => LaneMath.Sin(state[Theta1]),
        2 => LaneMath.Cos(state[Theta2]),
        3 => LaneMath.Sin(state[Theta2]),
        4 => state[Velocity1],
        _ => state[Velocity2],
    };

    public T Step<T, TState, TEpisode>(ref TState state, in TEpisode episode, in TaskOutputs<T> outputs, out T done)
        where T : struct, ILane<T> where TState : struct, ILaneState<T> where TEpisode : struct, IEpisodeView<T>
    {
        T torque = LaneChoice.ArgMax(outputs, 3) - T.From(1f);
        T t1 = state[Theta1], t2 = state[Theta2], w1 = state[Velocity1], w2 = state[Velocity2];

        // Classic RK4 over one step of dt, the torque held constant (Gym's rk4 on [0, dt]).
        T h = T.From(Dt), half = T.From(Dt / 2f);
        Derivatives(t1, t2, w1, w2, torque, out T k1a, out T k1b, out T k1c, out T k1d);
        Derivatives(t1 + half * k1a, t2 + half * k1b, w1 + half * k1c, w2 + half * k1d, torque, out T k2a, out T k2b, out T k2c, out T k2d);
        Derivatives(t1 + half * k2a, t2 + half * k2b, w1 + half * k2c, w2 + half * k2d, torque, out T k3a, out T k3b, out T k3c, out T k3d);
        Derivatives(t1 + h * k3a, t2 + h * k3b, w1 + h * k3c, w2 + h * k3d, torque, out T k4a, out T k4b, out T k4c, out T k4d);
        T sixth = T.From(Dt / 6f), two = T.From(2f);
        t1 = t1 + sixth * (k1a + two * k2a + two * k3a + k4a);
        t2 = t2 + sixth * (k1b + two * k2b + two * k3b + k4b);
        w1 = w1 + sixth * (k1c + two * k2c + two * k3c + k4c);
        w2 = w2 + sixth * (k1d + two * k2d + two * k3d + k4d);

        state[Theta1] = LaneChoice.WrapAngle(t1);
        state[Theta2] = LaneChoice.WrapAngle(t2);
        state[Velocity1] = LaneMath.Clamp(w1, -MaxVelocity1, MaxVelocity1);
        state[Velocity2] = LaneMath.Clamp(w2, -MaxVelocity2, MaxVelocity2);

        T height = -LaneMath.Cos(state[Theta1]) - LaneMath.Cos(state[Theta1] + state[Theta2]);
        done = T.IfPositive(height - T.From(1f), T.From(1f), T.From(0f));
        return done - T.From(1f);
    }

    private static void Derivatives<T>(T theta1, T theta2, T dtheta1, T dtheta2, T torque, out T d1, out T d2, out T dd1, out T dd2)
        where T : struct, ILane<T>
    {
        const float m1 = LinkMass1, m2 = LinkMass2, l1 = LinkLength1, lc1 = LinkCom1, lc2 = LinkCom2, i1 = LinkMoi, i2 = LinkMoi, g = Gravity;
        LaneMath.SinCos(theta2, out T sin2, out T cos2);
        T a = T.From(m1 * lc1 * lc1 + m2 * (l1 * l1 + lc2 * lc2) + i1 + i2) + T.From(m2 * 2f * l1 * lc2) * cos2;
        T b = T.From(m2 * lc2 * lc2 + i2) + T.From(m2 * l1 * lc2) * cos2;
        // cos(x - pi/2) = sin(x)
        T phi2 = T.From(m2 * lc2 * g) * LaneMath.Sin(theta1 + theta2);
        T phi1 = T.From(-m2 * l1 * lc2) * dtheta2 * dtheta2 * sin2
                 - T.From(2f * m2 * l1 * lc2) * dtheta2 * dtheta1 * sin2
                 + T.From((m1 * lc1 + m2 * l1) * g) * LaneMath.Sin(theta1)
                 + phi2;
        dd2 = (torque + b / a * phi1 - T.From(m2 * l1 * lc2) * dtheta1 * dtheta1 * sin2 - phi2)
              / (T.From(m2 * lc2 * lc2 + i2) - b * b / a);
        dd1 = -(b * dd2 + phi1) / a;
        d1 = dtheta1;
        d2 = dtheta2;
    }
}
