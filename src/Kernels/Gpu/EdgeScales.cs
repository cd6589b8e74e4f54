using ILGPU;

namespace Wann.Kernels.Gpu;

/// <summary>
/// How a kernel weighs a node value on an edge, chosen per launch as a generic struct so the shared-weight
/// case (every scale 1, the search's case) compiles without the per-edge load and multiply.
/// </summary>
public interface IEdgeScales
{
    float Weigh(ArrayView<float> scales, int edge, float value);
}

/// <summary>Every edge scale is 1: the value as it is (1 x v is v exactly, so results do not change).</summary>
public struct UnitEdgeScales : IEdgeScales
{
    public float Weigh(ArrayView<float> scales, int edge, float value) => value;
}

/// <summary>Stored per-edge weights (imported or tuned networks).</summary>
public struct StoredEdgeScales : IEdgeScales
{
    public float Weigh(ArrayView<float> scales, int edge, float value) => scales[edge] * value;
}
