using ILGPU;
using ILGPU.Runtime;
using Wann.Engine;

namespace Wann.Kernels.Gpu;

/// <summary>Turns what a device or ILGPU's compiler throws into one <see cref="WannException"/> naming the device and the step.</summary>
internal sealed class DeviceGuard(Accelerator accelerator)
{
    public void Synchronize(string what) => Run(what, accelerator.Synchronize);

    public void Run(string what, Action action) => Run(what, () => { action(); return 0; });

    public T Run<T>(string what, Func<T> action)
    {
        try
        {
            return action();
        }
        catch (Exception e) when (e is AcceleratorException or OutOfMemoryException or InternalCompilerException or NotSupportedException)
        {
            throw new WannException($"{accelerator.Name}: {what} failed: {e.Message}");
        }
    }
}
