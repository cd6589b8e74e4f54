using System.Globalization;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Wann.Samples.OnnxPredict;

/// <summary>
/// Labels the rows of a CSV file with a classifier exported by <c>wann export --net RUN --out model.onnx</c> from a
/// <c>--task csv</c> run: the model scales the raw features itself and names the class, so the rows go in as they are.
/// The CSV holds the features in the order the model lists them (its metadata, "features"), with an optional header.
/// Run: dotnet run --project samples/OnnxPredict -- model.onnx rows.csv
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length != 2)
        {
            Console.Error.WriteLine("usage: OnnxPredict MODEL.onnx ROWS.csv");
            return 2;
        }
        foreach (string label in Labels(args[0], ReadRows(args[1]))) Console.WriteLine(label);
        return 0;
    }

    /// <summary>The model's label for each row of raw features.</summary>
    public static string[] Labels(string model, float[][] rows)
    {
        using var session = new InferenceSession(model);
        var inputs = new DenseTensor<float>(rows.SelectMany(r => r).ToArray(), new[] { rows.Length, rows[0].Length });
        using var results = session.Run(new[] { NamedOnnxValue.CreateFromTensor("inputs", inputs) });
        return results.First(r => r.Name == "label").AsTensor<string>().ToArray();
    }

    /// <summary>Rows of numbers; a first line that is not all numbers is taken for a header.</summary>
    public static float[][] ReadRows(string path)
    {
        var rows = File.ReadLines(path).Where(line => line.Trim().Length > 0).Select(line => line.Split(',')).ToList();
        bool Numeric(string[] cells) => cells.All(c => float.TryParse(c, NumberStyles.Float, CultureInfo.InvariantCulture, out _));
        if (rows.Count > 0 && !Numeric(rows[0])) rows.RemoveAt(0);
        return rows.Select(cells => cells.Select(c => float.Parse(c, NumberStyles.Float, CultureInfo.InvariantCulture)).ToArray()).ToArray();
    }
}
