using CommandLine;

namespace Wann.Host.Commands;

[Verb("tune", HelpText = "Tune a network's weights: the best shared weight (--shared) or every connection's weight (--weights).")]
public sealed class TuneOptions : CsvDataOptions
{
    [Option("net", HelpText = "Network file (.json or .out) to tune, or a run folder (its best.json).")]
    public string? Net { get; set; }

    [Option("task", HelpText = "Task to tune on (default: the task the network file names; a .out file names none). A csv network takes its data " +
                               "from --train and --test, or from the run folder it lies in.")]
    public string? Task { get; set; }

    [Option("shared", Default = false, HelpText = "Find the best single shared weight in [-2, 2] (coarse sweep refined around its best).")]
    public bool Shared { get; set; }

    [Option("weights", Default = false, HelpText = "Train every connection's weight as an offset from the best shared weight.")]
    public bool Weights { get; set; }

    [Option("optimizer", Default = "pepg", HelpText = "pepg (population-based REINFORCE, as the paper) or cma (CMA-ES).")]
    public string Optimizer { get; set; } = "pepg";

    [Option("pop", HelpText = "Candidate weight vectors per generation (default 64).")]
    public int? Population { get; set; }

    [Option("gens", HelpText = "Generations (default 2000; with --resume, may extend the run).")]
    public int? Generations { get; set; }

    [Option("episodes", HelpText = "Episodes (classification: training batches) per candidate (default 32; classification 1).")]
    public int? Episodes { get; set; }

    [Option("sigma", HelpText = "Start spread of the optimizer (default: pepg 0.1, cma 0.5).")]
    public double? Sigma { get; set; }

    [Option("validate-every", HelpText = "Generations between checks of the optimizer's centre on validation episodes (default 25).")]
    public int? ValidateEvery { get; set; }

    [Option("test-episodes", HelpText = "Fresh episodes the result is scored on (default 100).")]
    public int? TestEpisodes { get; set; }

    [Option("start-weight", HelpText = "With --weights: start from this shared weight instead of the swept best one (WANNTool's weight_bias, e.g. -1.5 for swing.out). Write --start-weight=-1.5.")]
    public float? StartWeight { get; set; }

    [Option("seed", Default = 1UL, HelpText = "Seed of the whole run.")]
    public ulong Seed { get; set; }

    [Option("backend", Default = "auto", HelpText = "auto, cpu, reference, cuda, opencl or ilgpu-cpu.")]
    public string Backend { get; set; } = "auto";

    [Option("threads", HelpText = "CPU threads for the cpu and reference backends (default: all cores).")]
    public int? Threads { get; set; }

    [Option("out", HelpText = "Run folder to create (log.jsonl, tuned.json, checkpoint.json).")]
    public string? Out { get; set; }

    [Option("resume", HelpText = "Run folder of a stopped tuning run to continue from its checkpoint.")]
    public string? Resume { get; set; }

    [Option("checkpoint-every", Default = 25, HelpText = "Generations between checkpoints.")]
    public int CheckpointEvery { get; set; }

    [Option("quiet", Default = false, HelpText = "No progress lines.")]
    public bool Quiet { get; set; }

    [Option("json", Default = false, HelpText = "Print the result as one JSON document.")]
    public bool Json { get; set; }
}
