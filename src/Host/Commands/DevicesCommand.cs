using System.Numerics;
using CommandLine;
using Wann.Host.Cpu;
using Wann.Kernels.Backends;
using Wann.Kernels.Gpu;

namespace Wann.Host.Commands;

[Verb("devices", HelpText = "List the devices the backends can use and which one 'auto' picks.")]
public sealed class DevicesOptions
{
    [Option("calibrate", Default = false, HelpText = "Measure the cpu backend at 8 and at 16 vector lanes (AVX-512 CPUs; a few minutes) and keep the faster for later runs.")]
    public bool Calibrate { get; set; }
}

/// <summary><c>wann devices</c>: what ILGPU finds, the SIMD CPU backend, and auto's choice.</summary>
public static class DevicesCommand
{
    public static int Run(DevicesOptions options)
    {
        if (options.Calibrate) return Calibrate();
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

    /// <summary>The cpu backend's width and why (<see cref="VectorWidthChoice"/>).</summary>
    private static string VectorWidthNote() => VectorWidthChoice.Describe();

    private static int Calibrate()
    {
        if (!System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated)
        {
            Console.WriteLine($"this CPU has no AVX-512: the cpu backend runs {Vector<float>.Count} lanes, the widest it has; nothing to measure");
            return 0;
        }
        var choice = VectorWidthCalibration.Run(line => Console.Error.WriteLine(line));
        choice.Save();
        foreach (var (name, ratio) in choice.Ratios) Console.WriteLine($"{name,-22} 16 lanes / 8 lanes = {ratio:F3}");
        Console.WriteLine($"geometric mean {VectorWidthChoice.GeometricMean(choice.Ratios.Values):F3} (16 lanes needs {VectorWidthChoice.MinGain:F2}): " +
                          $"the cpu backend runs {choice.Lanes} lanes from now on; kept in {VectorWidthChoice.FilePath}");
        return 0;
    }

    private static string Truncate(string text, int width) => text.Length <= width ? text : text[..(width - 1)] + "~";
}
