namespace Wann.Engine.Datasets;

/// <summary>
/// What a network trained on the user's CSV expects of a raw row, and what its outputs mean: the feature
/// columns (names and places in the training file), the scaling fitted on the training file, the label
/// column and its class names in the order of the outputs, and a fingerprint of the training file. Saved in
/// the network file, so <c>predict</c> and the ONNX export need nothing else.
/// </summary>
/// <param name="Features">Feature names in the order of the network's inputs (header names, or x1, x2, ... by column number).</param>
/// <param name="FeatureColumns">Each feature's 1-based column in the training file.</param>
/// <param name="Columns">Columns of the training file (features, label and ignored ones).</param>
/// <param name="Header">Whether the training file had a header row: then raw files with a header are matched by name.</param>
/// <param name="Label">The label column's name (its header name, or "column N").</param>
/// <param name="LabelColumn">The label's 1-based column in the training file.</param>
/// <param name="Classes">Class names in the order of the network's outputs.</param>
/// <param name="Scaling">The scaling applied to the features before the network sees them; null when none.</param>
/// <param name="Training">The training file the contract was fitted on.</param>
public sealed record DataContract(
    IReadOnlyList<string> Features,
    IReadOnlyList<int> FeatureColumns,
    int Columns,
    bool Header,
    string Label,
    int LabelColumn,
    IReadOnlyList<string> Classes,
    FeatureScaling? Scaling,
    TrainingData Training)
{
    /// <summary>The network's inputs for raw rows of features (row-major, in <see cref="Features"/> order): scaled when the contract scales.</summary>
    public float[] Inputs(float[] rawRows)
    {
        var inputs = (float[])rawRows.Clone();
        Scaling?.Apply(inputs);
        return inputs;
    }

    /// <summary>What is wrong with the contract of a network of <paramref name="inputs"/> inputs and <paramref name="outputs"/> outputs, or null.</summary>
    public string? Validate(int inputs, int outputs)
    {
        if (Features.Count != inputs) return $"names {Features.Count} features for a network of {inputs} inputs";
        if (Classes.Count != outputs) return $"names {Classes.Count} classes for a network of {outputs} outputs";
        if (Features.Any(string.IsNullOrEmpty) || Classes.Any(string.IsNullOrEmpty)) return "has an empty feature or class name";
        if (Features.Distinct(StringComparer.Ordinal).Count() != Features.Count) return "names a feature twice";
        if (Classes.Distinct(StringComparer.Ordinal).Count() != Classes.Count) return "names a class twice";
        if (FeatureColumns.Count != Features.Count) return $"gives {FeatureColumns.Count} feature columns for {Features.Count} features";
        if (Columns < Features.Count + 1) return $"says the training file had {Columns} columns, fewer than the features and the label";
        var used = FeatureColumns.Append(LabelColumn).ToList();
        if (used.Any(c => c < 1 || c > Columns) || used.Distinct().Count() != used.Count)
            return $"has feature and label columns that are not distinct columns from 1 to {Columns}";
        if (string.IsNullOrEmpty(Label)) return "has an empty label name";
        if (Scaling?.Validate(Features.Count) is { } problem) return $"scaling {problem}";
        return Training.Validate();
    }
}

/// <summary>The training file a contract was fitted on: its name (without folders), SHA-256 and number of data rows.</summary>
public sealed record TrainingData(string File, string Sha256, int Rows)
{
    public string? Validate() =>
        !FileFingerprint.IsSha256(Sha256) ? "training sha256 is not 64 hex digits"
        : Rows < 1 ? "training rows must be at least 1"
        : null;
}
