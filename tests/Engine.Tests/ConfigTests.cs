using Wann.Engine.Config;

namespace Wann.Engine.Tests;

public sealed class ConfigTests
{
    [Fact]
    public void Defaults_AreTheOriginalDefaultFile()
    {
        var fromFile = HyperparameterLoader.ApplyFile(new Hyperparameters(), TestPaths.Reference("default_wan.json"));
        Assert.Equal(new Hyperparameters(), fromFile);
    }

    [Fact]
    public void TaskFile_OverridesKeyByKey()
    {
        var h = HyperparameterLoader.ApplyFile(new Hyperparameters(), TestPaths.Reference("laptop_swing.json"));
        Assert.Equal(64, h.PopulationSize);
        Assert.Equal(3, h.Repetitions);
        Assert.Equal(0.05, h.EliteRatio);
        Assert.Equal(4, h.TournamentSize);
        Assert.Equal(16, h.BestRepetitions);
        Assert.Equal(1024, h.MaxGenerations);
        Assert.Equal(0.8, h.ProbMoo);       // untouched default
        Assert.Equal(0.2, h.CullRatio);
    }

    [Theory]
    [InlineData("swingup.json")]
    [InlineData("laptop_swing.json")]
    [InlineData("biped.json")]
    [InlineData("mnist256.json")]
    [InlineData("default_wan.json")]
    public void EveryShippedFile_Loads(string file) =>
        Assert.NotNull(HyperparameterLoader.ApplyFile(new Hyperparameters(), TestPaths.Reference(file)));

    [Theory]
    [InlineData("{\"popSiz\": 10}", "unknown key 'popSiz'")]
    [InlineData("{\"popSize\": \"10\"}", "key 'popSize' must be an integer, got the string \"10\"")]
    [InlineData("{\"popSize\": 10.5}", "key 'popSize' must be an integer, got 10.5")]
    [InlineData("{\"prob_addNode\": true}", "key 'prob_addNode' must be a number, got true")]
    [InlineData("{\"task\": 3}", "key 'task' must be a string, got 3")]
    [InlineData("{\"popSize\": 0}", "key 'popSize' must be at least 2, got 0")]
    [InlineData("{\"popSize\": -5}", "key 'popSize' must be at least 2, got -5")]
    [InlineData("{\"prob_enable\": 1.5}", "key 'prob_enable' must be between 0 and 1, got 1.5")]
    [InlineData("{\"alg_nReps\": 0}", "key 'alg_nReps' must be at least 1, got 0")]
    [InlineData("{\"alg_wDist\": \"gaussian\"}", "key 'alg_wDist' must be \"standard\" or \"other\"")]
    [InlineData("{\"popSize\": 10, \"popSize\": 12}", "key 'popSize' appears twice")]
    [InlineData("[1, 2]", "expected a JSON object")]
    [InlineData("{\"popSize\": 10", "not valid JSON")]
    [InlineData("", "not valid JSON")]
    public void BadFiles_AreRejected_NamingTheFileAndKey(string json, string message)
    {
        string path = Path.Combine(Path.GetTempPath(), $"wann-config-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        try
        {
            var e = Assert.Throws<WannException>(() => HyperparameterLoader.ApplyFile(new Hyperparameters(), path));
            Assert.StartsWith(path + ":", e.Message);
            Assert.Contains(message, e.Message);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void MissingFile_IsOneClearError()
    {
        var e = Assert.Throws<WannException>(() => HyperparameterLoader.ApplyFile(new Hyperparameters(), "/nonexistent/x.json"));
        Assert.Contains("/nonexistent/x.json", e.Message);
    }

    [Fact]
    public void SharedWeights_AreTheStandardSix_OrALinspace()
    {
        Assert.Equal(new[] { -2f, -1f, -0.5f, 0.5f, 1f, 2f }, new Hyperparameters().SharedWeights());
        Assert.Equal(new[] { -2f, -1f, 0f, 1f, 2f }, new Hyperparameters { WeightCount = 5 }.SharedWeights());
        Assert.Equal(new[] { -2f, -1.2f, -0.4f, 0.4f, 1.2f, 2f }, new Hyperparameters { WeightDistribution = "other" }.SharedWeights());
    }

    [Fact]
    public void ToJson_RoundTripsThroughTheLoader()
    {
        var h = new Hyperparameters { PopulationSize = 77, ProbMoo = 0.3, Task = "swingup_hard", MeanCount = 8 };
        var back = HyperparameterLoader.ApplyJson(new Hyperparameters(), HyperparameterLoader.ToJson(h), "test");
        Assert.Equal(h, back);
    }
}
