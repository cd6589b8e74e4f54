using System.Diagnostics;

namespace Wann.Host.Tests.Hostile;

/// <summary>
/// What a run folder promises under faults: at every moment it is either resumable or plainly fresh; a
/// write that fails (a file size limit, a move refused) ends the run with one line, and once the cause is
/// gone the run resumes to exactly the uninterrupted run's log and best network.
/// </summary>
public sealed class RunFolderFaultTests
{
    private static string[] Args(string folder, int generations, int population = 8) =>
        new[] { "train", "--task", "swingup_hard", "--pop", population.ToString(), "--gens", generations.ToString(), "--seed", "3",
                "--backend", "cpu", "--threads", "1", "--quiet", "--checkpoint-every", "2", "--out", folder };

    private static string Straight(int generations, int population = 8)
    {
        string folder = Path.Combine(HostRunner.TempFolder(), "straight");
        Assert.Equal(0, HostRunner.Run(Args(folder, generations, population)).ExitCode);
        return folder;
    }

    private static string BestWithoutDate(string folder) =>
        string.Join('\n', File.ReadAllLines(Path.Combine(folder, "best.json")).Where(l => !l.Contains("\"created\"")));

    /// <summary>
    /// wann in a child process whose files may not grow past <paramref name="kilobytes"/> (ulimit -f): a
    /// write beyond fails with EFBIG, as on a full disk, and can tear a line in two. SIGXFSZ is ignored so the
    /// write fails instead of the process dying; W^X is off because its double mapping needs a large file.
    /// </summary>
    private static (int ExitCode, string Error) RunWithFileSizeLimit(int kilobytes, string[] args)
    {
        string wann = Path.Combine(AppContext.BaseDirectory, "wann.dll");
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add($"trap '' XFSZ; ulimit -f {kilobytes}; exec dotnet \"$0\" \"$@\"");
        info.ArgumentList.Add(wann);
        foreach (string a in args) info.ArgumentList.Add(a);
        info.Environment["DOTNET_EnableWriteXorExecute"] = "0";
        using var child = Process.Start(info)!;
        var error = child.StandardError.ReadToEndAsync();
        child.StandardOutput.ReadToEnd();
        Assert.True(child.WaitForExit(120_000), "the child did not finish");
        return (child.ExitCode, error.Result);
    }

    [Fact]
    public void WriteFailingMidLog_EndsWithOneLine_AndTheFolderResumesToTheUninterruptedRun()
    {
        // 4 KiB: the checkpoints, config and best network fit; the log's fifth line crosses the limit and is torn.
        string run = Path.Combine(HostRunner.TempFolder(), "run");
        var (exit, error) = RunWithFileSizeLimit(4, Args(run, 10));
        Assert.Equal(2, exit);
        Assert.DoesNotContain('\n', error.Trim());
        Assert.StartsWith("wann: ", error);
        Assert.Contains("log.jsonl: cannot write: the file would grow past this process's file size limit", error);
        Assert.Contains($"wann train --resume {run}", error);
        Assert.DoesNotContain("   at ", error);
        Assert.False(File.ReadAllText(Path.Combine(run, "log.jsonl")).EndsWith('\n'), "the failed write left no torn line: nothing was tested");

        var resumed = HostRunner.Run("train", "--resume", run, "--quiet");
        Assert.True(resumed.ExitCode == 0, resumed.Error);
        Assert.Contains("dropping a torn last line", resumed.Error);
        string straight = Straight(10);
        Assert.Equal(HostRunner.LogWithoutTimes(straight), HostRunner.LogWithoutTimes(run));
        Assert.Equal(BestWithoutDate(straight), BestWithoutDate(run));
    }

