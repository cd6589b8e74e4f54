using CommandLine;
using Wann.Engine.Evaluation;
using Wann.Engine.Programs;
using Wann.Host.Commands;
using Wann.Host.Output;
using Wann.Host.Runs;

namespace Wann.Host.Tests;

/// <summary>Long generations: progress within a generation, Ctrl-C acknowledged at once, a second one stopping now.</summary>
public sealed class StopAndProgressTests
{
    private const int Generations = 6;

    private static string[] TrainArgs(string folder) =>
        ["train", "--config", TestPaths.Reference("laptop_swing.json"), "--pop", "24", "--seed", "5", "--gens", Generations.ToString(),
         "--out", folder, "--quiet", "--threads", "1", "--backend", "cpu"];

    private static TrainOptions Parse(string[] args)
    {
        using var parser = new Parser(settings => settings.HelpWriter = null);
        return (TrainOptions)((Parsed<object>)parser.ParseArguments(args, typeof(TrainOptions))).Value;
    }

    /// <summary>Runs train in-process with <paramref name="stop"/> and the backend wrapped by <paramref name="wrap"/>.</summary>
    private static HostRunner.Result Train(string[] args, StopRequests stop, Func<IEvaluator, IEvaluator> wrap) =>
        HostRunner.Capture(() => TrainCommand.Run(Parse(args), args, stop, wrap));

    [Fact]
    public void StopRequests_FirstAsksForTheGenerationsEnd_SecondStopsNow_ThirdIsLeftToTheSystem()
    {
        var said = new List<string>();
        using var stop = new StopRequests(said.Add);
        Assert.False(stop.AfterGeneration);

        Assert.True(stop.Request());
        Assert.True(stop.AfterGeneration);
        Assert.False(stop.Now.IsCancellationRequested);
        Assert.Equal(["stopping after this generation; Ctrl-C again stops now, resumable from the last checkpoint"], said);

        Assert.True(stop.Request());
        Assert.True(stop.Now.IsCancellationRequested);
        Assert.Equal(2, said.Count);

        Assert.False(stop.Request()); // the third: the system's default ends the process
        Assert.Equal(2, said.Count);
    }

    [Fact]
    public void StoppedNow_InTheMiddleOfAGeneration_ResumesToExactlyTheUninterruptedRun()
    {
        string straight = Path.Combine(HostRunner.TempFolder(), "run"), stopped = Path.Combine(HostRunner.TempFolder(), "run");
        Assert.Equal(0, HostRunner.Run(TrainArgs(straight)).ExitCode);

        var said = new List<string>();
        var stop = new StopRequests(said.Add);
        var result = Train(TrainArgs(stopped), stop, inner => new StopsHalfwayThrough(inner, stop, generation: 3, requests: 2));

        Assert.Equal(130, result.ExitCode);
        Assert.Contains("stopped during generation 3", result.Error);
        Assert.Equal(2, said.Count);
        // The dropped generation left nothing behind: the checkpoint holds its start, the log ends before it.
        var checkpoint = Engine.Formats.CheckpointFormat.Parse(File.ReadAllBytes(Path.Combine(stopped, "checkpoint.bin")), "c");
        Assert.Equal(3, checkpoint.State.Generation);
        Assert.Equal(3, File.ReadAllLines(Path.Combine(stopped, "log.jsonl")).Length);

        Assert.Equal(0, HostRunner.Run("train", "--resume", stopped, "--quiet").ExitCode);
        Assert.Equal(HostRunner.LogWithoutTimes(straight), HostRunner.LogWithoutTimes(stopped));
        Assert.Equal(KillAndResumeTests.BestWithoutDate(straight), KillAndResumeTests.BestWithoutDate(stopped));
    }

