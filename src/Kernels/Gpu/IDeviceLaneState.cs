using Wann.Engine.Lanes;
using Wann.Kernels.Tasks;

namespace Wann.Kernels.Gpu;

/// <summary>Task state one GPU thread holds (registers or a buffer), zeroed before each episode it runs.</summary>
public interface IDeviceLaneState : ILaneState<FloatLane>
{
    /// <summary>Zeroes slots [0, count): every task starts from zeroed slots, on every backend.</summary>
    void Clear(int count);
}
