using System.Globalization;

namespace Wann.Engine.Datasets;

/// <summary>How the features of a CSV data set are scaled before the networks see them.</summary>
public enum CsvScaling
{
    /// <summary>Each feature shifted and scaled to mean 0 and standard deviation 1 on the training file (the test file uses the same shift and scale).</summary>
    Standard,
    /// <summary>Values as written in the file.</summary>
    None,
}

/// <summary>
/// A classification data set from two CSV files of the user's, one example a row: every column but the
/// label is a numeric feature; the label column holds class names or numbers. The classes are the
/// distinct labels of the training file, in numeric order when they are all numbers, else in text order
/// (named by a scikit-learn metadata row when the file has one). A label column that looks continuous
/// (non-integer numbers, or more than <see cref="MaxClasses"/> values) is refused: csv classifies.
/// </summary>
/// <param name="TrainPath">Examples to search on.</param>
/// <param name="TestPath">Held-out examples for accuracy.</param>
/// <param name="LabelColumn">The label column: a header name or a 1-based column number; null for the last column.</param>
/// <param name="Scaling">How features are scaled.</param>
/// <param name="Drop">Columns that are neither label nor feature (an ID, free text): header names or 1-based numbers; null for none.</param>
public sealed record CsvClassificationSource(string TrainPath, string TestPath, string? LabelColumn, CsvScaling Scaling, IReadOnlyList<string>? Drop = null)
{
    /// <summary>The most classes a label column may hold.</summary>
    public const int MaxClasses = 50;

    /// <summary>Reads and checks both files; every problem is one error naming the file, line and column.</summary>
    public CsvDataset Load()
    {
        var train = CsvTable.Read(TrainPath);
        var test = CsvTable.Read(TestPath);
        if (test.Width != train.Width)
            throw new WannException($"{TestPath}: {test.Width} columns, but {TrainPath} has {train.Width}");
        if (train.Width < 2) throw new WannException($"{TrainPath}: one column: a label and at least one feature are needed");
        int label = LabelIndex(train);
        var dropped = DroppedColumns(train, label);
        var featureColumns = Enumerable.Range(0, train.Width).Where(c => c != label && !dropped.Contains(c)).ToArray();
        if (featureColumns.Length == 0) throw new WannException($"{TrainPath}: --drop leaves no feature column");
        var featureNames = featureColumns.Select(c => train.Header?[c] is { Length: > 0 } name ? name : $"x{c + 1}").ToArray();
        if (train.Header is not null && featureNames.Distinct(StringComparer.Ordinal).Count() != featureNames.Length)
            throw new WannException($"{TrainPath}: the header names a column twice ({string.Join(", ", featureNames.GroupBy(n => n).Where(g => g.Count() > 1).Select(g => $"'{g.Key}'"))})");

        var classKeys = OrderClasses(train.Rows.Select(r => r[label]).Distinct().ToList());
        CheckClasses(train, label, classKeys);
        var classOf = classKeys.Select((key, i) => (key, i)).ToDictionary(p => p.key, p => p.i);
        var classNames = MetadataNames(train, classKeys) ?? classKeys;

        var (trainFeatures, trainLabels) = Examples(train, featureColumns, label, classOf);
        var (testFeatures, testLabels) = Examples(test, featureColumns, label, classOf);
        FeatureScaling? scaling = null;
        if (Scaling == CsvScaling.Standard)
        {
            scaling = FeatureScaling.Fit(trainFeatures, featureColumns.Length);
            scaling.Apply(trainFeatures);
            scaling.Apply(testFeatures);
        }

        int width = featureColumns.Length;
        var data = new ClassificationData(
            new ImageDataset(width, 1, trainFeatures, trainLabels),
            new ImageDataset(width, 1, testFeatures, testLabels),
            classNames.Count);
        var contract = new DataContract(featureNames, featureColumns.Select(c => c + 1).ToArray(), train.Width, train.Header is not null,
            train.Header?[label] ?? $"column {label + 1}", label + 1, classNames.ToArray(), scaling,
            new TrainingData(Path.GetFileName(TrainPath), FileFingerprint.Sha256(TrainPath), train.Rows.Count));
        return new CsvDataset(data, contract, Summary(train, test, contract, trainLabels));
    }

    private int LabelIndex(CsvTable train)
    {
        if (LabelColumn is null) return train.Width - 1;
        if (train.Header is { } header)
        {
            int named = header.ToList().FindIndex(h => string.Equals(h, LabelColumn, StringComparison.Ordinal));
            if (named >= 0) return named;
        }
        return ColumnNumber(train, LabelColumn, "label column");
    }

    /// <summary>The 0-based column a 1-based number names; otherwise one error listing what the file has.</summary>
    private int ColumnNumber(CsvTable train, string column, string what)
    {
        if (int.TryParse(column, NumberStyles.None, CultureInfo.InvariantCulture, out int number) && number >= 1 && number <= train.Width)
            return number - 1;
        string known = train.Header is { } names ? $"columns: {string.Join(", ", names)}" : "the file has no header: give a column number";
        throw new WannException($"{TrainPath}: {what} '{column}' not found ({known}; numbers 1 to {train.Width})");
    }

    /// <summary>The 0-based columns <see cref="Drop"/> names; naming the label is an error.</summary>
    private HashSet<int> DroppedColumns(CsvTable train, int label)
    {
        var dropped = new HashSet<int>();
        foreach (string column in Drop ?? Array.Empty<string>())
        {
            int named = train.Header?.ToList().FindIndex(h => string.Equals(h, column, StringComparison.Ordinal)) ?? -1;
            int index = named >= 0 ? named : ColumnNumber(train, column, "--drop: column");
            if (index == label) throw new WannException($"{TrainPath}: --drop names the label column, {train.ColumnName(label)}");
            dropped.Add(index);
        }
        return dropped;
    }