    [Fact]
    public void StoppedAfterTheGeneration_FinishesIt_ChecksItIn_AndResumesExactly()
    {
        string straight = Path.Combine(HostRunner.TempFolder(), "run"), stopped = Path.Combine(HostRunner.TempFolder(), "run");
        Assert.Equal(0, HostRunner.Run(TrainArgs(straight)).ExitCode);

        var stop = new StopRequests(_ => { });
        var result = Train(TrainArgs(stopped), stop, inner => new StopsHalfwayThrough(inner, stop, generation: 2, requests: 1));

        Assert.Equal(130, result.ExitCode);
        Assert.Contains("stopped before generation 3", result.Error);
        var checkpoint = Engine.Formats.CheckpointFormat.Parse(File.ReadAllBytes(Path.Combine(stopped, "checkpoint.bin")), "c");
        Assert.Equal(3, checkpoint.State.Generation);

        Assert.Equal(0, HostRunner.Run("train", "--resume", stopped, "--quiet").ExitCode);
        Assert.Equal(HostRunner.LogWithoutTimes(straight), HostRunner.LogWithoutTimes(stopped));
    }

    [Fact]
    public void LiveProgress_OnATerminal_RewritesOneLine_AndWipesItWhenTheGenerationEnds()
    {
        var output = new StringWriter();
        using var live = new LiveProgress(output, inPlace: true, "episodes", TimeSpan.FromHours(1));
        live.Show(); // not watching a generation: nothing
        Assert.Equal("", output.ToString());

        var progress = new EvaluationProgress();
        progress.Plan(11_520);
        live.Begin(12, progress);
        progress.Finish(3_456);
        live.Show();
        progress.Finish(100);
        live.Show();
        live.End();

        string text = output.ToString();
        Assert.DoesNotContain('\n', text);
        Assert.StartsWith("\r  generation 12: 3,456 of 11,520 episodes (30%), ", text);
        Assert.Contains("\r  generation 12: 3,556 of 11,520 episodes (31%), ", text);
        // Wiped: the screen's line ends blank, and the next line starts at its beginning.
        Assert.EndsWith("\r", text);
        Assert.Equal("", text.Split('\r')[^2].Trim());
    }

    [Fact]
    public void LiveProgress_InAPipe_WritesWholeLines_AndSayingSomethingLeavesNoFragment()
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        using var live = new LiveProgress(output, inPlace: false, "training batches", TimeSpan.FromHours(1));
        var progress = new EvaluationProgress();
        progress.Plan(40);
        live.Begin(0, progress);
        progress.Finish(10);
        live.Show();
        live.Say(errors, "wann: stopping after this generation");
        live.End();

        var lines = output.ToString().Split(Environment.NewLine);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("  generation 0: 10 of 40 training batches (25%), ", lines[0]);
        Assert.Equal("", lines[1]);
        Assert.Equal("wann: stopping after this generation" + Environment.NewLine, errors.ToString());
    }

    /// <summary>
    /// A backend that, in generation <paramref name="generation"/>'s population evaluation, evaluates half the
    /// genomes, then makes <paramref name="requests"/> stop requests, then evaluates the rest: the run is stopped
    /// in the middle of a generation at a point a test can name.
    /// </summary>
    private sealed class StopsHalfwayThrough(IEvaluator inner, StopRequests stop, long generation, int requests) : IEvaluator
    {
        private bool _done;

        public string Name => inner.Name;
        public string Device => inner.Device;

        public FitnessTable Evaluate(ProgramBatch batch, EvaluationRequest request)
        {
            if (_done || request.Generation != generation || batch.ProgramCount < 2) return inner.Evaluate(batch, request);
            _done = true;
            int half = batch.ProgramCount / 2;
            var first = inner.Evaluate(batch.Slice(0, half), request);
            for (int i = 0; i < requests; i++) stop.Request();
            var rest = inner.Evaluate(batch.Slice(half, batch.ProgramCount - half), request);
            var table = new FitnessTable(batch.ProgramCount, request.Weights.Length, request.Repetitions);
            first.Rewards.CopyTo(table.Rewards, 0);
            rest.Rewards.CopyTo(table.Rewards, first.Rewards.Length);
            table.StepCount = first.StepCount + rest.StepCount;
            return table;
        }

        public void Dispose() => inner.Dispose();
    }
}
