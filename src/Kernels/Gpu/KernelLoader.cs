using System.Reflection;
using ILGPU;
using ILGPU.Backends;
using ILGPU.Backends.EntryPoints;
using ILGPU.Backends.PTX;
using ILGPU.Runtime;

namespace Wann.Kernels.Gpu;

/// <summary>
/// Loads explicitly grouped kernels. On CUDA the PTX is rewritten first (<see cref="PtxRounding"/>) so the
/// driver cannot fuse multiply-adds; other accelerators load ILGPU's code as it is. Loaded kernels stay
/// alive until <see cref="Dispose"/>.
/// </summary>
internal sealed class KernelLoader : IDisposable
{
    private static readonly ConstructorInfo? PtxKernelConstructor = typeof(PTXCompiledKernel).GetConstructor(
        BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public, null,
        new[] { typeof(Context), typeof(EntryPoint), typeof(CompiledKernel.KernelInfo), typeof(string) }, null);
    private static readonly PropertyInfo? EntryPointProperty = typeof(CompiledKernel).GetProperty("EntryPoint",
        BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public);

    private readonly Accelerator _accelerator;
    private readonly List<Kernel> _loaded = new();

    public KernelLoader(Accelerator accelerator) => _accelerator = accelerator;

    /// <summary>Seconds spent compiling and loading kernels so far.</summary>
    public double CompileSeconds { get; private set; }

    /// <summary>
    /// Whether CUDA kernels are loaded with explicit rounding. ILGPU offers no public way to load edited PTX,
    /// so this reaches its internal constructor (ILGPU is pinned at 1.5.3); false only if that changed.
    /// </summary>
    public static bool CanRoundPtx => PtxKernelConstructor is not null && EntryPointProperty is not null;

    /// <summary>A launcher taking (stream, config, kernel parameters...) for <paramref name="method"/>.</summary>
    public TDelegate Load<TDelegate>(MethodInfo method) where TDelegate : Delegate
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var entry = EntryPointDescription.FromExplicitlyGroupedKernel(method);
        var compiled = _accelerator.CompileKernel(entry);
        if (compiled is PTXCompiledKernel ptx && PtxKernelConstructor is { } constructor && EntryPointProperty is { } entryPoint)
            compiled = (CompiledKernel)constructor.Invoke(new object[]
                { ptx.Context, entryPoint.GetValue(ptx)!, ptx.Info!, PtxRounding.RoundEachOperation(ptx.PTXAssembly) });
        var kernel = _accelerator.LoadKernel(compiled);
        _loaded.Add(kernel);
        CompileSeconds += clock.Elapsed.TotalSeconds;
        return kernel.CreateLauncherDelegate<TDelegate>();
    }

    public void Dispose()
    {
        foreach (var kernel in _loaded) kernel.Dispose();
        _loaded.Clear();
    }
}
