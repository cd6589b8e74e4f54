using Wann.Engine.Datasets;
using Wann.Engine.Tasks;

namespace Wann.Engine.Tests;

public sealed class CsvDatasetTests
{
    private static string Write(string text)
    {
        string folder = Path.Combine(Path.GetTempPath(), "wann-engine-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        string path = Path.Combine(folder, "data.csv");
        File.WriteAllText(path, text);
        return path;
    }

    private static CsvDataset Load(string train, string test, string? label = null, CsvScaling scaling = CsvScaling.None) =>
        new CsvClassificationSource(Write(train), Write(test), label, scaling).Load();

    [Fact]
    public void Header_IsDetected_AndNamesTheInputsAndLabelColumn()
    {
        var data = Load("w,kind,h\n1,cat,2\n3,dog,4\n", "w,kind,h\n5,dog,6\n", label: "kind");
        Assert.Equal(new[] { "w", "h" }, data.FeatureNames);
        Assert.Equal(new[] { "cat", "dog" }, data.ClassNames);
        Assert.Equal(new[] { 1f, 2f, 3f, 4f }, data.Data.Train.Pixels);
        Assert.Equal(new[] { 0, 1 }, data.Data.Train.Labels);
        Assert.Equal(new[] { 1 }, data.Data.Test.Labels);
        var task = CsvTask.From(data);
        Assert.Equal(new Genomes.NetworkShape(2, 2), task.Shape);
        Assert.Same(data.Data, ClassificationSources.Load(task));
    }

    [Fact]
    public void WithoutHeader_LastColumnIsTheLabel_NumericClassesInNumericOrder()
    {
        var data = Load("0.5,10\n1.5,2\n2.5,10\n", "3,2\n");
        Assert.Equal(new[] { "x1" }, data.FeatureNames);
        Assert.Equal(new[] { "2", "10" }, data.ClassNames);
        Assert.Equal(new[] { 1, 0, 1 }, data.Data.Train.Labels);
    }

    [Fact]
    public void LabelByNumber_And_StandardScalingUsesTheTrainingFilesMeanAndSd()
    {
        var data = Load("0,1,7\n1,3,7\n0,5,7\n", "1,5,7\n", label: "1", scaling: CsvScaling.Standard);
        // column 2: mean 3, sd sqrt(8/3); column 3 is constant: only shifted
        float sd = MathF.Sqrt(8f / 3f);
        Assert.Equal(-2f / sd, data.Data.Train.Pixels[0], 5);
        Assert.Equal(0f, data.Data.Train.Pixels[1], 6);
        Assert.Equal(2f / sd, data.Data.Test.Pixels[0], 5);
        Assert.Equal(0f, data.Data.Test.Pixels[1], 6);
    }

    [Theory]
    [InlineData("a,b\n1,x\n2,y\n", "a,b\n1,x\n", "zz", "label column 'zz' not found (columns: a, b; numbers 1 to 2)")]
    [InlineData("1,x\n2,3,y\n", "1,x\n", null, "line 2 has 3 columns, line 1 has 2")]
    [InlineData("a,b\n1,x\nq,y\n", "a,b\n1,x\n", null, "line 3, column 1 ('a'): 'q' is not a finite number")]
    [InlineData("1,x\n2,y\n", "1,z\n", null, "line 1, column 2: class 'z' does not occur in the training file")]
    [InlineData("1,x\n2,x\n", "1,x\n", null, "holds one class ('x')")]
    [InlineData("1,x\n2,y\n", "1,2,x\n", null, "3 columns, but")]
    [InlineData("\n\n", "1,x\n", null, "no rows")]
    public void BadFiles_OneErrorNamingFileLineAndColumn(string train, string test, string? label, string message)
    {
        var e = Assert.Throws<WannException>(() => Load(train, test, label));
        Assert.Contains(message, e.Message);
        Assert.Contains("data.csv", e.Message);
    }
}
