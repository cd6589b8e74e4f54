using Wann.Engine.Lanes;

namespace Wann.Kernels.Tasks;

/// <summary>
/// An episodic control task as device-friendly code: a struct of constants whose generic methods run on
/// any lane type, so the SIMD CPU backend, the scalar reference path and the ILGPU kernels share physics.
/// A lane's state is <see cref="StateSize"/> slots that the backend keeps (registers, vectors or a device
/// buffer); an episode's data (start values, terrain, ...) is <see cref="EpisodeSize"/> floats worked out
/// once per repetition on the host and shared by every lane that runs that repetition. Physics that branches
/// on lane values (contacts, terrain, iterations until converged) is written with masks (<see cref="ILane{T}.Select"/>,
/// <see cref="ILane{T}.Any"/>), so it too runs on whole SIMD vectors.
/// </summary>
public interface IRolloutTask
{
    /// <summary>Slots of per-lane state the task reads and writes through <see cref="ILaneState{T}"/>.</summary>
    int StateSize { get; }

    /// <summary>Floats of data per episode (repetition): start values and anything else the episode shares.</summary>
    int EpisodeSize { get; }

    /// <summary>Host side: the data of repetition <paramref name="repetition"/>, a pure function of its key (common random numbers).</summary>
    void WriteEpisode(ulong seed, long generation, int repetition, Span<float> episode);

    /// <summary>Sets a lane's start state from its episode's data; the slots are zero when it is called, on every backend.</summary>
    void Reset<T, TState, TEpisode>(ref TState state, in TEpisode episode)
        where T : struct, ILane<T> where TState : struct, ILaneState<T> where TEpisode : struct, IEpisodeView<T>;

    /// <summary>Observation component <paramref name="index"/> of the current state.</summary>
    T Observation<T, TState, TEpisode>(ref TState state, in TEpisode episode, int index)
        where T : struct, ILane<T> where TState : struct, ILaneState<T> where TEpisode : struct, IEpisodeView<T>;

    /// <summary>Applies the network's outputs for one time step; returns the step's reward and sets <paramref name="done"/> to 1 where the episode ends (0 elsewhere).</summary>
    T Step<T, TState, TEpisode>(ref TState state, in TEpisode episode, in TaskOutputs<T> outputs, out T done)
        where T : struct, ILane<T> where TState : struct, ILaneState<T> where TEpisode : struct, IEpisodeView<T>;
}
