using System.Diagnostics;
using System.Text.Json;

namespace Wann.Host.Tests;

/// <summary>
/// scripts/gpu-check.sh end to end on ILGPU's CPU accelerator (--small): the same script a GPU machine runs
/// from the publish folder, here against the repository's build, writing its one report.
/// </summary>
public sealed class GpuCheckScriptTests
{
    [Fact]
    public void GpuCheck_RunsEndToEnd_OnIlgpuCpu_AndWritesOneReport()
    {
        string folder = Path.Combine(HostRunner.TempFolder(), "gpu-check");
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Path.Combine(TestPaths.RepositoryRoot, "scripts", "gpu-check.sh"));
        foreach (var a in new[] { "--backend", "ilgpu-cpu", "--small", "--out", folder }) info.ArgumentList.Add(a);
        // The wann under test: this test run's build, not whatever a publish folder or PATH holds.
        info.Environment["WANN"] = $"dotnet {Path.Combine(AppContext.BaseDirectory, "wann.dll")}";
        using var script = Process.Start(info)!;
        string error = script.StandardError.ReadToEnd();
        script.WaitForExit();
        Assert.True(script.ExitCode == 0, error);

        using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "report.json")));
        var root = report.RootElement;
        Assert.True(root.GetProperty("passed").GetBoolean());
        Assert.Equal("ilgpu-cpu", root.GetProperty("backend").GetString());
        var check = root.GetProperty("check");
        Assert.True(check.GetProperty("passed").GetBoolean());
        // The three kernel families (shared memory, global memory, buffer state), each with every check bit-identical.
        Assert.Equal(3, check.GetProperty("paths").GetArrayLength());
        foreach (var path in check.GetProperty("paths").EnumerateArray())
            foreach (var c in path.GetProperty("checks").EnumerateArray())
                Assert.Equal(c.GetProperty("values").GetInt32(), c.GetProperty("identical").GetInt32());
        var bench = root.GetProperty("bench");
        Assert.Equal(1, bench.GetArrayLength());
        Assert.True(bench[0].GetProperty("envStepsPerSec").GetDouble() > 0);
        Assert.True(bench[0].GetProperty("kernelEnvStepsPerSec").GetDouble() > 0);
        Assert.Contains("every check passed", File.ReadAllText(Path.Combine(folder, "report.md")));
    }
}
