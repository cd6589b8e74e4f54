using CommandLine;

namespace Wann.Host.Commands;

[Verb("train", HelpText = "Search for a weight agnostic network and write a run folder.")]
public sealed class TrainOptions : ICsvDataOptions
{
    [Option("config", HelpText = "Hyperparameter file in the original JSON format (e.g. swingup.json); overrides the defaults key by key.")]
    public string? Config { get; set; }

    [Option("task", HelpText = "Task to search on with default settings (or to override the config's task).")]
    public string? Task { get; set; }

    [Option("pop", HelpText = "Population size (overrides popSize).")]
    public int? Population { get; set; }

    [Option("gens", HelpText = "Generations to run (overrides maxGen; with --resume, may extend the run).")]
    public int? Generations { get; set; }

    [Option("seed", Default = 1UL, HelpText = "Seed of the whole run.")]
    public ulong Seed { get; set; }

    [Option("backend", Default = "auto", HelpText = "auto, cpu, reference, cuda, opencl or ilgpu-cpu.")]
    public string Backend { get; set; } = "auto";

    [Option("threads", HelpText = "CPU threads for the cpu and reference backends (default: all cores).")]
    public int? Threads { get; set; }

    [Option("out", HelpText = "Run folder to create (config.json, log.jsonl, best.json, checkpoint.json).")]
    public string? Out { get; set; }

    [Option("resume", HelpText = "Run folder of a stopped run to continue from its checkpoint.")]
    public string? Resume { get; set; }

    [Option("checkpoint-every", Default = 1, HelpText = "Generations between checkpoints.")]
    public int CheckpointEvery { get; set; }

    [Option("quiet", Default = false, HelpText = "No progress lines.")]
    public bool Quiet { get; set; }

    [Option("seeds", HelpText = "Seed sweep: a range (1-8) or list (1,3,5); one run per seed in --out DIR/seed-N, one after the other.")]
    public string? Seeds { get; set; }

    [Option("train", HelpText = "--task csv: CSV file of training examples, one a row (a header row is detected).")]
    public string? TrainFile { get; set; }

    [Option("test", HelpText = "--task csv: CSV file of held-out examples, same columns.")]
    public string? TestFile { get; set; }

    [Option("label", HelpText = "--task csv: label column, by header name or 1-based number (default: the last column).")]
    public string? Label { get; set; }

    [Option("scale", Default = "standard", HelpText = "--task csv: standard (each feature to mean 0, sd 1 on the training file) or none.")]
    public string Scale { get; set; } = "standard";

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
