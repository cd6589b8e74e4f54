using ILGPU;
using Wann.Engine.Lanes;
using Wann.Kernels.Tasks;

namespace Wann.Kernels.Gpu;

/// <summary>The episode data of the repetition a thread runs, read from the uploaded <see cref="EpisodeTable"/>.</summary>
public readonly struct DeviceEpisode(ArrayView<float> values, int offset) : IEpisodeView<FloatLane>
{
    public FloatLane this[int index] => new(values[offset + index]);

    public FloatLane Gather(FloatLane index) => new(values[offset + (int)index.Value]);

    public FloatLane Shared(int index) => new(values[index]);
}
