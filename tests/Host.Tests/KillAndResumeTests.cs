using System.Diagnostics;

namespace Wann.Host.Tests;

/// <summary>A real child process, stopped hard (SIGKILL) or asked to stop (SIGINT), then resumed.</summary>
public sealed class KillAndResumeTests
{
    private const int Generations = 300;

    private static string[] TrainArgs(string folder, int generations = Generations) =>
        new[] { "train", "--config", TestPaths.Reference("laptop_swing.json"), "--pop", "24", "--seed", "11", "--gens", generations.ToString(), "--out", folder, "--quiet", "--threads", "1" };

    private static Process StartChild(string[] args)
    {
        string wann = Path.Combine(AppContext.BaseDirectory, "wann.dll");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(wann);
        foreach (var a in args) info.ArgumentList.Add(a);
        var process = Process.Start(info)!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static void WaitForLogLines(string folder, int lines, Process child)
    {
        string log = Path.Combine(folder, "log.jsonl");
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (child.HasExited) throw new Xunit.Sdk.XunitException($"child exited early with status {child.ExitCode}");
            try
            {
                if (File.Exists(log) && File.ReadAllLines(log).Length >= lines) return;
            }
            catch (IOException) { }
            Thread.Sleep(5);
        }
        throw new TimeoutException("the child never reached the wanted generation");
    }

    private static string[] Log(string folder) => HostRunner.LogWithoutTimes(folder);

    [Fact]
    public void KilledChild_ResumesToExactlyTheUninterruptedResult()
    {
        string straight = Path.Combine(HostRunner.TempFolder(), "run"), killed = Path.Combine(HostRunner.TempFolder(), "run");
        var child = StartChild(TrainArgs(killed));
        WaitForLogLines(killed, 25, child);
        child.Kill();
        child.WaitForExit();
        int linesAtKill = File.ReadAllLines(Path.Combine(killed, "log.jsonl")).Length;
        Assert.True(linesAtKill < Generations, "the child finished before it was killed: nothing was tested");

        Assert.Equal(0, HostRunner.Run("train", "--resume", killed, "--quiet").ExitCode);
        Assert.Equal(0, HostRunner.Run(TrainArgs(straight)).ExitCode);
        Assert.Equal(Log(straight), Log(killed));
        Assert.Equal(Generations, Log(killed).Length);
        Assert.Equal(BestWithoutDate(straight), BestWithoutDate(killed));
    }

    [SkippableFact]
    public void Interrupt_WritesAFinalCheckpoint_AndExitsWith130()
    {
        // A shell without job control starts background jobs with SIGINT ignored, and children inherit that:
        // then no process of this test run can be interrupted, wann or not.
        Skip.If(SigIntIgnored(), "SIGINT is ignored in this process tree (started as a background job), so no child can receive it");
        string folder = Path.Combine(HostRunner.TempFolder(), "run");
        // Far more generations than it can run before the signal arrives, so it cannot finish first.
        using var child = StartChild(TrainArgs(folder, 1_000_000).Append("--checkpoint-seconds").Append("1000").ToArray());
        try
        {
            WaitForLogLines(folder, 10, child);
            Process.Start("kill", $"-INT {child.Id}")!.WaitForExit();
            Assert.True(child.WaitForExit(30_000), "the child did not stop within 30 s of SIGINT");
        }
        finally
        {
            // Never leave a million-generation search running behind a failed test.
            if (!child.HasExited) child.Kill();
        }
        Assert.Equal(130, child.ExitCode);
        var checkpoint = Engine.Formats.CheckpointFormat.Parse(File.ReadAllBytes(Path.Combine(folder, "checkpoint.bin")), "c");
        Assert.Equal(File.ReadAllLines(Path.Combine(folder, "log.jsonl")).Length, checkpoint.State.Generation);
    }

    /// <summary>Whether this process ignores SIGINT (signal 2: bit 1 of SigIgn in /proc/self/status).</summary>
    private static bool SigIntIgnored()
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        return line is not null && (Convert.ToUInt64(line["SigIgn:".Length..].Trim(), 16) & 0b10) != 0;
    }

    internal static string BestWithoutDate(string folder)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "best.json")))!.AsObject();
        node["provenance"]!.AsObject().Remove("created");
        return node.ToJsonString();
    }
}
