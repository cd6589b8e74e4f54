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

    [Fact]
    public void Contract_NamesFeaturesClassesAndColumns_AndKeepsTheScalingAndTheTrainingFilesFingerprint()
    {
        string train = Write("a,kind,b\n1,y,10\n3,x,30\n5,y,20\n");
        var data = new CsvClassificationSource(train, Write("a,kind,b\n2,x,4\n"), "kind", CsvScaling.Standard).Load();
        var contract = data.Contract;
        Assert.Equal(new[] { "a", "b" }, contract.Features);
        Assert.Equal(new[] { 1, 3 }, contract.FeatureColumns);
        Assert.Equal((3, true, "kind", 2), (contract.Columns, contract.Header, contract.Label, contract.LabelColumn));
        Assert.Equal(new[] { "x", "y" }, contract.Classes);
        Assert.Equal(new[] { 3.0, 20.0 }, contract.Scaling!.Means);
        Assert.Equal(Math.Sqrt(8.0 / 3), contract.Scaling.Sds[0], 12);
        Assert.Equal(("data.csv", 3), (contract.Training.File, contract.Training.Rows));
        Assert.Equal(Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(train))).ToLowerInvariant(), contract.Training.Sha256);
        // Raw rows scaled by the contract are what training fed the network.
        Assert.Equal(data.Data.Train.Pixels, contract.Inputs(new[] { 1f, 10f, 3f, 30f, 5f, 20f }));
        Assert.Null(new CsvClassificationSource(train, train, "kind", CsvScaling.None).Load().Contract.Scaling);
    }

    [Fact]
    public void ScikitLearnMetadataRow_IsSkipped_AndNamesTheClasses_EvenWhenWiderOrNarrowerThanTheData()
    {
        var iris = Load("3,2,cat,dog\n1,5,0\n2,6,1\n3,7,0\n", "1,1,1\n");
        Assert.Equal(new[] { "cat", "dog" }, iris.ClassNames);
        Assert.Equal(new[] { "x1", "x2" }, iris.FeatureNames);
        Assert.Equal(new[] { 0, 1, 0 }, iris.Data.Train.Labels);
        Assert.Equal(new[] { 1 }, iris.Data.Test.Labels);
        var wine = Load("2,3,a,b\n1,5,6,0\n2,6,7,1\n", "1,1,1,1\n");
        Assert.Equal(new[] { "a", "b" }, wine.ClassNames);
        Assert.Contains("scikit-learn metadata row skipped", wine.Summary[0]);
        // Names that do not fit the labels (three names, two classes) leave the classes as the file writes them.
        Assert.Equal(new[] { "0", "1" }, Load("2,1,p,q,r\n1,0\n2,1\n", "1,1\n").ClassNames);
    }

    [Theory]
    [InlineData("1,0.5\n2,1.5\n3,0.5\n", "holds non-integer numbers such as '0.5'")]
    [InlineData("1,a\n2,\n", "line 2, column 2: empty label")]
    public void LabelColumnThatIsNoSetOfClasses_IsRefused_WithAHint(string train, string message)
    {
        var e = Assert.Throws<WannException>(() => Load(train, "1,1\n"));
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void MoreThanFiftyClasses_AreRefused_AndFiftyAreNot()
    {
        string Rows(int classes) => string.Concat(Enumerable.Range(0, classes).Select(k => $"{k},{k}\n"));
        Assert.Equal(50, Load(Rows(50), "1,1\n").ClassNames.Count);
        var e = Assert.Throws<WannException>(() => Load(Rows(51), "1,1\n"));
        Assert.Contains("holds 51 distinct values, more than 50 classes", e.Message);
        Assert.Contains("name the class column with --label", e.Message);
    }

    [Fact]
    public void RawRows_ByNameWithAHeader_ByPlaceWithout_AsFeaturesOrLaidOutAsTheTrainingFile()
    {
        var contract = new CsvClassificationSource(Write("a,kind,b\n1,y,10\n3,x,30\n"), Write("a,kind,b\n2,x,4\n"), "kind", CsvScaling.None).Load().Contract;
        float[] Read(string text) => RawFeatureRows.Read(CsvTable.Parse(text, "raw.csv"), contract);
        Assert.Equal(new[] { 1f, 2f, 3f, 4f }, Read("b,id,a\n2,x,1\n4,y,3\n"));
        Assert.Equal(new[] { 1f, 2f, 3f, 4f }, Read("1,2\n3,4\n"));
        Assert.Equal(new[] { 1f, 2f, 3f, 4f }, Read("1,x,2\n3,y,4\n"));
        Assert.Contains("raw.csv: no column 'b' in the header", Assert.Throws<WannException>(() => Read("a,c\n1,2\n")).Message);
        Assert.Contains("raw.csv: 4 columns, expected 2", Assert.Throws<WannException>(() => Read("1,2,3,4\n")).Message);
    }

    [Theory]
    [InlineData("id")]
    [InlineData("1")]
    public void Drop_IgnoresAColumn_ByNameOrNumber_AndTheContractKeepsWhereTheFeaturesAre(string drop)
    {
        string train = Write("id,a,kind,b\n7,1,y,10\nz9,3,x,30\n");
        var data = new CsvClassificationSource(train, train, "kind", CsvScaling.None, new[] { drop }).Load();
        Assert.Equal(new[] { "a", "b" }, data.FeatureNames);
        Assert.Equal(new[] { 2, 4 }, data.Contract.FeatureColumns);
        Assert.Equal(new[] { 1f, 10f, 3f, 30f }, data.Data.Train.Pixels);
        Assert.Contains("2 features (1 dropped)", data.Summary[0]);
        // Raw rows laid out as the training file skip the dropped column too.
        Assert.Equal(new[] { 5f, 6f }, RawFeatureRows.Read(CsvTable.Parse("id,a,kind,b\nq,5,x,6\n", "raw.csv"), data.Contract));
    }

    [Theory]
    [InlineData("kind", "--drop names the label column, column 3 ('kind')")]
    [InlineData("zz", "--drop: column 'zz' not found (columns: id, a, kind, b; numbers 1 to 4)")]
    public void Drop_OfTheLabelOrAnUnknownColumn_IsOneError(string drop, string message)
    {
        string train = Write("id,a,kind,b\n7,1,y,10\n8,3,x,30\n");
        var e = Assert.Throws<WannException>(() => new CsvClassificationSource(train, train, "kind", CsvScaling.None, new[] { drop }).Load());
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void AnUnnamedColumn_AsPandasWritesItsIndex_IsNamedByNumber_AndFoundAgainInARawHeader()
    {
        string train = Write(",a,kind\n0,1,y\n1,3,x\n");
        var contract = new CsvClassificationSource(train, train, "kind", CsvScaling.None).Load().Contract;
        Assert.Equal(new[] { "x1", "a" }, contract.Features);
        Assert.Equal(new[] { 7f, 5f }, RawFeatureRows.Read(CsvTable.Parse(",a,kind\n7,5,x\n", "raw.csv"), contract));
    }
}
