using Wann.Engine.Lanes;

namespace Wann.Kernels.Tasks;

/// <summary>
/// An episodic control task as device-friendly code: a struct of constants whose generic methods run on
/// any lane type, so the SIMD CPU backend, the scalar reference path and the ILGPU kernels share physics.
/// </summary>
public interface IRolloutTask
{
    /// <summary>Number of start-state components drawn per repetition.</summary>
    int StartSize { get; }

    /// <summary>Start component <paramref name="component"/> of repetition <paramref name="repetition"/>: a pure function of its key.</summary>
    float StartComponent(ulong seed, long generation, int repetition, int component);

    void Reset<T>(ref TaskState<T> state, in TaskStart<T> start) where T : struct, ILane<T>;

    /// <summary>Observation component <paramref name="index"/> of the current state.</summary>
    T Observation<T>(in TaskState<T> state, int index) where T : struct, ILane<T>;

    /// <summary>Applies the network's outputs for one time step; returns the step's reward and sets <paramref name="done"/> to 1 where the episode ends (0 elsewhere).</summary>
    T Step<T>(ref TaskState<T> state, in TaskOutputs<T> outputs, out T done) where T : struct, ILane<T>;
}

/// <summary>A lane's start state: up to four components.</summary>
public struct TaskStart<T> where T : struct, ILane<T>
{
    public T V0, V1, V2, V3;

    public void Set(int index, T value)
    {
        switch (index)
        {
            case 0: V0 = value; break;
            case 1: V1 = value; break;
            case 2: V2 = value; break;
            default: V3 = value; break;
        }
    }

    public const int Capacity = 4;
}
