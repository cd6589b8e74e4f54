using System.Runtime.CompilerServices;
using Wann.Engine.Lanes;

namespace Wann.Kernels.Tasks;

/// <summary>
/// A task's per-lane state as fixed fields (device code has no arrays of generic structs); each task
/// names the slots it uses in its own code.
/// </summary>
public struct TaskState<T> where T : struct, ILane<T>
{
    public T S0, S1, S2, S3, S4, S5;

    /// <summary>Slots S0..S3 from the start components V0..V3 (the usual Reset of a task).</summary>
    public void LoadStart(in TaskStart<T> start)
    {
        S0 = start.V0;
        S1 = start.V1;
        S2 = start.V2;
        S3 = start.V3;
    }
}

/// <summary>Network outputs handed to a task's step: up to four of them.</summary>
public struct TaskOutputs<T> where T : struct, ILane<T>
{
    public T O0, O1, O2, O3;

    public readonly T this[int index]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => index switch { 0 => O0, 1 => O1, 2 => O2, _ => O3 };
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Set(int index, T value)
    {
        switch (index)
        {
            case 0: O0 = value; break;
            case 1: O1 = value; break;
            case 2: O2 = value; break;
            default: O3 = value; break;
        }
    }

    public const int Capacity = 4;
}
