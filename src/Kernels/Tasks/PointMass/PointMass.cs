using Wann.Engine.Activations;
using Wann.Engine.Genomes;
using Wann.Engine.Lanes;
using Wann.Engine.Tasks;

namespace Wann.Kernels.Tasks;

/// <summary>
/// The worked example of a task (see docs/ARCHITECTURE.md): push a point mass in the plane to a target.
/// Two outputs, each clipped to [-1, 1], are the force along x and y; drag 0.1, Euler steps of 0.05.
/// Observation: the offset to the target and the velocity. Reward: minus the squared distance after each
/// step; the episode ends when the mass is within 0.05 of the target (200 steps at most).
/// Episode data: start position and target, each uniform in [-1, 1]^2; the target is read from the
/// episode, not copied into the state, which shows per-episode data shared by lanes.
/// </summary>
public readonly struct PointMass : IRolloutTask
{
    public static TaskSpec Spec { get; } = new("pointmass", new NetworkShape(4, 2), ActivationSets.Control, 200,
        new[] { "dx", "dy", "vx", "vy" }, new[] { "force x", "force y" }, CanRun: true)
    {
        // Minus the squared distance: speed stays under 10 (force 1, drag 0.1), so in 200 steps of 0.05 the
        // mass moves at most 100 along each axis from a start within 2 of the target: distance^2 <= 2 x 102^2.
        Rewards = new RewardRange(-2 * 102.0 * 102.0, 0),
    };

    public const float Dt = 0.05f, Drag = 0.1f, Reach = 0.05f;

    /// <summary>State slots.</summary>
    private const int X = 0, Y = 1, VelocityX = 2, VelocityY = 3;

    /// <summary>Episode data.</summary>
    private const int StartX = 0, StartY = 1, TargetX = 2, TargetY = 3;
    public int StateSize => 4;
    public int EpisodeSize => 4;

    public void WriteEpisode(ulong seed, long generation, int repetition, Span<float> episode)
        => UniformStart.Fill(episode, seed, generation, repetition, low: -1, width: 2);

    public void Reset<T, TState, TEpisode>(ref TState state, in TEpisode episode)
        where T : struct, ILane<T> where TState : struct, ILaneState<T> where TEpisode : struct, IEpisodeView<T>
    {
        state[X] = episode[StartX];
        state[Y] = episode[StartY];
        state[VelocityX] = T.From(0f);
        state[VelocityY] = T.From(0f);
    }

    public T Observation<T, TState, TEpisode>(ref TState state, in TEpisode episode, int index)
        where T : struct, ILane<T> where TState : struct, ILaneState<T> where TEpisode : struct, IEpisodeView<T> => index switch
    {
        0 => episode[TargetX] - state[X],
        1 => episode[TargetY] - state[Y],
        2 => state[VelocityX],
        _ => state[VelocityY],
    };

    public T Step<T, TState, TEpisode>(ref TState state, in TEpisode episode, in TaskOutputs<T> outputs, out T done)
        where T : struct, ILane<T> where TState : struct, ILaneState<T> where TEpisode : struct, IEpisodeView<T>
    {
        T dt = T.From(Dt), drag = T.From(Drag);
        T vx = state[VelocityX] + (LaneMath.Clamp(outputs.O0, -1f, 1f) - drag * state[VelocityX]) * dt;
        T vy = state[VelocityY] + (LaneMath.Clamp(outputs.O1, -1f, 1f) - drag * state[VelocityY]) * dt;
        T x = state[X] + vx * dt;
        T y = state[Y] + vy * dt;
        state[X] = x;
        state[Y] = y;
        state[VelocityX] = vx;
        state[VelocityY] = vy;

        T dx = episode[TargetX] - x, dy = episode[TargetY] - y;
        T distance2 = dx * dx + dy * dy;
        done = T.IfPositive(T.From(Reach * Reach) - distance2, T.From(1f), T.From(0f));
        return -distance2;
    }
}
