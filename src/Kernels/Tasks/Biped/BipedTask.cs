using Wann.Engine.Activations;
using Wann.Engine.Datasets;
using Wann.Engine.Genomes;
using Wann.Engine.Lanes;
using Wann.Engine.Tasks;
using Wann.Kernels.Tasks.Biped.Lanes;

namespace Wann.Kernels.Tasks.Biped;

/// <summary>
/// gym's BipedalWalker-v2 as the WANN release ran it (normal terrain, no fall penalty, 1600 steps at most), as a
/// rollout task: <see cref="LaneWorld{T, TState, TEpisode, TTrig}"/> (Box2D's operations in Box2D's order, in
/// the lane's state slots) on terrains drawn with the original algorithm from the engine's counter-based
/// generator. Registered as <c>biped</c> with <see cref="LaneTrig"/>; with <see cref="GlibcTrig"/> (host only)
/// it replays the recorded episodes. Outputs: hip 0, knee 0, hip 1, knee 1, each setting its motor's speed
/// from the sign and its torque from the magnitude (clipped to 1; NaN counts as 0).
/// Observations and rewards are float; the original computed them in double from the same float32 state.
/// </summary>
public readonly struct BipedTask<TTrig> : IRolloutTask where TTrig : struct, ITrig
{
    /// <summary>The task's spec: 24 observations, 4 motor outputs, 1600 steps.</summary>
    public static TaskSpec Spec { get; } = new("biped", new NetworkShape(24, 4), ActivationSets.Control, BipedConstants.BipedLimit,
        ClassificationTasks.Numbered("in", 24), new[] { "hip1", "knee1", "hip2", "knee2" }, CanRun: true);

    /// <inheritdoc/>
    public int StateSize => BipedLayout.StateSize;

    /// <inheritdoc/>
    public int EpisodeSize => BipedLayout.EpisodeSize;

    /// <summary>Terrain, clouds (drawn and dropped, as the original draws them between terrain and push) and push of one repetition.</summary>
    public static GeneratedTerrain Terrain(ulong seed, long generation, int repetition) =>
        TerrainGenerator.Generate(new CounterBipedRandom(seed, generation, repetition));

    /// <inheritdoc/>
    public void WriteEpisode(ulong seed, long generation, int repetition, Span<float> episode)
    {
        GeneratedTerrain generated = Terrain(seed, generation, repetition);
        BipedEpisodeData.Write(generated.Terrain, generated.InitialForceX, episode);
    }

    /// <inheritdoc/>
    public void Reset<T, TState, TEpisode>(ref TState state, in TEpisode episode)
        where T : struct, ILane<T> where TState : struct, ILaneState<T> where TEpisode : struct, IEpisodeView<T>
    {
        var world = new LaneWorld<T, TState, TEpisode, TTrig>(state, episode);
        world.Reset();
        state = world.State;
    }

    /// <inheritdoc/>
    public T Observation<T, TState, TEpisode>(ref TState state, in TEpisode episode, int index)
        where T : struct, ILane<T> where TState : struct, ILaneState<T> where TEpisode : struct, IEpisodeView<T> =>
        state[BipedLayout.Observations + index];

    /// <inheritdoc/>
    public T Step<T, TState, TEpisode>(ref TState state, in TEpisode episode, in TaskOutputs<T> outputs, out T done)
        where T : struct, ILane<T> where TState : struct, ILaneState<T> where TEpisode : struct, IEpisodeView<T>
    {
        var world = new LaneWorld<T, TState, TEpisode, TTrig>(state, episode);
        T cost = T.From(0f);
        for (int k = 0; k < 4; k++)
        {
            T action = outputs[k];
            T magnitude = Clip01(action);
            world.SetMotor(k, MotorSpeed(k, action), T.From(80f) * magnitude);
            cost += T.From(0.028f) * magnitude; // 0.00035 x MOTORS_TORQUE
        }
        T reward = world.EnvStep(cost, T.Not(outputs.Ended), out T ended);
        state = world.State;
        done = T.Select(ended, T.From(1f), T.From(0f));
        return reward;
    }

    /// <summary>SPEED_HIP or SPEED_KNEE times numpy's sign of the action (0 for 0 and NaN), per lane.</summary>
    public static T MotorSpeed<T>(int joint, T action) where T : struct, ILane<T>
    {
        T speed = T.From((joint & 1) == 0 ? 4f : 6f);
        T zero = T.From(0f);
        return T.Select(T.Greater(action, zero), speed, T.Select(T.Less(action, zero), -speed, zero));
    }

    /// <summary>|action| clipped to [0, 1], per lane; NaN gives 0 (a NaN torque would poison the world).</summary>
    public static T Clip01<T>(T action) where T : struct, ILane<T>
    {
        T magnitude = T.Abs(action);
        T one = T.From(1f);
        magnitude = T.Select(T.Greater(magnitude, one), one, magnitude);
        return T.Select(T.Greater(magnitude, T.From(0f)), magnitude, T.From(0f));
    }
}
