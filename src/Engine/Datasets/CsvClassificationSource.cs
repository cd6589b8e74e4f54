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
/// distinct labels of the training file, in numeric order when they are all numbers, else in text order.
/// </summary>
/// <param name="TrainPath">Examples to search on.</param>
/// <param name="TestPath">Held-out examples for accuracy.</param>
/// <param name="LabelColumn">The label column: a header name or a 1-based column number; null for the last column.</param>
/// <param name="Scaling">How features are scaled.</param>
public sealed record CsvClassificationSource(string TrainPath, string TestPath, string? LabelColumn, CsvScaling Scaling)
{
    /// <summary>Reads and checks both files; every problem is one error naming the file, line and column.</summary>
    public CsvDataset Load()
    {
        var train = CsvTable.Read(TrainPath);
        var test = CsvTable.Read(TestPath);
        if (test.Width != train.Width)
            throw new WannException($"{TestPath}: {test.Width} columns, but {TrainPath} has {train.Width}");
        if (train.Width < 2) throw new WannException($"{TrainPath}: one column: a label and at least one feature are needed");
        int label = LabelIndex(train);
        var featureColumns = Enumerable.Range(0, train.Width).Where(c => c != label).ToArray();
        var featureNames = featureColumns.Select(c => train.Header?[c] ?? $"x{c + 1}").ToArray();

        var classNames = OrderClasses(train.Rows.Select(r => r[label]).Distinct().ToList());
        if (classNames.Count < 2)
            throw new WannException($"{TrainPath}: {train.ColumnName(label)} holds one class ('{classNames[0]}'): classification needs at least two");
        var classOf = classNames.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i);

        var (trainFeatures, trainLabels) = Examples(train, featureColumns, label, classOf);
        var (testFeatures, testLabels) = Examples(test, featureColumns, label, classOf);
        if (Scaling == CsvScaling.Standard) Standardise(trainFeatures, testFeatures, featureColumns.Length);

        int width = featureColumns.Length;
        var data = new ClassificationData(
            new ImageDataset(width, 1, trainFeatures, trainLabels),
            new ImageDataset(width, 1, testFeatures, testLabels),
            classNames.Count);
        return new CsvDataset(data, featureNames, classNames.ToArray());
    }

    private int LabelIndex(CsvTable train)
    {
        if (LabelColumn is null) return train.Width - 1;
        if (train.Header is { } header)
        {
            int named = header.ToList().FindIndex(h => string.Equals(h, LabelColumn, StringComparison.Ordinal));
            if (named >= 0) return named;
        }
        if (int.TryParse(LabelColumn, NumberStyles.None, CultureInfo.InvariantCulture, out int number) && number >= 1 && number <= train.Width)
            return number - 1;
        string known = train.Header is { } names ? $"columns: {string.Join(", ", names)}" : "the file has no header: give a column number";
        throw new WannException($"{TrainPath}: label column '{LabelColumn}' not found ({known}; numbers 1 to {train.Width})");
    }

    private static List<string> OrderClasses(List<string> labels)
    {
        if (labels.All(CsvTable.IsNumber))
            return labels.OrderBy(l => double.Parse(l, NumberStyles.Float, CultureInfo.InvariantCulture)).ThenBy(l => l, StringComparer.Ordinal).ToList();
        return labels.OrderBy(l => l, StringComparer.Ordinal).ToList();
    }

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

    /// <summary>Shifts and scales each feature by the training file's mean and standard deviation (a constant feature is only shifted).</summary>
    private static void Standardise(float[] train, float[] test, int width)
    {
        int count = train.Length / width;
        for (int f = 0; f < width; f++)
        {
            double sum = 0, squares = 0;
            for (int r = 0; r < count; r++) sum += train[r * width + f];
            double mean = sum / count;
            for (int r = 0; r < count; r++) squares += (train[r * width + f] - mean) * (train[r * width + f] - mean);
            double std = Math.Sqrt(squares / count);
            double scale = std > 0 ? 1 / std : 1;
            foreach (var values in new[] { train, test })
                for (int i = f; i < values.Length; i += width)
                    values[i] = (float)((values[i] - mean) * scale);
        }
    }
}

/// <summary>A loaded CSV data set: the examples, the feature names (header or x1, x2, ...) and the class names.</summary>
public sealed record CsvDataset(ClassificationData Data, IReadOnlyList<string> FeatureNames, IReadOnlyList<string> ClassNames);
