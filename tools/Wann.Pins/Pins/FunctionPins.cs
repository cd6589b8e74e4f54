using System.Globalization;
using Wann.Engine.Activations;
using Wann.Engine.Lanes;

namespace Wann.Pins.Pins;

/// <summary>A function of one lane, as the pins evaluate it (on floats here; the tests also on SIMD vectors).</summary>
public interface ILaneFunction
{
    T Apply<T>(T x) where T : struct, ILane<T>;
}

/// <summary>
/// The output bits of every activation and every public <see cref="LaneMath"/> function over <see cref="PinInputs"/>:
/// a change of one bit for one input changes the function's hash.
/// </summary>
public sealed class FunctionPins : IPinSet
{
    private static readonly IReadOnlyDictionary<string, ILaneFunction> Functions = BuildFunctions();

    public string FileName => "functions.json";

    public string About =>
        $"The output bits of every activation (by id) and every LaneMath function over {PinInputs.Count} fixed floats (tools/Wann.Pins/Pins/PinInputs.cs), as scalar floats.";

    public IReadOnlyList<string> Names { get; } = Functions.Keys.ToArray();

    /// <summary>The function a pin is named after.</summary>
    public static ILaneFunction Function(string name) => Functions[name];

    public Pin Compute(string name) => FromOutputs(name, Evaluate(Function(name)));

    /// <summary>The pin of <paramref name="outputs"/> (one per input, in input order) as the function named <paramref name="name"/>.</summary>
    public static Pin FromOutputs(string name, IReadOnlyList<float> outputs)
    {
        using var hasher = new BitHasher();
        foreach (float y in outputs) hasher.Add(y);
        var inputs = PinInputs.Values;
        var shown = new[] { 0f, -0f, 0.5f, 1f, -1f, 2.4f, 20f, -100f, float.Epsilon, float.NaN, float.PositiveInfinity, float.NegativeInfinity };
        var values = shown.Select(x => KeyValuePair.Create($"f({Text(x)})", Text(outputs[IndexOf(inputs, x)]))).ToList();
        values.Add(KeyValuePair.Create("NaN outputs", outputs.Count(float.IsNaN).ToString(CultureInfo.InvariantCulture)));
        return new Pin(name, $"{name} of each of the {inputs.Count} inputs", hasher.Hex(), values);
    }

    private static float[] Evaluate(ILaneFunction function) =>
        PinInputs.Values.Select(x => function.Apply(new FloatLane(x)).Value).ToArray();

    private static int IndexOf(IReadOnlyList<float> inputs, float x)
    {
        for (int i = 0; i < inputs.Count; i++)
            if (BitConverter.SingleToInt32Bits(inputs[i]) == BitConverter.SingleToInt32Bits(x)) return i;
        throw new InvalidOperationException($"{x} is not an input");
    }

    public static string Text(float x) => x.ToString("R", CultureInfo.InvariantCulture);

    private static Dictionary<string, ILaneFunction> BuildFunctions()
    {
        var functions = new Dictionary<string, ILaneFunction>();
        foreach (var f in Enum.GetValues<ActivationFunction>())
            functions[$"activation/{(int)f} {Activation.Name(f)}"] = new ActivationById((int)f);
        foreach (string name in LaneMathFunction.Names) functions[$"lanemath/{name}"] = new LaneMathFunction(name);
        return functions;
    }

    private sealed class ActivationById(int id) : ILaneFunction
    {
        public T Apply<T>(T x) where T : struct, ILane<T> => Activation.Apply(id, x);
    }

    private sealed class LaneMathFunction(string name) : ILaneFunction
    {
        public static readonly string[] Names =
            { "sin", "cos", "sinpi", "cospi", "exp", "exp of non-positive at -|x|", "log of |x|", "tanh", "logistic", "clamp -1 1", "clamp -86.5 88.72", "beyond 2.4" };

        public T Apply<T>(T x) where T : struct, ILane<T> => name switch
        {
            "sin" => LaneMath.Sin(x),
            "cos" => LaneMath.Cos(x),
            "sinpi" => LaneMath.SinPi(x),
            "cospi" => LaneMath.CosPi(x),
            "exp" => LaneMath.Exp(x),
            // Its domain only: beyond it (x above 88.7) 2^k overflows the exponent, which scalar and vector lanes
            // do differently; the Gaussian, its one caller, passes -x^2/2.
            "exp of non-positive at -|x|" => LaneMath.ExpOfNonPositive(-T.Abs(x)),
            // Meaningful for positive normal |x| only; elsewhere the bits pinned are the rule's all the same.
            "log of |x|" => LaneMath.Log(T.Abs(x)),
            "tanh" => LaneMath.Tanh(x),
            "logistic" => LaneMath.Logistic(x),
            "clamp -1 1" => LaneMath.Clamp(x, -1f, 1f),
            "clamp -86.5 88.72" => LaneMath.Clamp(x, -86.5f, 88.72f),
            "beyond 2.4" => LaneMath.Beyond(x, 2.4f),
            _ => throw new ArgumentException($"no LaneMath function '{name}'", nameof(name)),
        };
    }
}
