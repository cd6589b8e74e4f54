using static Wann.Engine.Activations.OnnxForm;

namespace Wann.Engine.Activations;

/// <summary>
/// Everything about each activation, one row per id: its name, its formula (one struct, over the lane type), its
/// ONNX form and how drawings mark it. Names, exports and drawings read their column here; the interpreters reach
/// the formula through <see cref="Activation.Dispatch{TVisitor, TResult}"/>, the one switch on ids (device code
/// needs a switch), which a test holds to this table. A new activation: an <see cref="ActivationFunction"/> value,
/// its formula struct, a row here and a case there.
/// </summary>
public static class ActivationTable
{
    /// <summary>The rows in id order, ids consecutive from 1.</summary>
    public static IReadOnlyList<ActivationEntry> Entries { get; } =
    [
        ActivationEntry.Of<LinearFormula>("linear", Op("Identity", X), new DrawingStyle("#d9d9d9", "")),
        ActivationEntry.Of<StepFormula>("step", Op("Cast", [Op("Greater", X, Constant(0f))], ("to", FloatType)), new DrawingStyle("#8c564b", "st")),
        ActivationEntry.Of<SineFormula>("sin", Op("Sin", Op("Mul", X, Constant(MathF.PI))), new DrawingStyle("#1f77b4", "sin")),
        ActivationEntry.Of<GaussianFormula>("gauss", Op("Exp", Op("Mul", Op("Mul", X, X), Constant(-0.5f))), new DrawingStyle("#2ca02c", "G")),
        ActivationEntry.Of<TanhFormula>("tanh", Op("Tanh", X), new DrawingStyle("#ff7f0e", "th")),
        ActivationEntry.Of<SigmoidFormula>("sigmoid", Op("Sigmoid", X), new DrawingStyle("#e377c2", "sg")),
        ActivationEntry.Of<InverseFormula>("inverse", Op("Neg", X), new DrawingStyle("#7f7f7f", "-x")),
        ActivationEntry.Of<AbsoluteFormula>("abs", Op("Abs", X), new DrawingStyle("#bcbd22", "|x|")),
        ActivationEntry.Of<ReluFormula>("relu", Op("Relu", X), new DrawingStyle("#d62728", "re")),
        ActivationEntry.Of<CosineFormula>("cos", Op("Cos", Op("Mul", X, Constant(MathF.PI))), new DrawingStyle("#17becf", "cos")),
        ActivationEntry.Of<SquaredFormula>("squared", Op("Mul", X, X), new DrawingStyle("#9467bd", "x²")),
    ];

    public static int MinId => (int)Entries[0].Id;
    public static int MaxId => (int)Entries[^1].Id;

    /// <summary>The row of <paramref name="id"/>, or null for an id without one.</summary>
    public static ActivationEntry? Find(int id) => id >= MinId && id <= MaxId ? Entries[id - MinId] : null;

    /// <summary>The row of <paramref name="f"/>, or one error naming the id.</summary>
    public static ActivationEntry Of(ActivationFunction f) =>
        Find((int)f) ?? throw new WannException($"activation id {(int)f} is not one of the ids {MinId} to {MaxId}");
}

/// <summary>How drawings mark an activation: a node's fill colour and a short glyph written in it.</summary>
public sealed record DrawingStyle(string Colour, string Glyph);

/// <summary>One row of <see cref="ActivationTable"/>; <see cref="Visit{TResult}"/> runs code with the row's formula struct.</summary>
public abstract class ActivationEntry
{
    private ActivationEntry(ActivationFunction id, string name, OnnxForm onnx, DrawingStyle style) =>
        (Id, Name, Onnx, Style) = (id, name, onnx, style);

    public ActivationFunction Id { get; }

    /// <summary>The name in files, legends and messages (the original's short names).</summary>
    public string Name { get; }

    public OnnxForm Onnx { get; }

    public DrawingStyle Style { get; }

    /// <summary>The formula struct (an <see cref="IActivationFormula"/>).</summary>
    public abstract Type Formula { get; }

    /// <summary>Runs <paramref name="visitor"/> with the row's formula struct.</summary>
    public abstract TResult Visit<TResult>(IActivationVisitor<TResult> visitor);

    public static ActivationEntry Of<TFormula>(string name, OnnxForm onnx, DrawingStyle style) where TFormula : struct, IActivationFormula =>
        new Row<TFormula>(name, onnx, style);

    private sealed class Row<TFormula>(string name, OnnxForm onnx, DrawingStyle style) : ActivationEntry(TFormula.Id, name, onnx, style)
        where TFormula : struct, IActivationFormula
    {
        public override Type Formula => typeof(TFormula);
        public override TResult Visit<TResult>(IActivationVisitor<TResult> visitor) => visitor.Visit<TFormula>();
    }
}
