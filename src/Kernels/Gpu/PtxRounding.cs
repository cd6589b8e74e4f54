using System.Text.RegularExpressions;

namespace Wann.Kernels.Gpu;

/// <summary>
/// Makes PTX round every float add, subtract and multiply on its own. ILGPU writes <c>add.f32</c>,
/// <c>sub.f32</c> and <c>mul.f32</c> without a rounding mode, which lets the driver's PTX compiler fuse a
/// multiply and an add into one FMA (one rounding instead of two). The CPU backends never fuse, so CUDA
/// results would part from them in the last bit and, through chaotic episodes, by much more. With an
/// explicit <c>.rn</c> the compiler may not fuse (PTX ISA, "Floating-Point Instructions"), and CUDA gives
/// the same bits as the reference interpreter.
/// </summary>
public static partial class PtxRounding
{
    [GeneratedRegex(@"\b(add|sub|mul)\.f32\b")]
    private static partial Regex UnroundedArithmetic();

    public static string RoundEachOperation(string ptx) => UnroundedArithmetic().Replace(ptx, "$1.rn.f32");

    /// <summary>Instructions in <paramref name="ptx"/> that could still make CUDA differ from the CPU backends.</summary>
    public static IReadOnlyList<string> InexactInstructions(string ptx)
    {
        var found = new SortedSet<string>();
        foreach (Match m in InexactPattern().Matches(ptx)) found.Add(m.Value);
        return found.ToList();
    }

    // Unrounded float arithmetic (fusable), fused or approximate instructions, and any double precision.
    [GeneratedRegex(@"\b((add|sub|mul)\.f32|(fma|mad)\.[a-z0-9.]*f32|[a-z][a-z0-9]*\.approx[a-z0-9.]*|[a-z][a-z0-9.]*\.f64)\b")]
    private static partial Regex InexactPattern();
}
