using ILGPU;
using Wann.Engine.Evaluation;
using Wann.Kernels.Backends;
using Wann.Kernels.Cpu;
using Wann.Kernels.Gpu;
using Wann.Kernels.Reference;

namespace Wann.Kernels.Tests.Conformance;

// One line per backend (and per kernel path worth holding to the contract): each runs every conformance test.
public sealed class CpuConformance() : BackendConformance(() => new SimdEvaluator(2));
public sealed class CpuOneThreadConformance() : BackendConformance(() => new SimdEvaluator(1));
public sealed class CpuLaneByLaneConformance() : BackendConformance(() => new SimdEvaluator(2, scalarPhysics: true));
public sealed class ReferenceOneThreadConformance() : BackendConformance(() => new ReferenceEvaluator(1));
// ILGPU's CPU accelerator at both ends of its optimiser (its IR builder regroups constants at every level; O2 inlines and folds more).
public sealed class IlgpuCpuConformance() : BackendConformance(() => Device.Open(BackendKind.IlgpuCpu, optimization: OptimizationLevel.O2));
public sealed class IlgpuCpuO0Conformance() : BackendConformance(() => Device.Open(BackendKind.IlgpuCpu, optimization: OptimizationLevel.O0));
public sealed class IlgpuCpuGlobalMemoryConformance() : BackendConformance(() => Device.Open(BackendKind.IlgpuCpu, globalMemory: true));
public sealed class IlgpuCpuBufferStateConformance() : BackendConformance(() => Device.Open(BackendKind.IlgpuCpu, bufferState: true));
public sealed class CudaConformance() : BackendConformance(() => Device.Open(BackendKind.Cuda));
public sealed class CudaGlobalMemoryConformance() : BackendConformance(() => Device.Open(BackendKind.Cuda, globalMemory: true));
public sealed class CudaBufferStateConformance() : BackendConformance(() => Device.Open(BackendKind.Cuda, bufferState: true));
public sealed class OpenClConformance() : BackendConformance(() => Device.Open(BackendKind.OpenCL));
public sealed class ShardedCpuAndIlgpuCpuConformance() : BackendConformance(() => new ShardedEvaluator(new[] { new SimdEvaluator(1), Device.Open(BackendKind.IlgpuCpu) }));
public sealed class ShardedByBackendListConformance() : BackendConformance(() => BackendList.Create("cpu,reference,ilgpu-cpu"));

/// <summary>Opens an ILGPU backend, or skips the test where this machine has no such device.</summary>
internal static class Device
{
    public static IBackend Open(BackendKind kind, bool globalMemory = false, bool bufferState = false, OptimizationLevel? optimization = null)
    {
        using (var context = GpuDevices.CreateContext())
            Skip.IfNot(GpuDevices.Has(context, kind), $"no {BackendNames.NameOf(kind)} device on this machine");
        return new GpuEvaluator(kind, 0, globalMemory, bufferState, optimization);
    }
}
