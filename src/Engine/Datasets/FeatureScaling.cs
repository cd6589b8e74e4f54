namespace Wann.Engine.Datasets;

/// <summary>
/// The shift and scale of each feature fitted on a training file: mean and standard deviation (population, as
/// numpy's default). A value becomes <c>(float)((value - mean) * scale)</c> computed in double, scale being
/// 1 / sd, or 1 for a constant feature (sd 0), which is only shifted. Training, <c>predict</c> and the ONNX
/// export all apply it through here or in these same double operations, so they give the network the same bits.
/// </summary>
public sealed record FeatureScaling(IReadOnlyList<double> Means, IReadOnlyList<double> Sds)
{
    public int Width => Means.Count;

    /// <summary>The multiplier of feature <paramref name="feature"/>.</summary>
    public double Scale(int feature) => Sds[feature] > 0 ? 1 / Sds[feature] : 1;

    /// <summary>Mean and standard deviation of each column of <paramref name="rows"/> (row-major, <paramref name="width"/> values a row).</summary>
    public static FeatureScaling Fit(float[] rows, int width)
    {
        int count = rows.Length / width;
        var means = new double[width];
        var sds = new double[width];
        for (int f = 0; f < width; f++)
        {
            double sum = 0, squares = 0;
            for (int r = 0; r < count; r++) sum += rows[r * width + f];
            double mean = sum / count;
            for (int r = 0; r < count; r++) squares += (rows[r * width + f] - mean) * (rows[r * width + f] - mean);
            means[f] = mean;
            sds[f] = Math.Sqrt(squares / count);
        }
        return new FeatureScaling(means, sds);
    }

    /// <summary>Scales <paramref name="rows"/> (row-major, <see cref="Width"/> values a row) in place.</summary>
    public void Apply(float[] rows)
    {
        for (int f = 0; f < Width; f++)
        {
            double mean = Means[f], scale = Scale(f);
            for (int i = f; i < rows.Length; i += Width)
                rows[i] = (float)((rows[i] - mean) * scale);
        }
    }

    /// <summary>What is wrong with it (for a file that holds one), or null.</summary>
    public string? Validate(int features)
    {
        if (Means.Count != features || Sds.Count != features)
            return $"has {Means.Count} means and {Sds.Count} standard deviations for {features} features";
        if (Means.Any(m => !double.IsFinite(m))) return "has a mean that is not a finite number";
        if (Sds.Any(s => !double.IsFinite(s) || s < 0)) return "has a standard deviation that is negative or not a finite number";
        return null;
    }
}
