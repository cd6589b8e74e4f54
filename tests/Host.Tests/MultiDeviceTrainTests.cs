namespace Wann.Host.Tests;

/// <summary><c>wann train --backend</c> with several devices: the same run, generation for generation, as on one.</summary>
public sealed class MultiDeviceTrainTests
{
    [Fact]
    public void TrainOnCpuAndIlgpu_LogsWhatCpuAloneLogs()
    {
        string folder = HostRunner.TempFolder();
        string[] Run(string backend, string name)
        {
            var result = HostRunner.Run("train", "--task", "swingup_hard", "--pop", "40", "--gens", "3", "--seed", "4", "--quiet",
                "--backend", backend, "--out", Path.Combine(folder, name));
            Assert.True(result.ExitCode == 0, result.Error);
            return HostRunner.LogWithoutTimes(Path.Combine(folder, name));
        }
        Assert.Equal(Run("cpu", "one"), Run("cpu,ilgpu-cpu", "two"));
        Assert.Contains("\"backend\": \"cpu,ilgpu-cpu\"", File.ReadAllText(Path.Combine(folder, "two", "run.json")));
    }

    [Fact]
    public void BadDeviceList_IsOneLineAndNoRunFolder()
    {
        string folder = Path.Combine(HostRunner.TempFolder(), "run");
        var result = HostRunner.Run("train", "--task", "swingup", "--backend", "cpu,,cuda", "--out", folder);
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("wann: --backend: an empty name in 'cpu,,cuda' (" + Wann.Kernels.Backends.BackendList.Syntax + ")", result.Error.Trim());
        Assert.False(Directory.Exists(folder));
    }
}
