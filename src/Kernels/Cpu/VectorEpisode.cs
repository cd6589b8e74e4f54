using Wann.Kernels.Tasks;

namespace Wann.Kernels.Cpu;

/// <summary>
/// Episode data for one vector of lanes: lane i reads the repetition its offset names
/// (<paramref name="laneOffsets"/>[<paramref name="first"/> + i], kept by <see cref="RolloutScratch"/> as lanes
/// are repacked), so a vector may mix repetitions.
/// </summary>
public readonly struct VectorEpisode(float[] values, int[] laneOffsets, int first) : IEpisodeView<VectorLane>
{
    public VectorLane this[int index]
    {
        get
        {
            int width = VectorLane.Count;
            Span<float> gathered = stackalloc float[width];
            for (int i = 0; i < width; i++) gathered[i] = values[laneOffsets[first + i] + index];
            return VectorLane.Load(gathered);
        }
    }

    public VectorLane Gather(VectorLane index)
    {
        int width = VectorLane.Count;
        Span<float> gathered = stackalloc float[width];
        for (int i = 0; i < width; i++) gathered[i] = values[laneOffsets[first + i] + (int)index[i]];
        return VectorLane.Load(gathered);
    }

    public VectorLane Shared(int index) => VectorLane.From(values[index]);
}