    [Fact]
    public void FirstCheckpointFailing_LeavesAFreshFolder_ThatANewStartTakes()
    {
        // A thousand genomes' first checkpoint is larger than 4 KiB; config.json and run.json are not.
        string run = Path.Combine(HostRunner.TempFolder(), "run");
        var (exit, error) = RunWithFileSizeLimit(4, Args(run, 2, population: 1000));
        Assert.Equal(2, exit);
        Assert.DoesNotContain('\n', error.Trim());
        Assert.Contains("checkpoint.bin: cannot write", error);
        // Not a run: no checkpoint and no log. --resume says so; a new start into the same folder is taken.
        Assert.False(File.Exists(Path.Combine(run, "checkpoint.bin")));
        Assert.False(File.Exists(Path.Combine(run, "log.jsonl")));
        Refusal.AssertRefusedUntouched(run, "no checkpoint to resume from", "train", "--resume", run, "--quiet");
        Assert.Equal(0, HostRunner.Run(Args(run, 2, population: 1000)).ExitCode);
        Assert.Equal(HostRunner.LogWithoutTimes(Straight(2, population: 1000)), HostRunner.LogWithoutTimes(run));
    }

    [Fact]
    public void FolderWithALogButNoCheckpoint_IsFresh_ResumeSaysSo_AndANewStartTakesIt()
    {
        // What a start killed before its first checkpoint left, in builds that created the log first.
        string run = Path.Combine(HostRunner.TempFolder(), "run");
        Directory.CreateDirectory(run);
        string straight = Straight(4);
        File.Copy(Path.Combine(straight, "config.json"), Path.Combine(run, "config.json"));
        File.WriteAllText(Path.Combine(run, "log.jsonl"), File.ReadLines(Path.Combine(straight, "log.jsonl")).First()[..50]);
        Refusal.AssertRefusedUntouched(run, "the run stopped before its first checkpoint, so the folder holds no run; start it again with --out", "train", "--resume", run, "--quiet");
        Assert.Equal(0, HostRunner.Run(Args(run, 4)).ExitCode);
        Assert.Equal(HostRunner.LogWithoutTimes(straight), HostRunner.LogWithoutTimes(run));
        Assert.Equal(BestWithoutDate(straight), BestWithoutDate(run));
    }

    [Fact]
    public void CheckpointThatCannotBeMovedAside_EndsWithOneLine_AndTheFolderResumesOnceFixed()
    {
        // A directory where the previous checkpoint goes: the first replacement's move fails (as in a folder
        // made read-only), on the background writer, and surfaces at the next checkpoint.
        string run = Path.Combine(HostRunner.TempFolder(), "run");
        Directory.CreateDirectory(Path.Combine(run, "checkpoint.prev.bin"));
        var failed = HostRunner.Run(Args(run, 10));
        Refusal.AssertOneLine(failed, "checkpoint.bin: cannot move it aside to checkpoint.prev.bin");
        Assert.Contains($"wann train --resume {run}", failed.Error);

        Directory.Delete(Path.Combine(run, "checkpoint.prev.bin"));
        var resumed = HostRunner.Run("train", "--resume", run, "--quiet");
        Assert.True(resumed.ExitCode == 0, resumed.Error);
        string straight = Straight(10);
        Assert.Equal(HostRunner.LogWithoutTimes(straight), HostRunner.LogWithoutTimes(run));
        Assert.Equal(BestWithoutDate(straight), BestWithoutDate(run));
    }

    [SkippableFact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void ReadOnlyFolder_RefusesTheResumeInOneLine_AndResumesOnceWritable()
    {
        Skip.If(Environment.IsPrivilegedProcess, "root writes into read-only folders");
        string run = TinyRun.Copy();
        File.SetUnixFileMode(run, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        try
        {
            Refusal.AssertRefusedUntouched(run, "cannot write", "train", "--resume", run, "--gens", "4", "--quiet");
        }
        finally
        {
            File.SetUnixFileMode(run, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        string clean = TinyRun.Copy();
        Assert.Equal(0, HostRunner.Run("train", "--resume", clean, "--gens", "4", "--quiet").ExitCode);
        Assert.Equal(0, HostRunner.Run("train", "--resume", run, "--gens", "4", "--quiet").ExitCode);
        Assert.Equal(HostRunner.LogWithoutTimes(clean), HostRunner.LogWithoutTimes(run));
    }
}
