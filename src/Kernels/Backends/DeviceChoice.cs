namespace Wann.Kernels.Backends;

/// <summary>One device of a <c>--backend</c> list: a backend and, for the ILGPU backends, which of its devices (0 = the first).</summary>
public readonly record struct DeviceChoice(BackendKind Kind, int Index = 0)
{
    /// <summary>As the user writes it: <c>cpu</c>, <c>cuda</c> (device 0), <c>cuda:1</c>.</summary>
    public override string ToString() => Index == 0 ? BackendNames.NameOf(Kind) : $"{BackendNames.NameOf(Kind)}:{Index}";
}
