using Wann.Engine.Lanes;

namespace Wann.Kernels.Tasks;

/// <summary>The data of the episode a lane runs (see <see cref="IRolloutTask.EpisodeSize"/>), read-only.</summary>
public interface IEpisodeView<T> where T : struct, ILane<T>
{
    T this[int index] { get; }
}
