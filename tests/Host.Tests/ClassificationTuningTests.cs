namespace Wann.Host.Tests;

public sealed class ClassificationTuningTests
{
    private static string DigitsNetwork()
    {
        InstalledData.RequireDigits();
        string run = Path.Combine(HostRunner.TempFolder(), "run");
        Assert.Equal(0, HostRunner.Run("train", "--config", Path.Combine(TestPaths.RepositoryRoot, "configs", "digits.json"), "--pop", "16", "--gens", "4", "--out", run, "--quiet").ExitCode);
        return Path.Combine(run, "best.json");
    }

    [SkippableFact]
    public void Conditions_ReportTestAccuracy_PerTrialForRandomWeights_AndOnceForAFixedWeight()
    {
        string net = DigitsNetwork();
        var random = HostRunner.Json(HostRunner.Run("eval", "--net", net, "--task", "digits", "--condition", "random-weights", "--trials", "8", "--json").Out);
        Assert.Equal(8, random.GetProperty("trials").GetInt32());
        Assert.InRange(random.GetProperty("mean").GetDouble(), 0.0, 1.0);
        Assert.Equal("test accuracy", random.GetProperty("measure").GetString());
        Assert.InRange(random.GetProperty("ensembleAccuracy").GetDouble(), 0.0, 1.0);
        var tuned = HostRunner.Json(HostRunner.Run("eval", "--net", net, "--task", "digits", "--condition", "tuned-shared", "--json").Out);
        Assert.Equal(1, tuned.GetProperty("trials").GetInt32());
        Assert.InRange(tuned.GetProperty("weight").GetDouble(), -2, 2);
    }

    [SkippableFact]
    public void TuneWeights_TrainsOnTrainingBatches_AndReportsTestAccuracy()
    {
        string net = DigitsNetwork();
        string folder = Path.Combine(HostRunner.TempFolder(), "tune");
        var result = HostRunner.Run("tune", "--net", net, "--task", "digits", "--weights", "--pop", "8", "--gens", "4", "--validate-every", "2", "--out", folder, "--json", "--quiet");
        Assert.True(result.ExitCode == 0, result.Error);
        var json = HostRunner.Json(result.Out);
        Assert.InRange(json.GetProperty("accuracy").GetDouble(), 0.0, 1.0);
        Assert.Equal(1, json.GetProperty("trials").GetInt32());
        Assert.True(File.Exists(Path.Combine(folder, "tuned.json")));
        var stored = HostRunner.Json(HostRunner.Run("eval", "--net", Path.Combine(folder, "tuned.json"), "--task", "digits", "--condition", "stored", "--json").Out);
        Assert.Equal(json.GetProperty("accuracy").GetDouble(), stored.GetProperty("mean").GetDouble(), 12);
    }
}
