using System.Reflection;
using ILGPU;
using ILGPU.Backends;
using ILGPU.Backends.EntryPoints;
using ILGPU.Backends.PTX;
using ILGPU.Runtime;

namespace Wann.Kernels.Gpu;

/// <summary>
/// Loads explicitly grouped kernels from typed method groups (as ILGPU's <c>LoadStreamKernel</c> does), giving typed
/// launchers. On CUDA the PTX is rewritten first (<see cref="PtxRounding"/>) so the driver cannot fuse multiply-adds,
/// which takes ILGPU's compile and load steps apart: the one use of reflection here. Other accelerators load ILGPU's
/// code as it is. Loaded kernels stay alive until <see cref="Dispose"/>.
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

    /// <summary>
    /// Set WANN_CUDA_CONTRACT=1 to load ILGPU's PTX unchanged (fused multiply-adds allowed): results then
    /// differ from the CPU backends in the last bits. A diagnostic, to measure what exactness costs.
    /// </summary>
    private static readonly bool AllowContraction = Environment.GetEnvironmentVariable("WANN_CUDA_CONTRACT") == "1";

    /// <summary>Seconds spent compiling and loading kernels so far.</summary>
    public double CompileSeconds { get; private set; }

    /// <summary>
    /// Whether CUDA kernels are loaded with explicit rounding. ILGPU offers no public way to load edited PTX,
    /// so this reaches its internal constructor (ILGPU is pinned at 1.5.3); false only if that changed.
    /// </summary>
    public static bool CanRoundPtx => PtxKernelConstructor is not null && EntryPointProperty is not null;

    /// <summary>A launcher taking (stream, config, the kernel's parameters) for <paramref name="kernel"/>, a kernel method group.</summary>
    public Action<AcceleratorStream, KernelConfig, T1, T2, T3, T4> Load<T1, T2, T3, T4>(Action<T1, T2, T3, T4> kernel)
        where T1 : struct where T2 : struct where T3 : struct where T4 : struct =>
        Load<Action<AcceleratorStream, KernelConfig, T1, T2, T3, T4>>(kernel.Method);

    /// <inheritdoc cref="Load{T1, T2, T3, T4}"/>
    public Action<AcceleratorStream, KernelConfig, T1, T2, T3, T4, T5> Load<T1, T2, T3, T4, T5>(Action<T1, T2, T3, T4, T5> kernel)
        where T1 : struct where T2 : struct where T3 : struct where T4 : struct where T5 : struct =>
        Load<Action<AcceleratorStream, KernelConfig, T1, T2, T3, T4, T5>>(kernel.Method);

    /// <inheritdoc cref="Load{T1, T2, T3, T4}"/>
    public Action<AcceleratorStream, KernelConfig, T1, T2, T3, T4, T5, T6> Load<T1, T2, T3, T4, T5, T6>(Action<T1, T2, T3, T4, T5, T6> kernel)
        where T1 : struct where T2 : struct where T3 : struct where T4 : struct where T5 : struct where T6 : struct =>
        Load<Action<AcceleratorStream, KernelConfig, T1, T2, T3, T4, T5, T6>>(kernel.Method);

    private TDelegate Load<TDelegate>(MethodInfo method) where TDelegate : Delegate
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var kernel = _accelerator.LoadKernel(Compile(method, entry => _accelerator.CompileKernel(entry)));
        _loaded.Add(kernel);
        CompileSeconds += clock.Elapsed.TotalSeconds;
        return kernel.CreateLauncherDelegate<TDelegate>();
    }

    /// <summary>
    /// What the loader hands the accelerator for <paramref name="method"/>: the kernel <paramref name="compile"/>
    /// makes of it, and for CUDA its PTX with every add, subtract and multiply rounded on its own. A seam: the PTX
    /// tests pass a PTX backend here (no GPU needed), so the rounding cannot go missing from the CUDA path unseen.
    /// </summary>
    internal static CompiledKernel Compile(MethodInfo method, Func<EntryPointDescription, CompiledKernel> compile)
    {
        var compiled = compile(EntryPointDescription.FromExplicitlyGroupedKernel(method));
        if (compiled is PTXCompiledKernel ptx && !AllowContraction && PtxKernelConstructor is { } constructor && EntryPointProperty is { } entryPoint)
            return (CompiledKernel)constructor.Invoke(new object[]
                { ptx.Context, entryPoint.GetValue(ptx)!, ptx.Info!, PtxRounding.RoundEachOperation(ptx.PTXAssembly) });
        return compiled;
    }

    public void Dispose()
    {
        foreach (var kernel in _loaded) kernel.Dispose();
        _loaded.Clear();
    }
}
