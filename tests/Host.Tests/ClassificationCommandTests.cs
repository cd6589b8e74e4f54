namespace Wann.Host.Tests;

public sealed class ClassificationCommandTests
{
    [SkippableFact]
    public void DigitsSearch_AndEval_ReportAccuracyPerWeightAndForTheEnsemble()
    {
        InstalledData.RequireDigits();
        string run = Path.Combine(HostRunner.TempFolder(), "run");
        Assert.Equal(0, HostRunner.Run("train", "--config", Path.Combine(TestPaths.RepositoryRoot, "configs", "digits.json"), "--pop", "16", "--gens", "3", "--out", run, "--quiet").ExitCode);
        var result = HostRunner.Run("eval", "--net", Path.Combine(run, "best.json"), "--task", "digits", "--json");
        Assert.Equal(0, result.ExitCode);
        var json = HostRunner.Json(result.Out);
        Assert.Equal(6, json.GetProperty("accuracy").GetArrayLength());
        Assert.InRange(json.GetProperty("ensembleAccuracy").GetDouble(), 0.0, 1.0);
        Assert.Equal(449, json.GetProperty("testImages").GetInt32());
        var reference = HostRunner.Json(HostRunner.Run("eval", "--net", Path.Combine(run, "best.json"), "--task", "digits", "--json", "--backend", "reference").Out);
        Assert.Equal(reference.GetProperty("accuracy").GetRawText(), json.GetProperty("accuracy").GetRawText());

        // The report's eval table of a classification run: test accuracy per weight and of the ensemble.
        Assert.Equal(0, HostRunner.Run("report", "--run", run, "--backend", "cpu").ExitCode);
        string html = File.ReadAllText(Path.Combine(run, "report.html"));
        Assert.Contains("Test accuracy on 449 held-out images", html);
        Assert.Contains("<td>ensemble</td>", html);
    }

    [Fact]
    public void Mnist256Config_PointsToFashion16()
    {
        var result = HostRunner.Run("train", "--config", TestPaths.Reference("mnist256.json"), "--out", Path.Combine(HostRunner.TempFolder(), "run"));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("\"task\": \"fashion16\"", result.Error);
    }
}
