using Wann.Engine.Lanes;
using Wann.Kernels.Tasks;

namespace Wann.Kernels.Reference;

/// <summary>The episode data of one repetition, read from an <see cref="EpisodeTable"/>.</summary>
public readonly struct ScalarEpisode(EpisodeTable table, int repetition) : IEpisodeView<FloatLane>
{
    private readonly float[] _values = table.Values;
    private readonly int _offset = table.OffsetOf(repetition);

    public FloatLane this[int index] => new(_values[_offset + index]);

    public FloatLane Gather(FloatLane index) => new(_values[_offset + (int)index.Value]);

    public FloatLane Shared(int index) => new(_values[index]);
}
