using Wann.Engine;

namespace Wann.Kernels.Backends;

/// <summary>The evaluation backends a user can ask for with <c>--backend</c>.</summary>
public enum BackendKind
{
    Auto,
    Cpu,
    Reference,
    Cuda,
    OpenCL,
    IlgpuCpu,
}

public static class BackendNames
{
    private static readonly (string Name, BackendKind Kind)[] Names =
    {
        ("auto", BackendKind.Auto), ("cpu", BackendKind.Cpu), ("reference", BackendKind.Reference),
        ("cuda", BackendKind.Cuda), ("opencl", BackendKind.OpenCL), ("ilgpu-cpu", BackendKind.IlgpuCpu),
    };

    public static string All => string.Join(", ", Names.Select(n => n.Name));

    public static BackendKind Parse(string text)
    {
        foreach (var (name, kind) in Names)
            if (string.Equals(name, text, StringComparison.OrdinalIgnoreCase)) return kind;
        throw new WannException($"--backend: unknown backend '{text}' (known: {All})");
    }

    public static string NameOf(BackendKind kind) => Names.First(n => n.Kind == kind).Name;
}
