using System.Globalization;
using Wann.Engine;
using Wann.Engine.Config;
using Wann.Engine.Programs;

namespace Wann.Host.Evaluation;

/// <summary>
/// The weights a classifier runs at in <c>predict</c> and in its ONNX export: one shared weight (--weight), the
/// stored weights (--stored), or by default the ensemble of the six standard weights, softmax summed, as
/// <c>eval</c> reports it.
/// </summary>
public sealed record PredictionWeights(WeightMode Mode, float[] Weights)
{
    public static PredictionWeights From(float? weight, bool stored)
    {
        if (stored && weight.HasValue)
            throw new WannException("give at most one of --weight W and --stored (neither: the ensemble of the six standard weights)");
        if (weight is { } w && !float.IsFinite(w)) throw new WannException($"--weight: {w} is not a finite number");
        return stored ? new(WeightMode.Stored, new[] { 1f })
            : weight is { } shared ? new(WeightMode.Shared, new[] { shared })
            : new(WeightMode.Shared, StandardWeights.Copy());
    }

    /// <summary>In words, for messages and the ONNX model's metadata.</summary>
    public string Description => Mode == WeightMode.Stored ? "stored weights"
        : Weights.Length == 1 ? $"shared weight {Weights[0].ToString("R", CultureInfo.InvariantCulture)}"
        : $"ensemble of shared weights {string.Join(", ", Weights.Select(x => x.ToString("R", CultureInfo.InvariantCulture)))} (softmax summed)";
}
