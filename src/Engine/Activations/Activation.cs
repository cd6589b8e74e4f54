using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Wann.Engine.Lanes;

namespace Wann.Engine.Activations;

/// <summary>
/// Applying activations by id, for the reference interpreter, the SIMD CPU backend and the ILGPU kernels alike:
/// <see cref="Dispatch{TVisitor, TResult}"/> maps an id to its formula struct (the one switch on ids), the
/// formulas themselves are the structs of <see cref="ActivationTable"/>, written once over <see cref="ILane{T}"/>.
/// </summary>
public static class Activation
{
    public static int MinId => ActivationTable.MinId;
    public static int MaxId => ActivationTable.MaxId;

    public static bool IsValidId(int id) => ActivationTable.Find(id) is not null;

    /// <summary>
    /// Runs <paramref name="visitor"/> with the formula struct of activation <paramref name="id"/>, or its
    /// <see cref="IActivationVisitor{TResult}.Unknown"/> for an id without one. The one switch on activation ids;
    /// a struct visitor keeps it usable in device code, where everything is resolved at compile time.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TResult Dispatch<TVisitor, TResult>(int id, TVisitor visitor)
        where TVisitor : struct, IActivationVisitor<TResult>, allows ref struct
    {
        switch (id)
        {
            case 1: return visitor.Visit<LinearFormula>();
            case 2: return visitor.Visit<StepFormula>();
            case 3: return visitor.Visit<SineFormula>();
            case 4: return visitor.Visit<GaussianFormula>();
            case 5: return visitor.Visit<TanhFormula>();
            case 6: return visitor.Visit<SigmoidFormula>();
            case 7: return visitor.Visit<InverseFormula>();
            case 8: return visitor.Visit<AbsoluteFormula>();
            case 9: return visitor.Visit<ReluFormula>();
            case 10: return visitor.Visit<CosineFormula>();
            case 11: return visitor.Visit<SquaredFormula>();
            default: return visitor.Unknown(id);
        }
    }

    /// <summary>f(x) for activation <paramref name="id"/>; an unknown id yields NaN rather than throwing (device code cannot throw).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Apply<T>(int id, T x) where T : struct, ILane<T> => Dispatch<ApplyToOne<T>, T>(id, new ApplyToOne<T>(x));

    public static float Apply(int id, float x) => Apply(id, new FloatLane(x)).Value;

    /// <summary>
    /// xs[i] = f(scales[i] * xs[i]) for activation <paramref name="id"/>: the node update of a SIMD
    /// interpreter (scale = the lanes' shared weights, x = the node's sums), the choice of formula made
    /// once for the whole span.
    /// </summary>
    public static void ApplyScaledInPlace<T>(int id, Span<T> xs, ReadOnlySpan<T> scales) where T : struct, ILane<T> =>
        // One loop instantiation per formula: a single method holding all of them outgrows the JIT's
        // inlining budget, and the vector operators then turn into calls (ten times slower).
        Dispatch<ApplyToSpan<T>, bool>(id, new ApplyToSpan<T>(xs, scales));

    /// <summary>
    /// xs[i] = f(scales[i] * xs[i]) for the one formula <typeparamref name="TFormula"/>: for an interpreter
    /// that has already switched on the activation, so it skips a second dispatch.
    /// </summary>
    public static void ApplyScaledInPlace<T, TFormula>(Span<T> xs, ReadOnlySpan<T> scales)
        where T : struct, ILane<T> where TFormula : struct, IActivationFormula
    {
        // The loop reads scales without bounds checks: this is the one check.
        if (scales.Length < xs.Length) throw new ArgumentException("one scale per element is needed", nameof(scales));
        ref T x = ref MemoryMarshal.GetReference(xs);
        ref T scale = ref MemoryMarshal.GetReference(scales);
        for (int i = 0; i < xs.Length; i++)
        {
            ref T value = ref Unsafe.Add(ref x, i);
            value = TFormula.Apply(Unsafe.Add(ref scale, i) * value);
        }
    }

    /// <summary>The activation's name in files, legends and messages; <c>actN</c> for an id without one.</summary>
    public static string Name(ActivationFunction f) => ActivationTable.Find((int)f)?.Name ?? $"act{(int)f}";

    /// <summary>f(x) of one lane (device code: a plain field, no closure).</summary>
    private readonly struct ApplyToOne<T> : IActivationVisitor<T> where T : struct, ILane<T>
    {
        private readonly T _x;

        public ApplyToOne(T x) => _x = x;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public T Visit<TFormula>() where TFormula : struct, IActivationFormula => TFormula.Apply(_x);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public T Unknown(int id) => T.From(float.NaN);
    }

    private readonly ref struct ApplyToSpan<T>(Span<T> xs, ReadOnlySpan<T> scales) : IActivationVisitor<bool> where T : struct, ILane<T>
    {
        private readonly Span<T> _xs = xs;
        private readonly ReadOnlySpan<T> _scales = scales;

        public bool Visit<TFormula>() where TFormula : struct, IActivationFormula
        {
            ApplyScaledInPlace<T, TFormula>(_xs, _scales);
            return true;
        }

        public bool Unknown(int id)
        {
            _xs.Fill(T.From(float.NaN));
            return false;
        }
    }
}
