using CommandLine;

namespace Wann.Host.Commands;

[Verb("table", HelpText = "The paper's row for one network: random weights, random shared weight, tuned shared weight, tuned weights.")]
public sealed class TableOptions : CsvDataOptions
{
    [Option("net", Required = true, HelpText = "Network file (.json or .out), or a run folder (its best.json).")]
    public string Net { get; set; } = "";

    [Option("task", HelpText = "Task to score on (default: the task the network file names; a .out file names none). A csv network takes its data " +
                               "from --train and --test, or from the run folder it lies in.")]
    public string? Task { get; set; }

    [Option("trials", Default = 100, HelpText = "Trials per condition.")]
    public int Trials { get; set; }

    [Option("seed", Default = 1UL, HelpText = "Seed of the trials and the tuning.")]
    public ulong Seed { get; set; }

    [Option("tuned", HelpText = "A network with tuned stored weights (DIR/tuned.json of wann tune --weights, or DIR) for the last column, instead of tuning here; " +
                                "it must be a tuning of --net (same topology).")]
    public string? Tuned { get; set; }

    [Option("optimizer", Default = "pepg", HelpText = "pepg or cma, when the last column is tuned here.")]
    public string Optimizer { get; set; } = "pepg";

    [Option("gens", HelpText = "Tuning generations, when the last column is tuned here (default 2000).")]
    public int? Generations { get; set; }

    [Option("backend", Default = "auto", HelpText = "auto, cpu, reference, cuda, opencl or ilgpu-cpu.")]
    public string Backend { get; set; } = "auto";

    [Option("threads", HelpText = "CPU threads for the cpu and reference backends (default: all cores).")]
    public int? Threads { get; set; }

    [Option("json", Default = false, HelpText = "Print one JSON document instead of a table.")]
    public bool Json { get; set; }
}
