using ILGPU;
using Wann.Kernels.Tasks;

namespace Wann.Kernels.Gpu;

/// <summary>
/// Every kernel variant the GPU backend loads, as typed method groups: rollouts by node-value memory (shared or
/// global), task-state place (registers or a buffer) and edge scales (unit or stored); forward passes by memory and
/// scales, classification scoring and its fold. The backend and the PTX tests take their kernels from here, so the tests compile exactly what is loaded.
/// </summary>
public static class KernelCatalog
{
    public static Action<ProgramViews, LaneViews, RolloutShape, TTask> Rollout<TTask>(bool shared, bool unit, bool bufferState)
        where TTask : struct, IRolloutTask =>
        unit ? Rollout<TTask, UnitEdgeScales>(shared, bufferState) : Rollout<TTask, StoredEdgeScales>(shared, bufferState);

    private static Action<ProgramViews, LaneViews, RolloutShape, TTask> Rollout<TTask, TScales>(bool shared, bool bufferState)
        where TTask : struct, IRolloutTask where TScales : struct, IEdgeScales => (shared, bufferState) switch
    {
        (true, false) => RolloutKernels.SharedMemoryRollout<TTask, TScales>,
        (false, false) => RolloutKernels.GlobalMemoryRollout<TTask, TScales>,
        (true, true) => RolloutKernels.SharedMemoryRolloutBufferState<TTask, TScales>,
        (false, true) => RolloutKernels.GlobalMemoryRolloutBufferState<TTask, TScales>,
    };

    /// <summary>Forward passes with node values in shared memory.</summary>
    public static Action<ProgramViews, ArrayView<float>, ArrayView<float>, ArrayView<float>, ForwardShape> SharedForward(bool unit) =>
        unit ? ForwardKernels.SharedMemoryForward<UnitEdgeScales> : ForwardKernels.SharedMemoryForward<StoredEdgeScales>;

    /// <summary>Forward passes with node values in a global scratch buffer (the last parameter).</summary>
    public static Action<ProgramViews, ArrayView<float>, ArrayView<float>, ArrayView<float>, ForwardShape, ArrayView<float>> GlobalForward(bool unit) =>
        unit ? ForwardKernels.GlobalMemoryForward<UnitEdgeScales> : ForwardKernels.GlobalMemoryForward<StoredEdgeScales>;

    /// <summary>Forward passes scored per row (classification), node values in shared memory.</summary>
    public static Action<ProgramViews, ArrayView<float>, ArrayView<float>, RowScoreViews, ForwardShape> SharedClassify(bool unit) =>
        unit ? ForwardKernels.SharedMemoryClassify<UnitEdgeScales> : ForwardKernels.SharedMemoryClassify<StoredEdgeScales>;

    /// <summary>Forward passes scored per row (classification), node values in a global scratch buffer (the last parameter).</summary>
    public static Action<ProgramViews, ArrayView<float>, ArrayView<float>, RowScoreViews, ForwardShape, ArrayView<float>> GlobalClassify(bool unit) =>
        unit ? ForwardKernels.GlobalMemoryClassify<UnitEdgeScales> : ForwardKernels.GlobalMemoryClassify<StoredEdgeScales>;

    /// <summary>The row scores of a classification reduced per (genome, weight).</summary>
    public static Action<ArrayView<float>, ArrayView<int>, ArrayView<float>, ArrayView<int>, int, int> FoldRowScores() => ForwardKernels.FoldRowScores;
}
