using System.Runtime.CompilerServices;
using Wann.Engine.Lanes;

namespace Wann.Kernels.Tasks;

/// <summary>Network outputs handed to a task's step: up to four of them (fields, as device code has no arrays of generic structs), and which lanes no longer count.</summary>
public struct TaskOutputs<T> where T : struct, ILane<T>
{
    public T O0, O1, O2, O3;

    /// <summary>
    /// A mask of the lanes whose step nobody reads (their episode ended, or they pad a SIMD vector): their reward
    /// and done are ignored, so a task may skip work for them. False in every lane unless a backend sets it.
    /// </summary>
    public T Ended;

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
