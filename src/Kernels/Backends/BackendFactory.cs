using Wann.Engine.Evaluation;
using Wann.Kernels.Cpu;
using Wann.Kernels.Gpu;
using Wann.Kernels.Reference;

namespace Wann.Kernels.Backends;

/// <summary>Creates the backend for a choice; <c>auto</c> takes cuda, then opencl, then the SIMD cpu backend.</summary>
public static class BackendFactory
{
    /// <param name="schedule">How the ILGPU backends hand rollout lanes to threads; the others ignore it.</param>
    public static IBackend Create(BackendKind kind, int? threads = null, GpuSchedule schedule = GpuSchedule.Grid) => kind switch
    {
        BackendKind.Auto => new GpuEvaluatorOrCpu(threads, schedule).Pick(),
        BackendKind.Cpu => new SimdEvaluator(threads),
        BackendKind.Reference => new ReferenceEvaluator(threads ?? Environment.ProcessorCount),
        _ => new GpuEvaluator(kind, schedule: schedule),
    };

    /// <summary>What <c>auto</c> would pick on this machine.</summary>
    public static BackendKind AutoChoice()
    {
        using var context = GpuDevices.CreateContext();
        if (GpuDevices.Has(context, BackendKind.Cuda)) return BackendKind.Cuda;
        if (GpuDevices.Has(context, BackendKind.OpenCL)) return BackendKind.OpenCL;
        return BackendKind.Cpu;
    }

    private sealed class GpuEvaluatorOrCpu(int? threads, GpuSchedule schedule)
    {
        public IBackend Pick() => AutoChoice() switch
        {
            BackendKind.Cpu => new SimdEvaluator(threads),
            var gpu => new GpuEvaluator(gpu, schedule: schedule),
        };
    }
}
