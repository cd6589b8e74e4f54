using System.Runtime.CompilerServices;
using Wann.Kernels.Tasks;

namespace Wann.Kernels.Cpu;

/// <summary>The task state of one vector of lanes: its slots are consecutive vectors of a scratch array.</summary>
public readonly struct VectorState(VectorLane[] slots, int first) : ILaneState<VectorLane>
{
    public VectorLane this[int slot]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => slots[first + slot];
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        set => slots[first + slot] = value;
    }

    public VectorLane Gather(VectorLane slot)
    {
        int width = VectorLane.Count;
        Span<float> gathered = stackalloc float[width];
        for (int i = 0; i < width; i++) gathered[i] = Element((int)slot[i], i);
        return VectorLane.Load(gathered);
    }

    public void Scatter(VectorLane slot, VectorLane value, VectorLane mask)
    {
        if (!VectorLane.Any(mask)) return;
        for (int i = 0; i < VectorLane.Count; i++)
            if (BitConverter.SingleToInt32Bits(mask[i]) != 0) Element((int)slot[i], i) = value[i];
    }

    // Lane i of slot s; the vector index is bounds-checked, the lane is below the width by construction.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ref float Element(int slot, int lane) => ref Unsafe.Add(ref Unsafe.As<VectorLane, float>(ref slots[first + slot]), lane);
}
