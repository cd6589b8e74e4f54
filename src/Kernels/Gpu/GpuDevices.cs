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
    /// <summary>
    /// An ILGPU context with every backend; devices that ILGPU cannot drive are left out by ILGPU itself.
    /// No <c>EnableAlgorithms()</c>: nothing here uses ILGPU.Algorithms, and it swaps the hardware floor
    /// for a branchy software one (about 1.5x more instructions in the swing-up rollout's PTX).
    /// </summary>
    /// <param name="optimization">ILGPU's optimisation level; by default O2 (see <see cref="Optimization"/>).</param>
    public static Context CreateContext(OptimizationLevel? optimization = null)
    {
        NativeGpuLibraries.Install();
        return Context.Create(builder => builder.Default().Optimize(optimization ?? Optimization()));
    }

    /// <summary>ILGPU's optimisation level: O2, or what the diagnostic variable WANN_ILGPU_OPTIMIZATION (O0, O1, O2) says.</summary>
    private static OptimizationLevel Optimization() => Environment.GetEnvironmentVariable("WANN_ILGPU_OPTIMIZATION") switch
    {
        "O0" => OptimizationLevel.O0,
        "O1" => OptimizationLevel.O1,
        _ => OptimizationLevel.O2,
    };

    /// <summary>Why a backend has no device here, in words a user can act on; null when it has one.</summary>
    public static string? WhyMissing(Context context, BackendKind kind)
    {
        if (Has(context, kind)) return null;
        return kind switch
        {
            BackendKind.Cuda => NativeGpuLibraries.CudaDriver() is null
                ? "no NVIDIA driver library (libcuda.so.1) could be loaded: install the NVIDIA driver, or add its folder to LD_LIBRARY_PATH"
                : $"the NVIDIA driver ({NativeGpuLibraries.CudaDriver()}) loads but reports no CUDA device ILGPU can use (check nvidia-smi and the driver version)",
            BackendKind.OpenCL => NativeGpuLibraries.OpenClLoader() is null
                ? "no OpenCL loader (libOpenCL.so.1) could be loaded: install ocl-icd-libopencl1 and a vendor driver"
                : "OpenCL loads but offers no device ILGPU can use: ILGPU needs OpenCL 2.0 generic address space support, which PoCL on Debian 12 and NVIDIA's OpenCL lack (use cuda on NVIDIA)",
            _ => "not available",
        };
    }

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
    public static Accelerator Open(Context context, BackendKind kind) => Open(context, kind, 0);

    /// <summary>Device number <paramref name="index"/> of the asked-for kind (0 = the first), as an open accelerator.</summary>
    public static Accelerator Open(Context context, BackendKind kind, int index)
    {
        Device? device = OfKind(context, kind).ElementAtOrDefault(index);
        if (device is null)
            throw new WannException(index == 0
                ? $"--backend {BackendNames.NameOf(kind)}: no such device here (run 'wann devices' to see what there is)"
                : $"--backend {BackendNames.NameOf(kind)}:{index}: no such device here, {OfKind(context, kind).Count()} {BackendNames.NameOf(kind)} device(s) numbered from 0 (run 'wann devices')");
        try
        {
            return device.CreateAccelerator(context);
        }
        catch (Exception e) when (e is AcceleratorException or NotSupportedException or InvalidOperationException)
        {
            throw new WannException($"--backend {BackendNames.NameOf(kind)}: cannot open {device.Name}: {e.Message}");
        }
    }

    /// <summary>The devices of one kind, in ILGPU's order: the numbers of <c>cuda:N</c>.</summary>
    public static IEnumerable<Device> OfKind(Context context, BackendKind kind) => kind switch
    {
        BackendKind.Cuda => context.Devices.OfType<CudaDevice>(),
        BackendKind.OpenCL => context.Devices.OfType<CLDevice>(),
        BackendKind.IlgpuCpu => context.Devices.OfType<CPUDevice>(),
        _ => Enumerable.Empty<Device>(),
    };

    public static bool Has(Context context, BackendKind kind) => kind switch
    {
        BackendKind.Cuda => context.Devices.OfType<CudaDevice>().Any(),
        BackendKind.OpenCL => context.Devices.OfType<CLDevice>().Any(),
        BackendKind.IlgpuCpu => context.Devices.OfType<CPUDevice>().Any(),
        _ => false,
    };
}
