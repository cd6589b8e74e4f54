using Wann.Engine.Lanes;

namespace Wann.Kernels.Tasks;

/// <summary>The data of the episode a lane runs (see <see cref="IRolloutTask.EpisodeSize"/>), read-only.</summary>
public interface IEpisodeView<T> where T : struct, ILane<T>
{
    T this[int index] { get; }

    /// <summary>Each lane's value at its own index (<paramref name="index"/> holds small integers, one per lane).</summary>
    T Gather(T index);

    /// <summary>
    /// A value that every repetition holds alike (a body's mass, a shape's vertices): read once for all lanes
    /// rather than per lane. The task guarantees the sameness; it is read from the first repetition.
    /// </summary>
    T Shared(int index);
}
