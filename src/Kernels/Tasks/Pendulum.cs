using System.Runtime.CompilerServices;
using Wann.Engine.Lanes;
using Wann.Engine.Randomness;

namespace Wann.Kernels.Tasks;

/// <summary>
/// Gym's Pendulum-v1: swing a pendulum up and hold it. One output, clipped to [-1, 1] and scaled by the
/// maximum torque 2. Observation cos theta, sin theta, theta_dot; reward -(angle^2 + 0.1 theta_dot^2 +
/// 0.001 torque^2) with the angle normalised to [-pi, pi); 200 steps, no early end.
/// State slots: S0 theta, S1 theta_dot. Start: theta uniform in [-pi, pi], theta_dot uniform in [-1, 1].
/// </summary>
public readonly struct Pendulum : IRolloutTask
{
    public const float Gravity = 10f, Mass = 1f, Length = 1f, Dt = 0.05f, MaxSpeed = 8f, MaxTorque = 2f;

    public int StartSize => 2;

    public float StartComponent(ulong seed, long generation, int repetition, int component)
    {
        double u = CounterRandom.Uniform(seed, (ulong)generation, (ulong)repetition, (ulong)component);
        return component == 0 ? (float)(-Math.PI + 2 * Math.PI * u) : (float)(-1 + 2 * u);
    }

    public void Reset<T>(ref TaskState<T> state, in TaskStart<T> start) where T : struct, ILane<T> => state.LoadStart(start);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Observation<T>(in TaskState<T> state, int index) where T : struct, ILane<T> => index switch
    {
        0 => LaneMath.Cos(state.S0),
        1 => LaneMath.Sin(state.S0),
        _ => state.S1,
    };

    public T Step<T>(ref TaskState<T> state, in TaskOutputs<T> outputs, out T done) where T : struct, ILane<T>
    {
        T torque = LaneMath.Clamp(outputs.O0, -1f, 1f) * T.From(MaxTorque);
        T theta = state.S0, thetaDot = state.S1;
        T angle = LaneChoice.WrapAngle(theta);
        T cost = angle * angle + T.From(0.1f) * thetaDot * thetaDot + T.From(0.001f) * torque * torque;

        T newThetaDot = thetaDot + (T.From(3f * Gravity / (2f * Length)) * LaneMath.Sin(theta) + T.From(3f / (Mass * Length * Length)) * torque) * T.From(Dt);
        newThetaDot = LaneMath.Clamp(newThetaDot, -MaxSpeed, MaxSpeed);
        state.S0 = theta + newThetaDot * T.From(Dt);
        state.S1 = newThetaDot;
        done = T.From(0f);
        return -cost;
    }
}
