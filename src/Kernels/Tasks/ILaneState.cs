using Wann.Engine.Lanes;

namespace Wann.Kernels.Tasks;

/// <summary>
/// A lane's task state as numbered slots. Each backend stores them its own way (registers on the GPU for
/// small states, a device buffer for large ones, vectors on the CPU); tasks name their slots with constants.
/// </summary>
public interface ILaneState<T> where T : struct, ILane<T>
{
    T this[int slot] { get; set; }
}
