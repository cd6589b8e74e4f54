using System.Runtime.CompilerServices;
using Wann.Engine.Activations;
using Wann.Engine.Genomes;
using Wann.Engine.Lanes;
using Wann.Engine.Randomness;
using Wann.Engine.Tasks;

namespace Wann.Kernels.Tasks;

/// <summary>
/// Cart-pole swing-up as the original release's <c>cartpole_swingup.py</c> defines it: explicit Euler with
/// positions updated from the old velocities, reward ((cos theta + 1) / 2) * cos((x / 2.4) * (pi / 2)),
/// done when |x| &gt; 2.4 (the episode length is the backend's business). State: x, x_dot,
/// theta, theta_dot, cos theta, sin theta (kept so each step needs one sin and one cos).
/// </summary>
public readonly struct CartPoleSwingUp : IRolloutTask
{
    private static readonly string[] Inputs = { "x", "x_dot", "cos(theta)", "sin(theta)", "theta_dot" };

    /// <summary>The original's <c>swingup</c>: 1000 steps.</summary>
    public static TaskSpec Spec { get; } = new("swingup", new NetworkShape(5, 1), ActivationSets.Control, 1000, Inputs, new[] { "force" }, CanRun: true)
    {
        // ((cos theta + 1) / 2) in [0, 1] times a cosine in [-1, 1].
        Rewards = new RewardRange(-1, 1),
    };

    /// <summary>The original's <c>swingup_hard</c>: the same physics over 200 steps.</summary>
    public static TaskSpec HardSpec { get; } = Spec with { Name = "swingup_hard", EpisodeLength = 200 };

    public const float Gravity = 9.82f;
    public const float CartMass = 0.5f;
    public const float PoleMass = 0.5f;
    public const float PoleLength = 0.6f;
    public const float ForceMagnitude = 10f;
    public const float Dt = 0.01f;
    public const float Friction = 0.1f;
    public const float XLimit = 2.4f;
    public const float StartStdDev = 0.2f;

    /// <summary>State slots.</summary>
    private const int X = 0, XDot = 1, Theta = 2, ThetaDot = 3, CosTheta = 4, SinTheta = 5;
    public int StateSize => 6;
    public int EpisodeSize => 4;

    public void WriteEpisode(ulong seed, long generation, int repetition, Span<float> episode)
    {
        for (int c = 0; c < episode.Length; c++) episode[c] = StartComponent(seed, generation, repetition, c);
    }

    private static float StartComponent(ulong seed, long generation, int repetition, int component)
    {
        double mean = component == 2 ? Math.PI : 0.0;
        return (float)(mean + StartStdDev * CounterRandom.StandardNormal(seed, (ulong)generation, (ulong)repetition, (ulong)component));
    }

    public void Reset<T, TState, TEpisode>(ref TState state, in TEpisode episode)
        where T : struct, ILane<T> where TState : struct, ILaneState<T> where TEpisode : struct, IEpisodeView<T>
    {
        state[X] = episode[X];
        state[XDot] = episode[XDot];
        state[Theta] = episode[Theta];
        state[ThetaDot] = episode[ThetaDot];
        LaneMath.SinCos(episode[Theta], out T sin, out T cos);
        state[SinTheta] = sin;
        state[CosTheta] = cos;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Observation<T, TState, TEpisode>(ref TState state, in TEpisode episode, int index)
        where T : struct, ILane<T> where TState : struct, ILaneState<T> where TEpisode : struct, IEpisodeView<T> => index switch
    {
        0 => state[X],
        1 => state[XDot],
        2 => state[CosTheta],
        3 => state[SinTheta],
        _ => state[ThetaDot],
    };

    public T Step<T, TState, TEpisode>(ref TState state, in TEpisode episode, in TaskOutputs<T> outputs, out T done)
        where T : struct, ILane<T> where TState : struct, ILaneState<T> where TEpisode : struct, IEpisodeView<T>
    {
        T x = state[X], xDot = state[XDot], theta = state[Theta], thetaDot = state[ThetaDot], c = state[CosTheta], s = state[SinTheta];
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

        state[X] = x;
        state[XDot] = xDot;
        state[Theta] = theta;
        state[ThetaDot] = thetaDot;
        state[CosTheta] = c;
        state[SinTheta] = s;

        done = LaneMath.Beyond(x, XLimit);
        T rewardTheta = (c + T.From(1f)) * T.From(0.5f);
        // cos((x / 2.4) (pi / 2)) = cospi(x / 4.8): the cheaper reduction on x itself.
        T rewardX = LaneMath.CosPi(x * T.From(0.5f / XLimit));
        return rewardTheta * rewardX;
    }
}
