namespace Wann.Engine.Evaluation;

/// <summary>Softmax-based scores of one output row.</summary>
public static class Scoring
{
    /// <summary>-log softmax(outputs)[label], computed stably; NaN outputs give NaN (the worst fitness).</summary>
    public static double CrossEntropy(ReadOnlySpan<float> outputs, int label)
    {
        double max = double.NegativeInfinity;
        foreach (float o in outputs) max = Math.Max(max, o);
        if (double.IsNaN(max) || double.IsInfinity(max)) return double.NaN;
        double sum = 0;
        foreach (float o in outputs) sum += Math.Exp(o - max);
        return Math.Log(sum) - (outputs[label] - max);
    }

    /// <summary>softmax(outputs) added into <paramref name="into"/> (for the ensemble over weights).</summary>
    public static void AddSoftmax(ReadOnlySpan<float> outputs, Span<double> into)
    {
        double max = double.NegativeInfinity;
        foreach (float o in outputs) max = Math.Max(max, o);
        if (!double.IsFinite(max)) return;
        double sum = 0;
        foreach (float o in outputs) sum += Math.Exp(o - max);
        for (int k = 0; k < outputs.Length; k++) into[k] += Math.Exp(outputs[k] - max) / sum;
    }

    /// <summary>Index of the largest value (first on ties); -1 when none is a number.</summary>
    public static int ArgMax(ReadOnlySpan<float> values)
    {
        int best = -1;
        for (int k = 0; k < values.Length; k++)
            if (!float.IsNaN(values[k]) && (best < 0 || values[k] > values[best])) best = k;
        return best;
    }
}
