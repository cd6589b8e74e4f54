using ILGPU;
using Wann.Kernels.Tasks;

namespace Wann.Kernels.Gpu;

/// <summary>
/// Every kernel variant the GPU backend loads, as typed method groups: rollouts by schedule (grid or queue), node-value memory (shared or
/// global), task-state place (registers or a buffer) and edge scales (unit or stored); forward passes and classification by memory,
/// scales and input vectors a thread (one or four), classification scoring and its fold. The backend and the PTX tests take their kernels from here, so the tests compile exactly what is loaded.
/// </summary>
public static class KernelCatalog
{
    public static Action<ProgramViews, LaneViews, RolloutShape, TTask> Rollout<TTask>(GpuSchedule schedule, bool shared, bool unit, bool bufferState)
        where TTask : struct, IRolloutTask =>
        unit ? Rollout<TTask, UnitEdgeScales>(schedule, shared, bufferState) : Rollout<TTask, StoredEdgeScales>(schedule, shared, bufferState);

    private static Action<ProgramViews, LaneViews, RolloutShape, TTask> Rollout<TTask, TScales>(GpuSchedule schedule, bool shared, bool bufferState)
        where TTask : struct, IRolloutTask where TScales : struct, IEdgeScales => (schedule, shared, bufferState) switch
    {
        (GpuSchedule.Grid, true, false) => RolloutKernels.SharedMemoryRollout<TTask, TScales>,
        (GpuSchedule.Grid, false, false) => RolloutKernels.GlobalMemoryRollout<TTask, TScales>,
        (GpuSchedule.Grid, true, true) => RolloutKernels.SharedMemoryRolloutBufferState<TTask, TScales>,
        (GpuSchedule.Grid, false, true) => RolloutKernels.GlobalMemoryRolloutBufferState<TTask, TScales>,
        (_, true, false) => RolloutKernels.SharedMemoryQueuedRollout<TTask, TScales>,
        (_, false, false) => RolloutKernels.GlobalMemoryQueuedRollout<TTask, TScales>,
        (_, true, true) => RolloutKernels.SharedMemoryQueuedRolloutBufferState<TTask, TScales>,
        (_, false, true) => RolloutKernels.GlobalMemoryQueuedRolloutBufferState<TTask, TScales>,
    };

    /// <summary>Forward passes with node values in shared memory, one or four input vectors a thread.</summary>
    public static Action<ProgramViews, ArrayView<float>, ArrayView<float>, ArrayView<float>, ForwardShape> SharedForward(bool unit, bool four) => (unit, four) switch
    {
        (true, false) => ForwardKernels.SharedMemoryForward<UnitEdgeScales, OneColumn>,
        (false, false) => ForwardKernels.SharedMemoryForward<StoredEdgeScales, OneColumn>,
        (true, true) => ForwardKernels.SharedMemoryForward<UnitEdgeScales, FourColumns>,
        (false, true) => ForwardKernels.SharedMemoryForward<StoredEdgeScales, FourColumns>,
    };

    /// <summary>Forward passes with node values in a global scratch buffer (the last parameter).</summary>
    public static Action<ProgramViews, ArrayView<float>, ArrayView<float>, ArrayView<float>, ForwardShape, ArrayView<float>> GlobalForward(bool unit, bool four) => (unit, four) switch
    {
        (true, false) => ForwardKernels.GlobalMemoryForward<UnitEdgeScales, OneColumn>,
        (false, false) => ForwardKernels.GlobalMemoryForward<StoredEdgeScales, OneColumn>,
        (true, true) => ForwardKernels.GlobalMemoryForward<UnitEdgeScales, FourColumns>,
        (false, true) => ForwardKernels.GlobalMemoryForward<StoredEdgeScales, FourColumns>,
    };

    /// <summary>Forward passes scored per row (classification), node values in shared memory.</summary>
    public static Action<ProgramViews, ArrayView<float>, ArrayView<float>, RowScoreViews, ForwardShape> SharedClassify(bool unit, bool four) => (unit, four) switch
    {
        (true, false) => ForwardKernels.SharedMemoryClassify<UnitEdgeScales, OneColumn>,
        (false, false) => ForwardKernels.SharedMemoryClassify<StoredEdgeScales, OneColumn>,
        (true, true) => ForwardKernels.SharedMemoryClassify<UnitEdgeScales, FourColumns>,
        (false, true) => ForwardKernels.SharedMemoryClassify<StoredEdgeScales, FourColumns>,
    };

    /// <summary>Forward passes scored per row (classification), node values in a global scratch buffer (the last parameter).</summary>
    public static Action<ProgramViews, ArrayView<float>, ArrayView<float>, RowScoreViews, ForwardShape, ArrayView<float>> GlobalClassify(bool unit, bool four) => (unit, four) switch
    {
        (true, false) => ForwardKernels.GlobalMemoryClassify<UnitEdgeScales, OneColumn>,
        (false, false) => ForwardKernels.GlobalMemoryClassify<StoredEdgeScales, OneColumn>,
        (true, true) => ForwardKernels.GlobalMemoryClassify<UnitEdgeScales, FourColumns>,
        (false, true) => ForwardKernels.GlobalMemoryClassify<StoredEdgeScales, FourColumns>,
    };

    /// <summary>The row scores of a classification reduced per (genome, weight).</summary>
    public static Action<ArrayView<float>, ArrayView<int>, ArrayView<float>, ArrayView<int>, int, int> FoldRowScores() => ForwardKernels.FoldRowScores;
}
