using CommandLine;
using Wann.Kernels.Gpu;

namespace Wann.Host.Commands;

[Verb("eval", HelpText = "Score a network on a task at each shared weight value.")]
public sealed class EvalOptions : CsvDataOptions
{
    [Option("net", Required = true, HelpText = "Network file (.json or .out).")]
    public string Net { get; set; } = "";

    [Option("task", HelpText = "Task to run (default: the task the network file names; a .out file names none).")]
    public string? Task { get; set; }

    [Option("weights", HelpText = "Comma-separated shared weights (default -2,-1,-0.5,0.5,1,2). Write --weights=-2,-1 when the list starts with a minus.")]
    public string? Weights { get; set; }

    [Option("stored", Default = false, HelpText = "Use the network's stored weights instead of shared weights.")]
    public bool Stored { get; set; }

    [Option("episodes", Default = 100, HelpText = "Episodes per weight value.")]
    public int Episodes { get; set; }

    [Option("seed", Default = 1UL, HelpText = "Seed of the episodes' start states.")]
    public ulong Seed { get; set; }

    [Option("backend", Default = "auto", HelpText = "Backend to evaluate on (see the list below).")]
    public string Backend { get; set; } = "auto";

    [Option("threads", HelpText = "CPU threads for the cpu and reference backends (default: all cores).")]
    public int? Threads { get; set; }

    [Option("gpu-schedule", Default = GpuSchedule.Grid, HelpText = "How cuda, opencl and ilgpu-cpu hand rollout lanes to threads: grid (a thread a lane) or queue " +
                                                                   "(persistent threads taking the next lane as episodes end); the same results either way.")]
    public GpuSchedule GpuSchedule { get; set; }

    [Option("condition", HelpText = "Score one condition of the paper's table over --trials episodes: random-weights, random-shared, shared:W, tuned-shared or stored.")]
    public string? Condition { get; set; }

    [Option("trials", Default = 100, HelpText = "Trials (episodes, each with its own draw of weights in the random conditions) for --condition.")]
    public int Trials { get; set; }

    [Option("json", Default = false, HelpText = "Print one JSON document instead of a table.")]
    public bool Json { get; set; }
}
