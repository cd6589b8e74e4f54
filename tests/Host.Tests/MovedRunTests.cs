using System.Text.Json.Nodes;
using Wann.Kernels.Backends;
using Wann.Kernels.Gpu;

namespace Wann.Host.Tests;

/// <summary>
/// docs/moving-a-run.md: a run folder stopped on one backend, copied to a fresh folder (another machine) and
/// resumed on another backend ends exactly like the run that never moved.
/// </summary>
public sealed class MovedRunTests
{
    private const int Generations = 4, Moved = 2;

    /// <summary>The files docs/moving-a-run.md says to copy.</summary>
    private static readonly string[] RunFiles = ["checkpoint.bin", "checkpoint.prev.bin", "config.json", "log.jsonl", "best.json", "run.json"];

    private static string[] Train(string folder, string backend, int generations, bool resume)
    {
        string[] where = resume ? ["--resume", folder] : ["--out", folder, "--task", "swingup", "--pop", "24", "--seed", "8"];
        return [.. new[] { "train" }, .. where, "--gens", generations.ToString(), "--backend", backend, "--quiet"];
    }

    [SkippableTheory]
    [InlineData("ilgpu-cpu")]
    [InlineData("reference")]
    [InlineData("cuda")]
    public void RunMovedToAnotherFolderAndBackend_EndsLikeTheRunThatNeverMoved(string destination)
    {
        if (destination == "cuda")
        {
            using var context = GpuDevices.CreateContext();
            Skip.IfNot(GpuDevices.Has(context, BackendKind.Cuda), "no cuda device on this machine");
        }
        string here = Path.Combine(HostRunner.TempFolder(), "run"), there = Path.Combine(HostRunner.TempFolder(), "run");
        string straight = Path.Combine(HostRunner.TempFolder(), "run");
        Assert.Equal(0, HostRunner.Run(Train(straight, "cpu", Generations, resume: false)).ExitCode);

        Assert.Equal(0, HostRunner.Run(Train(here, "cpu", Moved, resume: false)).ExitCode);
        Directory.CreateDirectory(there);
        foreach (string file in RunFiles.Where(f => File.Exists(Path.Combine(here, f))))
            File.Copy(Path.Combine(here, file), Path.Combine(there, file));
        var resumed = HostRunner.Run(Train(there, destination, Generations, resume: true));
        Assert.True(resumed.ExitCode == 0, resumed.Error);

        Assert.Equal(Generations, File.ReadAllLines(Path.Combine(there, "log.jsonl")).Length);
        Assert.Equal(HostRunner.LogWithoutTimes(straight), HostRunner.LogWithoutTimes(there));
        Assert.Equal(KillAndResumeTests.BestWithoutDate(straight), KillAndResumeTests.BestWithoutDate(there));
        // run.json keeps both sessions: where each part of the run was computed.
        var sessions = JsonNode.Parse(File.ReadAllText(Path.Combine(there, "run.json")))!["sessions"]!.AsArray();
        Assert.Equal(["cpu", destination], sessions.Select(s => (string)s!["backend"]!));
        Assert.Equal([0L, Moved], sessions.Select(s => (long)s!["fromGeneration"]!));
    }
}
