using System.Numerics;
using ILGPU;
using ILGPU.Runtime;
using Wann.Engine;

namespace Wann.Kernels.Gpu;

/// <summary>
/// A device buffer that only ever grows (to the next power of two), so evaluating generation after
/// generation reuses the same memory instead of allocating per generation.
/// </summary>
internal sealed class DeviceBuffer<T> : IDeviceBuffer where T : unmanaged
{
    private readonly Accelerator _accelerator;
    private readonly string _what;
    private MemoryBuffer1D<T, Stride1D.Dense>? _buffer;

    public DeviceBuffer(Accelerator accelerator, string what)
    {
        _accelerator = accelerator;
        _what = what;
    }

    public long Capacity => _buffer?.Length ?? 0;

    /// <summary>How many times this buffer has allocated device memory (tests check that generations reuse it).</summary>
    public int Allocations { get; private set; }

    /// <summary>A view of exactly <paramref name="length"/> elements (at least one element is always allocated).</summary>
    public ArrayView<T> View(long length)
    {
        if (length > Capacity)
        {
            _buffer?.Dispose();
            _buffer = null;
            long capacity = Math.Max(1, (long)BitOperations.RoundUpToPowerOf2((ulong)Math.Max(length, 1)));
            _buffer = DeviceMemory.Allocate<T>(_accelerator, capacity, _what);
            Allocations++;
        }
        return _buffer!.View.SubView(0, Math.Max(length, 1));
    }

    /// <summary>Copies <paramref name="data"/> to the device and returns the view holding it.</summary>
    public ArrayView<T> Upload(T[] data)
    {
        var view = View(data.Length);
        if (data.Length > 0) view.SubView(0, data.Length).CopyFromCPU(data);
        return view;
    }

    public void Dispose() => _buffer?.Dispose();
}

/// <summary>What every <see cref="DeviceBuffer{T}"/> reports, whatever its element type.</summary>
internal interface IDeviceBuffer : IDisposable
{
    /// <summary>Elements allocated now.</summary>
    long Capacity { get; }

    /// <summary>How many times the buffer has allocated device memory.</summary>
    int Allocations { get; }
}

/// <summary>Allocation that turns a device's out-of-memory error into one clear message.</summary>
internal static class DeviceMemory
{
    public static MemoryBuffer1D<T, Stride1D.Dense> Allocate<T>(Accelerator accelerator, long length, string what) where T : unmanaged
    {
        try
        {
            return accelerator.Allocate1D<T>(length);
        }
        catch (Exception e) when (e is OutOfMemoryException or AcceleratorException or InvalidOperationException)
        {
            long bytes = length * System.Runtime.CompilerServices.Unsafe.SizeOf<T>();
            throw new WannException($"{accelerator.Name}: out of device memory allocating {bytes / (1024.0 * 1024.0):F1} MiB for {what} " +
                                    $"({accelerator.MemorySize / (1024.0 * 1024.0):F0} MiB on the device): use a smaller population or fewer episodes ({e.Message})");
        }
    }
}