    private static List<string> OrderClasses(List<string> labels)
    {
        if (labels.All(CsvTable.IsNumber))
            return labels.OrderBy(l => double.Parse(l, NumberStyles.Float, CultureInfo.InvariantCulture)).ThenBy(l => l, StringComparer.Ordinal).ToList();
        return labels.OrderBy(l => l, StringComparer.Ordinal).ToList();
    }

    /// <summary>Refuses a label column that cannot be a set of classes: one class, a continuous quantity, or too many values.</summary>
    private void CheckClasses(CsvTable train, int label, List<string> classes)
    {
        string column = train.ColumnName(label);
        const string hint = "csv classifies rows into classes; name the class column with --label NAME or NUMBER";
        if (classes.Contains(""))
            throw new WannException($"{TrainPath}: line {train.LineNumbers[train.Rows.ToList().FindIndex(r => r[label].Length == 0)]}, {column}: empty label");
        if (classes.Count < 2)
            throw new WannException($"{TrainPath}: {column} holds one class ('{classes[0]}'): classification needs at least two");
        if (classes.All(CsvTable.IsNumber) && classes.FirstOrDefault(c => !IsWholeNumber(c)) is { } fraction)
            throw new WannException($"{TrainPath}: {column} holds non-integer numbers such as '{fraction}' ({classes.Count} distinct values): " +
                                    $"it looks like a continuous quantity, not classes; {hint}");
        if (classes.Count > MaxClasses)
            throw new WannException($"{TrainPath}: {column} holds {classes.Count} distinct values, more than {MaxClasses} classes " +
                                    $"(an ID, a name or a measurement?); {hint}");
    }

    private static bool IsWholeNumber(string cell)
    {
        double value = double.Parse(cell, NumberStyles.Float, CultureInfo.InvariantCulture);
        return value == Math.Floor(value);
    }

    /// <summary>The names of a scikit-learn metadata row for labels 0, 1, ..., k-1 (one name each); null when the file has none or they do not fit.</summary>
    private static List<string>? MetadataNames(CsvTable train, List<string> keys)
    {
        if (train.MetadataClassNames is not { } names || names.Count != keys.Count) return null;
        bool numbered = keys.Select((k, i) => double.Parse(k, NumberStyles.Float, CultureInfo.InvariantCulture) == i).All(b => b);
        if (!numbered || names.Any(string.IsNullOrEmpty) || names.Distinct(StringComparer.Ordinal).Count() != names.Count) return null;
        return names.ToList();
    }

    /// <summary>Two lines for the console: the files, features, label and header; the classes with their training counts.</summary>
    private string[] Summary(CsvTable train, CsvTable test, DataContract contract, int[] labels)
    {
        string header = train.MetadataClassNames is not null ? "scikit-learn metadata row skipped"
            : train.Header is not null ? "header row" : "no header row";
        int dropped = train.Width - 1 - contract.Features.Count;
        string data = $"data: {Path.GetFileName(TrainPath)} {train.Rows.Count} rows, {Path.GetFileName(TestPath)} {test.Rows.Count} rows; " +
                      $"{contract.Features.Count} features{(dropped > 0 ? $" ({dropped} dropped)" : "")}; label {train.ColumnName(contract.LabelColumn - 1)}; {header}";
        string classes = $"{contract.Classes.Count} classes:";
        for (int k = 0; k < contract.Classes.Count; k++)
        {
            string next = $" {contract.Classes[k]} {labels.Count(l => l == k)}{(k < contract.Classes.Count - 1 ? "," : "")}";
            if (classes.Length + next.Length > SummaryWidth - 5) return new[] { data, classes + " ..." };
            classes += next;
        }
        return new[] { data, classes + " (training rows)" };
    }

    /// <summary>The width the class line of the summary keeps within.</summary>
    private const int SummaryWidth = 100;

    private static (float[] Features, int[] Labels) Examples(CsvTable table, int[] featureColumns, int label, Dictionary<string, int> classOf)
    {
        var features = new float[table.Rows.Count * featureColumns.Length];
        var labels = new int[table.Rows.Count];
        for (int r = 0; r < table.Rows.Count; r++)
        {
            var row = table.Rows[r];
            for (int f = 0; f < featureColumns.Length; f++)
            {
                string cell = row[featureColumns[f]];
                if (!float.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out float value) || !float.IsFinite(value))
                    throw new WannException($"{table.Path}: line {table.LineNumbers[r]}, {table.ColumnName(featureColumns[f])}: '{cell}' is not a finite number " +
                                            $"(the label is {table.ColumnName(label)}; --label names another)");
                features[r * featureColumns.Length + f] = value;
            }
            if (!classOf.TryGetValue(row[label], out labels[r]))
                throw new WannException($"{table.Path}: line {table.LineNumbers[r]}, {table.ColumnName(label)}: class '{row[label]}' does not occur in the training file");
        }
        return (features, labels);
    }
}

/// <summary>A loaded CSV data set: the examples, the contract a network trained on them carries, and a one-line summary for the console.</summary>
public sealed record CsvDataset(ClassificationData Data, DataContract Contract, IReadOnlyList<string> Summary)
{
    /// <summary>Feature names (header, or x1, x2, ... by column number), one a network input.</summary>
    public IReadOnlyList<string> FeatureNames => Contract.Features;

    /// <summary>Class names, one a network output.</summary>
    public IReadOnlyList<string> ClassNames => Contract.Classes;
}
