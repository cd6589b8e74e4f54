using System.Globalization;

namespace Wann.Engine.Datasets;

/// <summary>
/// The features of raw rows for a network with a <see cref="DataContract"/>, unscaled, in the network's input
/// order. Columns are found by name when the file and the training file both have a header (other columns,
/// such as the label, are ignored); otherwise by position: a row of the features alone, or a row laid out as
/// the training file (its label column and any others ignored).
/// </summary>
public static class RawFeatureRows
{
    /// <summary>Row-major features of every row of <paramref name="table"/>; a missing column, a wrong width or a cell that is not a number is one error naming file, line and column.</summary>
    public static float[] Read(CsvTable table, DataContract contract)
    {
        var columns = Columns(table, contract);
        int width = columns.Length;
        var features = new float[table.Rows.Count * width];
        for (int r = 0; r < table.Rows.Count; r++)
            for (int f = 0; f < width; f++)
            {
                string cell = table.Rows[r][columns[f]];
                if (!float.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out float value) || !float.IsFinite(value))
                {
                    string feature = table.Header is null ? $" (feature '{contract.Features[f]}')" : "";
                    throw new WannException($"{table.Path}: line {table.LineNumbers[r]}, {table.ColumnName(columns[f])}{feature}: '{cell}' is not a finite number");
                }
                features[r * width + f] = value;
            }
        return features;
    }

    /// <summary>The 0-based column of the table that holds each feature.</summary>
    private static int[] Columns(CsvTable table, DataContract contract)
    {
        if (table.Header is { } header && contract.Header)
        {
            var columns = new int[contract.Features.Count];
            for (int f = 0; f < columns.Length; f++)
            {
                var matches = Enumerable.Range(0, header.Count).Where(c => string.Equals(header[c], contract.Features[f], StringComparison.Ordinal)).ToList();
                // A feature whose header cell was empty (pandas' unnamed index column) is named by its column number; an empty cell there matches it.
                int place = contract.FeatureColumns[f] - 1;
                if (matches.Count == 0 && contract.Features[f] == $"x{place + 1}" && place < header.Count && header[place].Length == 0) matches.Add(place);
                if (matches.Count == 0)
                    throw new WannException($"{table.Path}: no column '{contract.Features[f]}' in the header (the network reads {Names(contract.Features)}; the file has {Names(header)})");
                if (matches.Count > 1)
                    throw new WannException($"{table.Path}: the header names column '{contract.Features[f]}' twice (columns {matches[0] + 1} and {matches[1] + 1})");
                columns[f] = matches[0];
            }
            return columns;
        }
        if (table.Width == contract.Features.Count) return Enumerable.Range(0, table.Width).ToArray();
        if (table.Width == contract.Columns) return contract.FeatureColumns.Select(c => c - 1).ToArray();
        string why = table.Header is not null && !contract.Header ? "; the training file had no header, so columns go by position" : "";
        throw new WannException($"{table.Path}: {table.Width} columns, expected {contract.Features.Count} (the features {Names(contract.Features)}) " +
                                $"or {contract.Columns} (laid out as the training file {contract.Training.File}, label in column {contract.LabelColumn}){why}");
    }

    private static string Names(IReadOnlyList<string> names) =>
        names.Count <= 12 ? string.Join(", ", names.Select(n => $"'{n}'")) : string.Join(", ", names.Take(12).Select(n => $"'{n}'")) + $", ... ({names.Count} in all)";
}
