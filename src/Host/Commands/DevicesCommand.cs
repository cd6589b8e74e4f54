using System.Numerics;
using CommandLine;
using Wann.Kernels.Backends;
using Wann.Kernels.Gpu;

namespace Wann.Host.Commands;

[Verb("devices", HelpText = "List the devices the backends can use and which one 'auto' picks.")]
public sealed class DevicesOptions
{
}

/// <summary><c>wann devices</c>: what ILGPU finds, the SIMD CPU backend, and auto's choice.</summary>
public static class DevicesCommand
{
    public static int Run(DevicesOptions _)
    {
        Console.WriteLine($"{"backend",-10} {"device",-40} {"memory",12} {"units",6} {"warp",5} {"group",6} {"shared/group",13}");
        Console.WriteLine($"{"cpu",-10} {$"SIMD {Vector<float>.Count} lanes x {Environment.ProcessorCount} threads",-40} {"host",12} {Environment.ProcessorCount,6} {Vector<float>.Count,5} {"-",6} {"-",13}");
        foreach (var d in GpuDevices.List())
        {
            bool host = d.Backend == BackendKind.IlgpuCpu;
            string memory = host ? "host" : $"{d.MemoryBytes / (1024.0 * 1024 * 1024):F1} GiB";
            string shared = host ? "host" : $"{d.SharedMemoryPerGroup / 1024} KiB";
            Console.WriteLine($"{BackendNames.NameOf(d.Backend),-10} {Truncate(d.Name, 40),-40} {memory,12} {d.ComputeUnits,6} {d.WarpSize,5} {d.MaxThreadsPerGroup,6} {shared,13}");
        }
        using (var context = GpuDevices.CreateContext())
            foreach (var kind in new[] { BackendKind.Cuda, BackendKind.OpenCL })
                if (GpuDevices.WhyMissing(context, kind) is { } why)
                    Console.WriteLine($"{BackendNames.NameOf(kind)}: none here: {why}");
        Console.WriteLine(VectorWidthNote());
        Console.WriteLine($"auto picks: {BackendNames.NameOf(BackendFactory.AutoChoice())}");
        return 0;
    }

    /// <summary>
    /// Which SIMD width the cpu backend runs and why. .NET sizes Vector&lt;float&gt; at start-up: 8 lanes on AVX2 and,
    /// by default, on AVX-512 too; DOTNET_MaxVectorTBitWidth=512 in the environment gives 16. Measured with
    /// wann bench on a 2-core AMD EPYC (Zen 4, AVX-512): the same speed at 8 and 16 lanes (M6, the biped champion,
    /// 18.4-20.2 and 17.8-20.1 us a lane-step), as Zen 4 runs a 512-bit operation as two 256-bit halves; so 8 stays.
    /// </summary>
    private static string VectorWidthNote()
    {
        bool wide = System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated;
        if (Vector<float>.Count >= 16) return $"cpu vector width: {Vector<float>.Count} lanes (DOTNET_MaxVectorTBitWidth=512)";
        return wide
            ? $"cpu vector width: {Vector<float>.Count} lanes; this CPU has AVX-512: DOTNET_MaxVectorTBitWidth=512 gives 16 (measure with 'wann bench --only M6' under both; on Zen 4 they ran alike)"
            : $"cpu vector width: {Vector<float>.Count} lanes ({(Vector.IsHardwareAccelerated ? "the widest this CPU runs" : "not hardware accelerated")})";
    }

    private static string Truncate(string text, int width) => text.Length <= width ? text : text[..(width - 1)] + "~";
}
