using Wann.Engine.Lanes;

namespace Wann.Kernels.Tasks;

/// <summary>
/// A lane's task state as numbered slots. Each backend stores them its own way (registers on the GPU for
/// small states, a device buffer for large ones, vectors on the CPU); tasks name their slots with constants.
/// </summary>
public interface ILaneState<T> where T : struct, ILane<T>
{
    T this[int slot] { get; set; }

    /// <summary>Each lane's value at its own slot (<paramref name="slot"/> holds small integers, one per lane).</summary>
    T Gather(T slot);

    /// <summary>Writes <paramref name="value"/> to each lane's own slot, in the lanes where <paramref name="mask"/> is true (see <see cref="ILane{T}.Select"/>).</summary>
    void Scatter(T slot, T value, T mask);
}
