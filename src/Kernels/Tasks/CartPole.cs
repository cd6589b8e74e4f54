using System.Runtime.CompilerServices;
using Wann.Engine.Lanes;
using Wann.Engine.Randomness;

namespace Wann.Kernels.Tasks;

/// <summary>
/// Gym's CartPole-v1: keep a pole upright by pushing the cart left or right. Two outputs, the larger one
/// picks the push (0 = left, 1 = right, force 10). Euler integration with tau 0.02; reward 1 for every
/// step, the last one included; done when |x| &gt; 2.4 or |theta| &gt; 12 degrees (500 steps at most).
/// State slots: S0 x, S1 x_dot, S2 theta, S3 theta_dot. Start: each uniform in [-0.05, 0.05].
/// </summary>
public readonly struct CartPole : IRolloutTask
{
    public const float Gravity = 9.8f, CartMass = 1.0f, PoleMass = 0.1f, HalfLength = 0.5f, ForceMagnitude = 10f, Tau = 0.02f;
    public const float XLimit = 2.4f, ThetaLimit = 12f * 2f * MathF.PI / 360f;

    public int StartSize => 4;

    public float StartComponent(ulong seed, long generation, int repetition, int component) =>
        (float)(-0.05 + 0.1 * CounterRandom.Uniform(seed, (ulong)generation, (ulong)repetition, (ulong)component));

    public void Reset<T>(ref TaskState<T> state, in TaskStart<T> start) where T : struct, ILane<T> => state.LoadStart(start);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Observation<T>(in TaskState<T> state, int index) where T : struct, ILane<T> => index switch
    {
        0 => state.S0,
        1 => state.S1,
        2 => state.S2,
        _ => state.S3,
    };

    public T Step<T>(ref TaskState<T> state, in TaskOutputs<T> outputs, out T done) where T : struct, ILane<T>
    {
        T x = state.S0, xDot = state.S1, theta = state.S2, thetaDot = state.S3;
        T push = LaneChoice.ArgMax(outputs, 2);
        T force = T.IfPositive(push, T.From(ForceMagnitude), T.From(-ForceMagnitude));
        LaneMath.SinCos(theta, out T sin, out T cos);

        const float totalMass = CartMass + PoleMass;
        const float poleMassLength = PoleMass * HalfLength;
        T temp = (force + T.From(poleMassLength) * thetaDot * thetaDot * sin) / T.From(totalMass);
        T thetaAcc = (T.From(Gravity) * sin - cos * temp) / (T.From(HalfLength) * (T.From(4f / 3f) - T.From(PoleMass) * cos * cos / T.From(totalMass)));
        T xAcc = temp - T.From(poleMassLength) * thetaAcc * cos / T.From(totalMass);

        T tau = T.From(Tau);
        state.S0 = x + tau * xDot;
        state.S1 = xDot + tau * xAcc;
        state.S2 = theta + tau * thetaDot;
        state.S3 = thetaDot + tau * thetaAcc;

        T outside = LaneMath.Beyond(state.S0, XLimit) + LaneMath.Beyond(state.S2, ThetaLimit);
        done = T.IfPositive(outside, T.From(1f), T.From(0f));
        return T.From(1f);
    }
}
