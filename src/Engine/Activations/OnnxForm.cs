using System.Globalization;

namespace Wann.Engine.Activations;

/// <summary>
/// An activation written as ONNX operators over its input column x: operator nodes, float constants and x. The
/// ONNX writer turns it into nodes in this order (inputs first, left to right, then the operator).
/// </summary>
public abstract record OnnxForm
{
    /// <summary>ONNX's TensorProto.DataType for float32 (the value of Cast's "to").</summary>
    public const long FloatType = 1;

    /// <summary>The activation's input.</summary>
    public static OnnxForm X { get; } = new Input();

    public static OnnxForm Constant(float value) => new FloatConstant(value);

    /// <summary>Operator <paramref name="op"/> (its ONNX name) applied to <paramref name="inputs"/>.</summary>
    public static OnnxForm Op(string op, params OnnxForm[] inputs) => new Operator(op, inputs, []);

    /// <summary>The operator with integer attributes (name, value).</summary>
    public static OnnxForm Op(string op, OnnxForm[] inputs, params (string Name, long Value)[] attributes) => new Operator(op, inputs, attributes);

    public sealed record Input : OnnxForm
    {
        public override string ToString() => "x";
    }

    public sealed record FloatConstant(float Value) : OnnxForm
    {
        public override string ToString() => Value.ToString("R", CultureInfo.InvariantCulture);
    }

    public sealed record Operator(string Name, IReadOnlyList<OnnxForm> Inputs, IReadOnlyList<(string Name, long Value)> Attributes) : OnnxForm
    {
        public override string ToString() =>
            $"{Name}({string.Join(", ", Inputs.Select(i => i.ToString()).Concat(Attributes.Select(a => $"{a.Name}={a.Value}")))})";
    }
}
