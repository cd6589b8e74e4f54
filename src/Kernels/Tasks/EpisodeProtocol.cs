using System.Runtime.CompilerServices;
using Wann.Engine.Lanes;

namespace Wann.Kernels.Tasks;

/// <summary>
/// Where a backend keeps a lane's (or a lane vector's) network values: the protocol writes the task's
/// observations into the inputs and reads the actions from the outputs. The backend decides where they live
/// (arrays, SIMD blocks, shared or global GPU memory) and runs the forward pass between the two.
/// </summary>
public interface INetworkValues<T> where T : struct, ILane<T>
{
    void SetInput(int index, T value);
    T Output(int index);
}

/// <summary>A lane's running totals over an episode: reward, steps taken, and 1 while the episode goes on (0 after).</summary>
public struct EpisodeTally<T> where T : struct, ILane<T>
{
    public T Reward, Steps, Alive;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static EpisodeTally<T> Start(T alive) => new() { Reward = T.From(0f), Steps = T.From(0f), Alive = alive };
}

/// <summary>
/// The episode protocol every backend runs, written once over the lane type: observe, (the backend's forward
/// pass), act and step, then count the step's reward and the step itself only where the lane was alive, and
/// end the lane where the task says done. Device code: the GPU kernels call it as the CPU paths do.
/// </summary>
public static class EpisodeProtocol
{
    /// <summary>The task's <paramref name="inputCount"/> observations of the current state, into the network's inputs.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Observe<TTask, T, TState, TEpisode, TValues>(TTask task, ref TState state, in TEpisode episode, int inputCount, ref TValues values)
        where TTask : struct, IRolloutTask
        where T : struct, ILane<T>
        where TState : struct, ILaneState<T>
        where TEpisode : struct, IEpisodeView<T>
        where TValues : struct, INetworkValues<T>
    {
        for (int k = 0; k < inputCount; k++) values.SetInput(k, task.Observation<T, TState, TEpisode>(ref state, episode, k));
    }

    /// <summary>
    /// Hands the network's first outputs (at most <see cref="TaskOutputs{T}.Capacity"/>; the registry refuses tasks
    /// with more) to the task's step, with the lanes that no longer count marked, and folds the step into
    /// <paramref name="tally"/>. Returns the step's reward as the task gave it (every lane).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Step<TTask, T, TState, TEpisode, TValues>(TTask task, ref TState state, in TEpisode episode, in TValues values, int outputCount, ref EpisodeTally<T> tally)
        where TTask : struct, IRolloutTask
        where T : struct, ILane<T>
        where TState : struct, ILaneState<T>
        where TEpisode : struct, IEpisodeView<T>
        where TValues : struct, INetworkValues<T>
    {
        var outputs = new TaskOutputs<T>();
        for (int o = 0; o < outputCount && o < TaskOutputs<T>.Capacity; o++) outputs.Set(o, values.Output(o));
        T zero = T.From(0f);
        outputs.Ended = T.Not(T.Greater(tally.Alive, zero));
        T reward = task.Step(ref state, episode, outputs, out T done);
        Count(ref tally, reward, done);
        return reward;
    }

    /// <summary>Folds one step into the tally: its reward and the step itself where the lane was alive; the lane ends where done.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Count<T>(ref EpisodeTally<T> tally, T reward, T done) where T : struct, ILane<T>
    {
        T zero = T.From(0f);
        tally.Reward += T.IfPositive(tally.Alive, reward, zero);
        tally.Steps += tally.Alive;
        tally.Alive = T.IfPositive(done, zero, tally.Alive);
    }
}
