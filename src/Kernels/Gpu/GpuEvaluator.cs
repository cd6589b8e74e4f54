using ILGPU;
using ILGPU.Runtime;
using Wann.Engine.Evaluation;
using Wann.Engine.Programs;
using Wann.Kernels.Backends;
using Wann.Kernels.Tasks;

namespace Wann.Kernels.Gpu;

/// <summary>
/// The ILGPU backend (CUDA, OpenCL or ILGPU's CPU accelerator): one accelerator and its parts, each with one job:
/// <see cref="DeviceBuffers"/> (reused device memory), <see cref="LaunchGeometry"/> and <see cref="LaunchPlanner"/>
/// (how work is cut into launches), <see cref="DeviceKernels"/> (typed kernel loading), <see cref="DeviceRollouts"/>
/// and <see cref="DeviceForwardPasses"/> (one evaluation each). The kernels hold device code only.
/// </summary>
public sealed class GpuEvaluator : IBackend
{
    private readonly Context _context;
    private readonly Accelerator _accelerator;
    private readonly BackendKind _kind;
    private readonly GpuSchedule _schedule;
    private readonly DeviceBuffers _buffers;
    private readonly LaunchGeometry _geometry;
    private readonly DeviceKernels _kernels;
    private readonly DeviceRollouts _rollouts;
    private readonly DeviceForwardPasses _forwards;

    /// <param name="forceGlobalMemory">Use the large-network path even where shared memory would do (tests, <c>wann check</c>).</param>
    /// <param name="forceBufferState">Keep task state in a device buffer even where registers would do (tests, <c>wann check</c>).</param>
    /// <param name="schedule">How rollout launches hand lanes to threads (<c>--gpu-schedule</c>); the results are the same bits either way.</param>
    public GpuEvaluator(BackendKind kind, bool forceGlobalMemory = false, bool forceBufferState = false, GpuSchedule schedule = GpuSchedule.Grid)
        : this(kind, 0, forceGlobalMemory, forceBufferState, schedule) { }

    /// <summary>Device number <paramref name="deviceIndex"/> of the kind (<c>cuda:1</c>: the second CUDA device).</summary>
    public GpuEvaluator(BackendKind kind, int deviceIndex, bool forceGlobalMemory = false, bool forceBufferState = false, GpuSchedule schedule = GpuSchedule.Grid)
        : this(kind, deviceIndex, forceGlobalMemory, forceBufferState, optimization: null, schedule) { }

    /// <summary>With ILGPU's optimisation level fixed (the conformance suite runs ILGPU's CPU accelerator at O0 and O2).</summary>
    internal GpuEvaluator(BackendKind kind, int deviceIndex, bool forceGlobalMemory, bool forceBufferState, OptimizationLevel? optimization,
        GpuSchedule schedule = GpuSchedule.Grid)
    {
        _kind = kind;
        _schedule = schedule;
        _context = GpuDevices.CreateContext(optimization);
        try
        {
            _accelerator = GpuDevices.Open(_context, kind, deviceIndex);
        }
        catch
        {
            _context.Dispose();
            throw;
        }
        var guard = new DeviceGuard(_accelerator);
        _buffers = new DeviceBuffers(_accelerator);
        _geometry = new LaunchGeometry(_accelerator, forceGlobalMemory);
        _kernels = new DeviceKernels(_accelerator, guard);
        _rollouts = new DeviceRollouts(_accelerator, _buffers, _geometry, _kernels, guard, forceBufferState, schedule);
        _forwards = new DeviceForwardPasses(_accelerator, _buffers, _geometry, _kernels, guard);
    }

    public string Name => BackendNames.NameOf(_kind);
    public string Device => _kind == BackendKind.IlgpuCpu
        ? $"{_accelerator.Name} (ILGPU's CPU simulation of GPU threads: for testing kernels, not for speed)"
        : $"{_accelerator.Name}, {_accelerator.MemorySize / (1024 * 1024)} MiB, {_accelerator.NumMultiprocessors} compute units, warp {_accelerator.WarpSize}" +
          (_schedule == GpuSchedule.Queue ? ", queued rollouts" : "");

    /// <summary>Seconds spent compiling kernels so far (ILGPU compiles on first use of each kernel).</summary>
    public double KernelCompileSeconds => _kernels.CompileSeconds;

    public EvaluationTiming? LastTiming { get; private set; }

    /// <summary>Device allocations made so far by all of this backend's buffers.</summary>
    internal int DeviceAllocations => _buffers.Allocations;

    /// <summary>Shared memory a group may use, if set below the device's (tests use it to mix shared and global launches).</summary>
    internal long? SharedBytesPerGroupLimit
    {
        get => _geometry.SharedBytesPerGroupLimit;
        set => _geometry.SharedBytesPerGroupLimit = value;
    }

    /// <summary>Threads the device keeps resident, if set below its own (tests use it so each thread of a queued launch runs many lanes).</summary>
    internal long? ResidentThreadsLimit
    {
        get => _geometry.ResidentThreadsLimit;
        set => _geometry.ResidentThreadsLimit = value;
    }

    public FitnessTable Evaluate(ProgramBatch batch, EvaluationRequest request)
    {
        var table = TaskRegistry.Dispatch(request.Task, new Run(_rollouts, batch, request));
        LastTiming = _rollouts.LastTiming;
        return table;
    }

    private sealed class Run(DeviceRollouts rollouts, ProgramBatch batch, EvaluationRequest request) : IRolloutTaskVisitor<FitnessTable>
    {
        public FitnessTable Visit<TTask>(TTask task) where TTask : struct, IRolloutTask => rollouts.Evaluate(task, batch, request);
    }

    public float[] Forward(ProgramBatch batch, float[] weights, float[] inputs)
    {
        var outputs = _forwards.Forward(batch, weights, inputs);
        LastTiming = _forwards.LastTiming;
        return outputs;
    }

    public ClassScores Classify(ProgramBatch batch, float[] weights, float[] inputs, int[] labels)
    {
        var scores = _forwards.Classify(batch, weights, inputs, labels);
        LastTiming = _forwards.LastTiming;
        return scores;
    }

    /// <summary>
    /// Diagnostics (<c>wann check --probe-state</c>): the task state the last buffer-state evaluation left, as
    /// [slot x stride + thread], and the stride; null after a register-state evaluation.
    /// </summary>
    internal (float[] Values, int Stride)? DownloadTaskState()
    {
        if (_rollouts.LastTaskState is not { } last) return null;
        var values = new float[last.View.Length];
        last.View.CopyToCPU(values);
        return (values, (int)(last.View.Length / last.Slots));
    }

    public void Dispose()
    {
        _buffers.Dispose();
        _kernels.Dispose();
        _accelerator.Dispose();
        _context.Dispose();
    }
}
