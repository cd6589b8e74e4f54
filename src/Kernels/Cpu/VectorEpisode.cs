using System.Numerics;
using System.Runtime.CompilerServices;
using Wann.Kernels.Tasks;

namespace Wann.Kernels.Cpu;

/// <summary>
/// Episode data for one vector of lanes: lane i reads the repetition its offset names
/// (<paramref name="laneOffsets"/>[<paramref name="first"/> + i], kept by <see cref="RolloutScratch"/> as lanes
/// are repacked), so a vector may mix repetitions.
/// </summary>
public readonly struct VectorEpisode(float[] values, int[] laneOffsets, int first) : IEpisodeView<VectorLane>
{
    private readonly Vector<int> _offsets = new(laneOffsets, first);

    public VectorLane this[int index]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => LaneGather.Load(values, _offsets + new Vector<int>(index));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public VectorLane Gather(VectorLane index) => LaneGather.Load(values, _offsets + Vector.ConvertToInt32(index.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public VectorLane Shared(int index) => VectorLane.From(values[index]);
}
