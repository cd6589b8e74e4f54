using CommandLine;
using Wann.Kernels.Gpu;

namespace Wann.Host.Commands;

[Verb("train", HelpText = "Search for a weight agnostic network and write a run folder.")]
public sealed class TrainOptions : CsvDataOptions
{
    /// <summary>The seed of a run started without --seed.</summary>
    public const ulong DefaultSeed = 1;

    [Option("config", HelpText = "Hyperparameter file in the original JSON format (e.g. swingup.json); overrides the defaults key by key.")]
    public string? Config { get; set; }

    [Option("task", HelpText = "Task to search on with default settings (or to override the config's task).")]
    public string? Task { get; set; }

    [Option("pop", HelpText = "Population size (overrides popSize; default: the config's, else 128).")]
    public int? Population { get; set; }

    [Option("gens", HelpText = "Generations to run (overrides maxGen; default: the config's, else 2048; with --resume, may extend the run).")]
    public int? Generations { get; set; }

    [Option("seed", HelpText = "Seed of the whole run (default 1).")]
    public ulong? Seed { get; set; }

    [Option("backend", Default = "auto", HelpText = "Backend to evaluate on (see the list below); several devices split each generation: " +
                                                          "cuda:0,cuda:1, cpu,ilgpu-cpu, all (every CUDA/OpenCL device) or all+cpu.")]
    public string Backend { get; set; } = "auto";

    [Option("cluster", HelpText = "Cluster configuration file: evaluate on the workers ('wann worker') it names; selection, breeding and checkpoints stay here.")]
    public string? Cluster { get; set; }

    [Option("threads", HelpText = "CPU threads for the cpu and reference backends (default: all cores).")]
    public int? Threads { get; set; }

    [Option("gpu-schedule", Default = GpuSchedule.Grid, HelpText = "How cuda, opencl and ilgpu-cpu hand rollout lanes to threads: grid (a thread a lane) or queue " +
                                                                   "(persistent threads taking the next lane as episodes end); the same results either way.")]
    public GpuSchedule GpuSchedule { get; set; }

    [Option("out", HelpText = "Run folder to create (config.json, run.json, log.jsonl, best.json, checkpoint.bin). best.json is the " +
                                 "best network, confirmed by bestReps re-evaluations every save_mod generations and in the last generation.")]
    public string? Out { get; set; }

    [Option("resume", HelpText = "Run folder of a stopped run to continue from its checkpoint (with --gens: extend a finished one).")]
    public string? Resume { get; set; }

    [Option("accept-changed-data", Default = false, HelpText = "With --resume of a csv run: go on although a data file changed since the start (the " +
                                                               "resumed run is then not the one an uninterrupted run would give); the new SHA-256 is recorded.")]
    public bool AcceptChangedData { get; set; }

    [Option("checkpoint-every", HelpText = "Also checkpoint every this many generations (default: by time only, see --checkpoint-seconds).")]
    public int? CheckpointEvery { get; set; }

    [Option("checkpoint-seconds", Default = 60.0, HelpText = "Seconds of wall time between checkpoints (written in the background; always one after the last generation and on Ctrl-C; " +
                                                                     "a second Ctrl-C stops at once, keeping the checkpoint from before the generation in hand).")]
    public double CheckpointSeconds { get; set; }

    [Option("quiet", Default = false, HelpText = "No progress lines (without it: one line per generation, its columns explained once at the start, " +
                                                         "and within a long generation the episodes finished so far: every 2 s on a terminal, 10 s in a file).")]
    public bool Quiet { get; set; }

    [Option("seeds", HelpText = "Seed sweep: a range (1-8) or list (1,3,5); one run per seed in --out DIR/seed-N, one after the other.")]
    public string? Seeds { get; set; }

    /// <summary>These options for one run of a seed sweep: every option kept (new ones included), the seed and folder replaced.</summary>
    public TrainOptions ForSeed(ulong seed, string folder)
    {
        var copy = (TrainOptions)MemberwiseClone();
        copy.Seed = seed;
        copy.Out = folder;
        copy.Seeds = null;
        return copy;
    }
}
