using System.Globalization;
using System.Security.Cryptography;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Wann.Host.Tests;

/// <summary>A csv run trained once for the tests below: string labels in the middle column, features on scales from 1e-3 to 1e4.</summary>
public sealed class TrainedCsvRun
{
    public string Folder { get; } = HostRunner.TempFolder();
    public string Train => Path.Combine(Folder, "train.csv");
    public string Test => Path.Combine(Folder, "test.csv");
    public string Run => Path.Combine(Folder, "run");
    public string Best => Path.Combine(Run, "best.json");
    public string[] Features { get; } = { "mass kg", "length km", "ratio" };

    public TrainedCsvRun()
    {
        var random = new Random(11);
        var centres = new Dictionary<string, double[]> { ["gamma"] = new[] { 0.0, 0, 2 }, ["alpha"] = new[] { 2.0, 1, 0 }, ["beta"] = new[] { 0.0, 3, -1 } };
        var scales = new[] { 1e4, 1e-3, 1.0 };
        string Make(int rows)
        {
            var text = new System.Text.StringBuilder("mass kg,length km,species,ratio\n");
            for (int i = 0; i < rows; i++)
            {
                var (name, c) = centres.ElementAt(i % 3);
                var v = c.Select((x, k) => ((x + (random.NextDouble() - 0.5) * 1.2) * scales[k]).ToString("G6", CultureInfo.InvariantCulture)).ToArray();
                text.Append($"{v[0]},{v[1]},{name},{v[2]}\n");
            }
            return text.ToString();
        }
        File.WriteAllText(Train, Make(150));
        File.WriteAllText(Test, Make(60));
        var trained = HostRunner.Run("train", "--task", "csv", "--train", Train, "--test", Test, "--label", "species",
            "--pop", "32", "--gens", "8", "--backend", "cpu", "--out", Run);
        if (trained.ExitCode != 0) throw new InvalidOperationException(trained.Error);
        TrainOutput = trained.Out;
    }

    public string TrainOutput { get; }

    /// <summary>The test file's rows: the features as text, and the label.</summary>
    public (string[] Features, string Label)[] TestRows() =>
        File.ReadAllLines(Test).Skip(1).Select(l => l.Split(',')).Select(c => (new[] { c[0], c[1], c[3] }, c[2])).ToArray();
}

public sealed class CsvPredictTests(TrainedCsvRun run) : IClassFixture<TrainedCsvRun>
{
    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    private string[] Predict(params string[] extra)
    {
        var result = HostRunner.Run(new[] { "predict", "--net", run.Best }.Concat(extra).ToArray());
        Assert.True(result.ExitCode == 0, result.Error);
        return Lines(result.Out);
    }

    [Fact]
    public void Train_SaysTheDataInTwoLines_AndBestJsonCarriesTheDataContract()
    {
        Assert.Contains("data: train.csv 150 rows, test.csv 60 rows; 3 features; label column 3 ('species'); header row", run.TrainOutput);
        Assert.Contains("3 classes: alpha 50, beta 50, gamma 50 (training rows)", run.TrainOutput);
        var data = HostRunner.Json(File.ReadAllText(run.Best)).GetProperty("data");
        Assert.Equal(run.Features, data.GetProperty("features").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(new[] { "alpha", "beta", "gamma" }, data.GetProperty("classes").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("species", data.GetProperty("label").GetString());
        Assert.Equal(3, data.GetProperty("labelColumn").GetInt32());
        Assert.Equal(Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(run.Train))).ToLowerInvariant(), data.GetProperty("training").GetProperty("sha256").GetString());
        // The scaling is the training file's: each feature's mean, computed here from the file.
        var rows = File.ReadAllLines(run.Train).Skip(1).Select(l => l.Split(',')).ToArray();
        var means = data.GetProperty("scaling").GetProperty("mean").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        int[] columns = { 0, 1, 3 };
        for (int f = 0; f < 3; f++)
        {
            double mean = rows.Average(r => (double)float.Parse(r[columns[f]], CultureInfo.InvariantCulture));
            Assert.Equal(mean, means[f], Math.Abs(mean) * 1e-12);
        }
    }

    [Fact]
    public void Predict_OnTheRawTestFile_ScoresWhatEvalsEnsembleScores()
    {
        var labels = Predict("--inputs", run.Test);
        var truth = run.TestRows().Select(r => r.Label).ToArray();
        Assert.Equal(truth.Length, labels.Length);
        double accuracy = labels.Zip(truth).Count(p => p.First == p.Second) / (double)truth.Length;
        var eval = HostRunner.Run("eval", "--net", run.Run, "--json", "--backend", "reference");
        Assert.True(eval.ExitCode == 0, eval.Error);
        Assert.Equal(HostRunner.Json(eval.Out).GetProperty("ensembleAccuracy").GetDouble(), accuracy);
        Assert.True(accuracy > 0.5, $"accuracy {accuracy}");
    }

