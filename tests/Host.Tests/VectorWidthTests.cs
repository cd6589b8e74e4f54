using System.Diagnostics;
using System.Runtime.Intrinsics;
using Wann.Host.Cpu;

namespace Wann.Host.Tests;

public sealed class VectorWidthTests
{
    [Fact]
    public void Choice_TakesSixteenLanes_OnlyWhereTheyWinByTheMargin()
    {
        Assert.Equal(16, VectorWidthChoice.From(new Dictionary<string, double> { ["a"] = 1.01, ["b"] = 1.11, ["c"] = 1.09 }).Lanes);
        Assert.Equal(8, VectorWidthChoice.From(new Dictionary<string, double> { ["a"] = 1.20, ["b"] = 0.85 }).Lanes);
        Assert.Equal(8, VectorWidthChoice.From(new Dictionary<string, double> { ["a"] = 1.04 }).Lanes);
    }

    [Fact]
    public void SavedChoice_LoadsOnThisCpu_AndNotOnAnother_NorFromAGarbledFile()
    {
        string path = Path.Combine(HostRunner.TempFolder(), "vector-width.json");
        var choice = VectorWidthChoice.From(new Dictionary<string, double> { ["M1"] = 1.2 });
        choice.Save(path);
        Assert.Equal(16, VectorWidthChoice.Load(path)!.Lanes);
        (choice with { Cpu = "another CPU" }).Save(path);
        Assert.Null(VectorWidthChoice.Load(path));
        File.WriteAllText(path, "{ not json");
        Assert.Null(VectorWidthChoice.Load(path));
    }

    /// <summary>
    /// The program itself (not in-process: a test host must never be replaced) with a 16-lane choice for this CPU:
    /// it runs at 16 lanes and says so; with the variable set by the user, the user's width stands.
    /// </summary>
    [SkippableFact]
    public void Wann_RunsTheChosenWidth_AndDevicesSaysWhy()
    {
        Skip.IfNot(OperatingSystem.IsLinux() && Vector512.IsHardwareAccelerated, "16 lanes need AVX-512 (and the relaunch, Linux)");
        string path = Path.Combine(HostRunner.TempFolder(), "vector-width.json");
        VectorWidthChoice.From(new Dictionary<string, double> { ["M1"] = 1.2 }).Save(path);
        Assert.Contains("16 lanes, chosen by measurement", Devices(path, userWidth: null));
        Assert.Contains("8 lanes (DOTNET_MaxVectorTBitWidth=256 in the environment", Devices(path, userWidth: "256"));
    }

    private static string Devices(string choiceFile, string? userWidth)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(typeof(Program).Assembly.Location);
        info.ArgumentList.Add("devices");
        info.Environment["WANN_VECTOR_WIDTH_FILE"] = choiceFile;
        info.Environment.Remove(VectorWidthChoice.Variable);
        if (userWidth is not null) info.Environment[VectorWidthChoice.Variable] = userWidth;
        using var process = Process.Start(info)!;
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        return output;
    }
}
