using ILGPU;
using ILGPU.Runtime;
using Wann.Kernels.Tasks;

namespace Wann.Kernels.Gpu;

/// <summary>
/// The kernels of one accelerator, each compiled and loaded on first use (<see cref="KernelCatalog"/>'s variants,
/// through <see cref="KernelLoader"/>) and kept for the backend's life.
/// </summary>
internal sealed class DeviceKernels(Accelerator accelerator, DeviceGuard guard) : IDisposable
{
    private readonly KernelLoader _loader = new(accelerator);
    private readonly Dictionary<(Type Task, GpuSchedule Schedule, bool Shared, bool Unit, bool BufferState), Delegate> _rollouts = new();
    private readonly Dictionary<(bool Unit, bool Four), Action<AcceleratorStream, KernelConfig, ProgramViews, ArrayView<float>, ArrayView<float>, ArrayView<float>, ForwardShape>> _sharedForwards = new();
    private readonly Dictionary<(bool Unit, bool Four), Action<AcceleratorStream, KernelConfig, ProgramViews, ArrayView<float>, ArrayView<float>, ArrayView<float>, ForwardShape, ArrayView<float>>> _globalForwards = new();

    private readonly Dictionary<(bool Unit, bool Four), Action<AcceleratorStream, KernelConfig, ProgramViews, ArrayView<float>, ArrayView<float>, RowScoreViews, ForwardShape>> _sharedClassify = new();
    private readonly Dictionary<(bool Unit, bool Four), Action<AcceleratorStream, KernelConfig, ProgramViews, ArrayView<float>, ArrayView<float>, RowScoreViews, ForwardShape, ArrayView<float>>> _globalClassify = new();
    private Action<AcceleratorStream, KernelConfig, ArrayView<float>, ArrayView<int>, ArrayView<float>, ArrayView<int>, int, int>? _fold;

    /// <summary>Seconds spent compiling and loading kernels so far.</summary>
    public double CompileSeconds => _loader.CompileSeconds;

    /// <summary>A rollout launcher: (stream, grid, programs, lanes, shape, task).</summary>
    public Action<AcceleratorStream, KernelConfig, ProgramViews, LaneViews, RolloutShape, TTask> Rollout<TTask>(GpuSchedule schedule, bool shared, bool unit, bool bufferState)
        where TTask : struct, IRolloutTask
    {
        var key = (typeof(TTask), schedule, shared, unit, bufferState);
        if (!_rollouts.TryGetValue(key, out var kernel))
            _rollouts[key] = kernel = guard.Run("compile", () => _loader.Load(KernelCatalog.Rollout<TTask>(schedule, shared, unit, bufferState)));
        // Keyed by the task's type: the cached launcher has exactly this type.
        return (Action<AcceleratorStream, KernelConfig, ProgramViews, LaneViews, RolloutShape, TTask>)kernel;
    }

    public Action<AcceleratorStream, KernelConfig, ProgramViews, ArrayView<float>, ArrayView<float>, ArrayView<float>, ForwardShape> SharedForward(bool unit, bool four)
    {
        if (!_sharedForwards.TryGetValue((unit, four), out var kernel))
            _sharedForwards[(unit, four)] = kernel = guard.Run("compile", () => _loader.Load(KernelCatalog.SharedForward(unit, four)));
        return kernel;
    }

    public Action<AcceleratorStream, KernelConfig, ProgramViews, ArrayView<float>, ArrayView<float>, ArrayView<float>, ForwardShape, ArrayView<float>> GlobalForward(bool unit, bool four)
    {
        if (!_globalForwards.TryGetValue((unit, four), out var kernel))
            _globalForwards[(unit, four)] = kernel = guard.Run("compile", () => _loader.Load(KernelCatalog.GlobalForward(unit, four)));
        return kernel;
    }

    public Action<AcceleratorStream, KernelConfig, ProgramViews, ArrayView<float>, ArrayView<float>, RowScoreViews, ForwardShape> SharedClassify(bool unit, bool four)
    {
        if (!_sharedClassify.TryGetValue((unit, four), out var kernel))
            _sharedClassify[(unit, four)] = kernel = guard.Run("compile", () => _loader.Load(KernelCatalog.SharedClassify(unit, four)));
        return kernel;
    }

    public Action<AcceleratorStream, KernelConfig, ProgramViews, ArrayView<float>, ArrayView<float>, RowScoreViews, ForwardShape, ArrayView<float>> GlobalClassify(bool unit, bool four)
    {
        if (!_globalClassify.TryGetValue((unit, four), out var kernel))
            _globalClassify[(unit, four)] = kernel = guard.Run("compile", () => _loader.Load(KernelCatalog.GlobalClassify(unit, four)));
        return kernel;
    }

    public Action<AcceleratorStream, KernelConfig, ArrayView<float>, ArrayView<int>, ArrayView<float>, ArrayView<int>, int, int> FoldRowScores() =>
        _fold ??= guard.Run("compile", () => _loader.Load(KernelCatalog.FoldRowScores()));

    public void Dispose() => _loader.Dispose();
}
