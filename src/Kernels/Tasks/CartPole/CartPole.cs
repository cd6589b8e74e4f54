using System.Runtime.CompilerServices;
using Wann.Engine.Activations;
using Wann.Engine.Genomes;
using Wann.Engine.Lanes;
using Wann.Engine.Tasks;

namespace Wann.Kernels.Tasks;

/// <summary>
/// Gym's CartPole-v1: keep a pole upright by pushing the cart left or right. Two outputs, the larger one
/// picks the push (0 = left, 1 = right, force 10). Euler integration with tau 0.02; reward 1 for every
/// step, the last one included; done when |x| &gt; 2.4 or |theta| &gt; 12 degrees (500 steps at most).
/// State: x, x_dot, theta, theta_dot. Start: each uniform in [-0.05, 0.05].
/// </summary>
public readonly struct CartPole : IRolloutTask
{
    public static TaskSpec Spec { get; } = new("cartpole", new NetworkShape(4, 2), ActivationSets.Control, 500,
        new[] { "x", "x_dot", "theta", "theta_dot" }, new[] { "left", "right" }, CanRun: true)
    {
        Rewards = new RewardRange(0, 1),
    };

    public const float Gravity = 9.8f, CartMass = 1.0f, PoleMass = 0.1f, HalfLength = 0.5f, ForceMagnitude = 10f, Tau = 0.02f;
    public const float XLimit = 2.4f, ThetaLimit = 12f * 2f * MathF.PI / 360f;

    /// <summary>State slots.</summary>
    private const int X = 0, XDot = 1, Theta = 2, ThetaDot = 3;
    public int StateSize => 4;
    public int EpisodeSize => 4;

    public void WriteEpisode(ulong seed, long generation, int repetition, Span<float> episode)
        => UniformStart.Fill(episode, seed, generation, repetition, low: -0.05, width: 0.1);

    public void Reset<T, TState, TEpisode>(ref TState state, in TEpisode episode)
        where T : struct, ILane<T> where TState : struct, ILaneState<T> where TEpisode : struct, IEpisodeView<T>
    {
        state[X] = episode[X];
        state[XDot] = episode[XDot];
        state[Theta] = episode[Theta];
        state[ThetaDot] = episode[ThetaDot];
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Observation<T, TState, TEpisode>(ref TState state, in TEpisode episode, int index)
        where T : struct, ILane<T> where TState : struct, ILaneState<T> where TEpisode : struct, IEpisodeView<T> => index switch
    {
        0 => state[X],
        1 => state[XDot],
        2 => state[Theta],
        _ => state[ThetaDot],
    };

    public T Step<T, TState, TEpisode>(ref TState state, in TEpisode episode, in TaskOutputs<T> outputs, out T done)
        where T : struct, ILane<T> where TState : struct, ILaneState<T> where TEpisode : struct, IEpisodeView<T>
    {
        T x = state[X], xDot = state[XDot], theta = state[Theta], thetaDot = state[ThetaDot];
        T push = LaneChoice.ArgMax(outputs, 2);
        T force = T.IfPositive(push, T.From(ForceMagnitude), T.From(-ForceMagnitude));
        LaneMath.SinCos(theta, out T sin, out T cos);

        const float totalMass = CartMass + PoleMass;
        const float poleMassLength = PoleMass * HalfLength;
        T temp = (force + T.From(poleMassLength) * thetaDot * thetaDot * sin) / T.From(totalMass);
        T thetaAcc = (T.From(Gravity) * sin - cos * temp) / (T.From(HalfLength) * (T.From(4f / 3f) - T.From(PoleMass) * cos * cos / T.From(totalMass)));
        T xAcc = temp - T.From(poleMassLength) * thetaAcc * cos / T.From(totalMass);

        T tau = T.From(Tau);
        state[X] = x + tau * xDot;
        state[XDot] = xDot + tau * xAcc;
        state[Theta] = theta + tau * thetaDot;
        state[ThetaDot] = thetaDot + tau * thetaAcc;

        T outside = LaneMath.Beyond(state[X], XLimit) + LaneMath.Beyond(state[Theta], ThetaLimit);
        done = T.IfPositive(outside, T.From(1f), T.From(0f));
        return T.From(1f);
    }
}
