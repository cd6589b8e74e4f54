using System.Runtime.CompilerServices;
using Wann.Engine.Lanes;
using Wann.Engine.Randomness;

namespace Wann.Kernels.Tasks;

/// <summary>
/// Cart-pole swing-up as the original release's <c>cartpole_swingup.py</c> defines it: explicit Euler with
/// positions updated from the old velocities, reward ((cos theta + 1) / 2) * cos((x / 2.4) * (pi / 2)),
/// done when |x| &gt; 2.4 (the episode length is the backend's business). State slots: S0 x, S1 x_dot,
/// S2 theta, S3 theta_dot, S4 cos theta, S5 sin theta (kept so each step needs one sin and one cos).
/// </summary>
public readonly struct CartPoleSwingUp : IRolloutTask
{
    public const float Gravity = 9.82f;
    public const float CartMass = 0.5f;
    public const float PoleMass = 0.5f;
    public const float PoleLength = 0.6f;
    public const float ForceMagnitude = 10f;
    public const float Dt = 0.01f;
    public const float Friction = 0.1f;
    public const float XLimit = 2.4f;
    public const float StartStdDev = 0.2f;

    public int StartSize => 4;

    public float StartComponent(ulong seed, long generation, int repetition, int component)
    {
        double mean = component == 2 ? Math.PI : 0.0;
        return (float)(mean + StartStdDev * CounterRandom.StandardNormal(seed, (ulong)generation, (ulong)repetition, (ulong)component));
    }

    public void Reset<T>(ref TaskState<T> state, in TaskStart<T> start) where T : struct, ILane<T>
    {
        state.LoadStart(start);
        LaneMath.SinCos(start.V2, out state.S5, out state.S4);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Observation<T>(in TaskState<T> state, int index) where T : struct, ILane<T> => index switch
    {
        0 => state.S0,
        1 => state.S1,
        2 => state.S4,
        3 => state.S5,
        _ => state.S3,
    };

    public T Step<T>(ref TaskState<T> state, in TaskOutputs<T> outputs, out T done) where T : struct, ILane<T>
    {
        T x = state.S0, xDot = state.S1, theta = state.S2, thetaDot = state.S3, c = state.S4, s = state.S5;
        T force = LaneMath.Clamp(outputs.O0, -1f, 1f) * T.From(ForceMagnitude);

        const float totalMass = CartMass + PoleMass;
        const float massLength = PoleMass * PoleLength;
        T thetaDot2 = thetaDot * thetaDot;
        T frictionForce = T.From(Friction) * xDot;
        // Both denominators are (4 m - 3 m_p c^2), the second times l: one division serves both.
        T inverse = T.From(1f) / (T.From(4f * totalMass) - T.From(3f * PoleMass) * c * c);
        T xAcc = (T.From(-2f * massLength) * thetaDot2 * s + T.From(3f * PoleMass * Gravity) * s * c
                  + T.From(4f) * force - T.From(4f) * frictionForce) * inverse;
        // 1/l joins the inverse, not the product: ILGPU folds (a * c1) * c2 into a * (c1 * c2), which would
        // merge 1/l with dt below and round differently from the CPU backends.
        T inverseLength = inverse * T.From(1f / PoleLength);
        T thetaAcc = (T.From(-3f * massLength) * thetaDot2 * s * c + T.From(6f * totalMass * Gravity) * s
                      + T.From(6f) * (force - frictionForce) * c) * inverseLength;

        T dt = T.From(Dt);
        x = x + xDot * dt;
        theta = theta + thetaDot * dt;
        xDot = xDot + xAcc * dt;
        thetaDot = thetaDot + thetaAcc * dt;
        LaneMath.SinCos(theta, out s, out c);

        state.S0 = x;
        state.S1 = xDot;
        state.S2 = theta;
        state.S3 = thetaDot;
        state.S4 = c;
        state.S5 = s;

        done = LaneMath.Beyond(x, XLimit);
        T rewardTheta = (c + T.From(1f)) * T.From(0.5f);
        // cos((x / 2.4) (pi / 2)) = cospi(x / 4.8): the cheaper reduction on x itself.
        T rewardX = LaneMath.CosPi(x * T.From(0.5f / XLimit));
        return rewardTheta * rewardX;
    }
}
