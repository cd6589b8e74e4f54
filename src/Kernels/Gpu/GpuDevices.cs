using ILGPU;
using ILGPU.Runtime;
using ILGPU.Runtime.CPU;
using ILGPU.Runtime.Cuda;
using ILGPU.Runtime.OpenCL;
using Wann.Engine;
using Wann.Kernels.Backends;

namespace Wann.Kernels.Gpu;

/// <summary>What one ILGPU device looks like, for <c>wann devices</c>.</summary>
public sealed record DeviceInfo(BackendKind Backend, string Name, long MemoryBytes, int ComputeUnits, int WarpSize, int MaxThreadsPerGroup, long SharedMemoryPerGroup);

/// <summary>Finds ILGPU devices (CUDA, OpenCL, ILGPU's CPU accelerator) and opens accelerators on them.</summary>
public static class GpuDevices
{
    /// <summary>An ILGPU context with every backend; devices that ILGPU cannot drive are left out by ILGPU itself.</summary>
    public static Context CreateContext() =>
        Context.Create(builder => builder.Default().EnableAlgorithms().Optimize(OptimizationLevel.O2));

    public static IReadOnlyList<DeviceInfo> List()
    {
        using var context = CreateContext();
        return context.Devices.Select(Describe).Where(d => d is not null).Select(d => d!).ToList();
    }

    private static DeviceInfo? Describe(Device device)
    {
        BackendKind? kind = device switch
        {
            CudaDevice => BackendKind.Cuda,
            CLDevice => BackendKind.OpenCL,
            CPUDevice => BackendKind.IlgpuCpu,
            _ => null,
        };
        return kind is { } k
            ? new DeviceInfo(k, device.Name, device.MemorySize, device.NumMultiprocessors, device.WarpSize, device.MaxNumThreadsPerGroup, device.MaxSharedMemoryPerGroup)
            : null;
    }

    /// <summary>The first device of the asked-for kind, as an open accelerator; a clear error when there is none.</summary>
    public static Accelerator Open(Context context, BackendKind kind)
    {
        Device? device = kind switch
        {
            BackendKind.Cuda => context.Devices.OfType<CudaDevice>().FirstOrDefault(),
            BackendKind.OpenCL => context.Devices.OfType<CLDevice>().FirstOrDefault(),
            BackendKind.IlgpuCpu => context.Devices.OfType<CPUDevice>().FirstOrDefault(),
            _ => null,
        };
        if (device is null)
            throw new WannException($"--backend {BackendNames.NameOf(kind)}: no such device here (run 'wann devices' to see what there is)");
        try
        {
            return device.CreateAccelerator(context);
        }
        catch (Exception e) when (e is AcceleratorException or NotSupportedException or InvalidOperationException)
        {
            throw new WannException($"--backend {BackendNames.NameOf(kind)}: cannot open {device.Name}: {e.Message}");
        }
    }

    public static bool Has(Context context, BackendKind kind) => kind switch
    {
        BackendKind.Cuda => context.Devices.OfType<CudaDevice>().Any(),
        BackendKind.OpenCL => context.Devices.OfType<CLDevice>().Any(),
        BackendKind.IlgpuCpu => context.Devices.OfType<CPUDevice>().Any(),
        _ => false,
    };
}