    [Fact]
    public void Predict_FindsColumnsByName_InAnyOrder_OrByPlaceWithoutHeader_AndReadsStandardInput()
    {
        var expected = Predict("--inputs", run.Test);
        var rows = run.TestRows();
        string folder = HostRunner.TempFolder();
        string reordered = Path.Combine(folder, "reordered.csv"), bare = Path.Combine(folder, "bare.csv"), laidOut = Path.Combine(folder, "laid-out.csv");
        File.WriteAllLines(reordered, new[] { "ratio,id,mass kg,length km" }.Concat(rows.Select((r, i) => $"{r.Features[2]},{i},{r.Features[0]},{r.Features[1]}")));
        File.WriteAllLines(bare, rows.Select(r => string.Join(',', r.Features)));
        File.WriteAllLines(laidOut, File.ReadAllLines(run.Test).Skip(1));
        Assert.Equal(expected, Predict("--inputs", reordered));
        Assert.Equal(expected, Predict("--inputs", bare));
        Assert.Equal(expected, Predict("--inputs", laidOut));
        var piped = HostRunner.RunWithInput(File.ReadAllText(reordered), "predict", "--net", run.Run, "--inputs", "-");
        Assert.Equal(expected, Lines(piped.Out));
    }

    [Fact]
    public void Predict_Scores_AreEachClassesProbability_UnderAHeaderOfClassNames()
    {
        var lines = Predict("--inputs", run.Test, "--scores");
        Assert.Equal("label,alpha,beta,gamma", lines[0]);
        foreach (var line in lines.Skip(1))
        {
            var cells = line.Split(',');
            var p = cells.Skip(1).Select(c => double.Parse(c, CultureInfo.InvariantCulture)).ToArray();
            Assert.Equal(1.0, p.Sum(), 1e-5);
            Assert.Equal(new[] { "alpha", "beta", "gamma" }[Array.IndexOf(p, p.Max())], cells[0]);
        }
    }

    [Fact]
    public void Forward_TakesRawRows_ItsLargestOutputIsPredictsClassAtThatWeight()
    {
        var forward = HostRunner.Run("forward", "--net", run.Best, "--weight=-1", "--inputs", run.Test);
        Assert.True(forward.ExitCode == 0, forward.Error);
        var outputs = HostRunner.ReadCsv(forward.Out);
        var labels = Predict("--inputs", run.Test, "--weight=-1");
        string[] classes = { "alpha", "beta", "gamma" };
        Assert.Equal(labels, outputs.Select(o => classes[Array.IndexOf(o, o.Max())]));
    }

