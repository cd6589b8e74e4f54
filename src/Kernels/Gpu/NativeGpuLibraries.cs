using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Loader;

namespace Wann.Kernels.Gpu;

/// <summary>
/// Finds the native libraries ILGPU drives devices through. ILGPU asks for the CUDA driver by its
/// unversioned name (<c>libcuda.so</c>), which only the CUDA toolkit's development files provide; a
/// machine with the NVIDIA driver alone has <c>libcuda.so.1</c>. This resolver offers the versioned file
/// when the plain name is not found, so CUDA works on driver-only machines too.
/// </summary>
public static class NativeGpuLibraries
{
    private static readonly string[] CudaDriverFiles = { "libcuda.so.1", "libcuda.so" };
    private static readonly string[] OpenClFiles = { "libOpenCL.so.1", "libOpenCL.so" };
    private static int _installed;

    /// <summary>Hooks the resolver in once per process (before the first ILGPU context is made).</summary>
    public static void Install()
    {
        if (Interlocked.Exchange(ref _installed, 1) == 1) return;
        AssemblyLoadContext.Default.ResolvingUnmanagedDll += Resolve;
    }

    private static IntPtr Resolve(Assembly assembly, string name)
    {
        if (!OperatingSystem.IsLinux()) return IntPtr.Zero;
        string[] candidates = name switch
        {
            "cuda" or "libcuda" or "libcuda.so" or "nvcuda" => CudaDriverFiles,
            "OpenCL" or "libOpenCL" or "libOpenCL.so" or "opencl" => OpenClFiles,
            _ => Array.Empty<string>(),
        };
        foreach (var file in candidates)
            if (NativeLibrary.TryLoad(file, out var handle)) return handle;
        return IntPtr.Zero;
    }

    /// <summary>The first of <paramref name="files"/> the dynamic loader can open, or null.</summary>
    public static string? FirstLoadable(IEnumerable<string> files)
    {
        foreach (var file in files)
        {
            if (!NativeLibrary.TryLoad(file, out var handle)) continue;
            NativeLibrary.Free(handle);
            return file;
        }
        return null;
    }

    /// <summary>Which CUDA driver library loads here (null: none, so no NVIDIA driver is installed or visible).</summary>
    public static string? CudaDriver() => OperatingSystem.IsWindows() ? FirstLoadable(new[] { "nvcuda.dll" }) : FirstLoadable(CudaDriverFiles);

    /// <summary>Which OpenCL loader library loads here (null: none).</summary>
    public static string? OpenClLoader() => OperatingSystem.IsWindows() ? FirstLoadable(new[] { "OpenCL.dll" }) : FirstLoadable(OpenClFiles);
}