    [Theory]
    [InlineData("ensemble")]
    [InlineData("--weight=-1")]
    [InlineData("--weight=0.5")]
    public void Onnx_OnRawRows_GivesPredictsLabelsAndScores(string weight)
    {
        string model = Path.Combine(HostRunner.TempFolder(), "model.onnx");
        string[] choice = weight == "ensemble" ? Array.Empty<string>() : new[] { weight };
        var export = HostRunner.Run(new[] { "export", "--net", run.Run, "--out", model }.Concat(choice).ToArray());
        Assert.True(export.ExitCode == 0, export.Error);
        var rows = run.TestRows().Select(r => r.Features.Select(v => float.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToArray();
        var (labels, scores, metadata) = RunClassifier(model, rows);

        var expected = Predict(new[] { "--inputs", run.Test, "--scores" }.Concat(choice).ToArray()).Skip(1).Select(l => l.Split(',')).ToArray();
        Assert.Equal(expected.Select(e => e[0]), labels);
        for (int r = 0; r < rows.Length; r++)
            for (int k = 0; k < 3; k++)
                Assert.Equal(double.Parse(expected[r][k + 1], CultureInfo.InvariantCulture), scores[r][k], 1e-5);
        Assert.Equal("[\"alpha\",\"beta\",\"gamma\"]", metadata["classes"]);
        Assert.Equal("[\"mass kg\",\"length km\",\"ratio\"]", metadata["features"]);
        Assert.Equal("species", metadata["label_column"]);
    }

    [Theory]
    [InlineData("mass kg,length km\n1,2\n", "missing.csv: no column 'ratio' in the header")]
    [InlineData("1,2\n3,4\n", "missing.csv: 2 columns, expected 3")]
    [InlineData("mass kg,length km,ratio\n1,2,3\n4,x,6\n", "missing.csv: line 3, column 2 ('length km'): 'x' is not a finite number")]
    [InlineData("1,2,3\n4,5,\n", "missing.csv: line 2, column 3 (feature 'ratio'): '' is not a finite number")]
    public void Predict_BadRows_OneLineNamingFileRowAndColumn_Status2_NoOutput(string text, string message)
    {
        string folder = HostRunner.TempFolder();
        string inputs = Path.Combine(folder, "missing.csv"), output = Path.Combine(folder, "out.csv");
        File.WriteAllText(inputs, text);
        var result = HostRunner.Run("predict", "--net", run.Best, "--inputs", inputs, "--out", output);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error);
        Assert.Single(Lines(result.Error));
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void NetworksWithoutAContract_StillLoad_ButPredictRefusesThemInOneLine()
    {
        var old = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(run.Best))!.AsObject();
        old.Remove("data");
        string file = Path.Combine(HostRunner.TempFolder(), "old.json");
        File.WriteAllText(file, old.ToJsonString());
        var forward = HostRunner.Run("forward", "--net", file, "--weight", "1", "--inputs", run.Test);
        Assert.Equal(2, forward.ExitCode); // an old network takes network inputs: the label column is no number
        Assert.Equal(0, HostRunner.Run("render", "--net", file, "--out", Path.ChangeExtension(file, ".svg")).ExitCode);
        foreach (string net in new[] { file, TestPaths.Reference("swing.out") })
        {
            var result = HostRunner.Run("predict", "--net", net, "--inputs", run.Test);
            Assert.Equal(2, result.ExitCode);
            Assert.Contains("the network carries no data contract", result.Error);
            Assert.Single(Lines(result.Error));
        }
    }

    /// <summary>The classifier's label, scores and metadata for rows of raw features.</summary>
    internal static (string[] Labels, float[][] Scores, IReadOnlyDictionary<string, string> Metadata) RunClassifier(string model, float[][] rows)
    {
        using var session = new InferenceSession(model);
        int width = rows[0].Length;
        var tensor = new DenseTensor<float>(rows.SelectMany(r => r).ToArray(), new[] { rows.Length, width });
        using var results = session.Run(new[] { NamedOnnxValue.CreateFromTensor("inputs", tensor) });
        var labels = results.Single(r => r.Name == "label").AsTensor<string>().ToArray();
        var scores = results.Single(r => r.Name == "scores").AsTensor<float>();
        int classes = scores.Dimensions[1];
        var metadata = session.ModelMetadata.CustomMetadataMap;
        return (labels, Enumerable.Range(0, rows.Length).Select(r => Enumerable.Range(0, classes).Select(k => scores[r, k]).ToArray()).ToArray(),
            new Dictionary<string, string>(metadata));
    }
}

public sealed class IrisTests
{
    [Fact]
    public void Iris_AsScikitLearnShipsIt_TrainsWithItsClassNames_AndOnnxRuntimeLabelsRawRowsAsPredictDoes()
    {
        string iris = TestPaths.Data("iris/iris.csv"), folder = HostRunner.TempFolder();
        string run = Path.Combine(folder, "run"), model = Path.Combine(folder, "iris.onnx");
        var trained = HostRunner.Run("train", "--task", "csv", "--train", iris, "--test", iris, "--pop", "32", "--gens", "8", "--backend", "cpu", "--out", run);
        Assert.True(trained.ExitCode == 0, trained.Error);
        Assert.Contains("data: iris.csv 150 rows, iris.csv 150 rows; 4 features; label column 5; scikit-learn metadata row skipped", trained.Out);
        Assert.Contains("3 classes: setosa 50, versicolor 50, virginica 50 (training rows)", trained.Out);

        var predict = HostRunner.Run("predict", "--net", run, "--inputs", iris);
        Assert.True(predict.ExitCode == 0, predict.Error);
        var labels = predict.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        string[] names = { "setosa", "versicolor", "virginica" };
        var rows = File.ReadAllLines(iris).Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')).ToArray();
        var truth = rows.Select(r => names[int.Parse(r[4], CultureInfo.InvariantCulture)]).ToArray();
        Assert.Equal(150, labels.Length);
        Assert.True(labels.Zip(truth).Count(p => p.First == p.Second) > 75, string.Join(",", labels));

        Assert.Equal(0, HostRunner.Run("export", "--net", run, "--out", model).ExitCode);
        var features = rows.Select(r => r.Take(4).Select(v => float.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToArray();
        Assert.Equal(labels, CsvPredictTests.RunClassifier(model, features).Labels);

        // samples/OnnxPredict, the user's side: raw rows from a CSV with a header, ONNX Runtime only.
        string rowsFile = Path.Combine(folder, "rows.csv");
        File.WriteAllLines(rowsFile, new[] { "sepal length,sepal width,petal length,petal width" }.Concat(rows.Select(r => string.Join(',', r.Take(4)))));
        Assert.Equal(labels, Wann.Samples.OnnxPredict.Program.Labels(model, Wann.Samples.OnnxPredict.Program.ReadRows(rowsFile)));
    }
}
