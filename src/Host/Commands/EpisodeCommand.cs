using CommandLine;
using Wann.Engine.Formats;
using Wann.Engine.Programs;
using Wann.Engine;
using Wann.Engine.Tasks;
using Wann.Host.Evaluation;
using Wann.Host.Output.Animation;
using Wann.Host.Output;
using Wann.Kernels.Reference;
using Wann.Kernels.Tasks;

namespace Wann.Host.Commands;

[Verb("episode", HelpText = "Run one episode of a network and write its trajectory (.csv, .json) or an animation (.gif).")]
public sealed class EpisodeOptions
{
    [Option("net", Required = true, HelpText = "Network file (.json or .out), or a run folder (its best.json).")]
    public string Net { get; set; } = "";

    [Option("task", HelpText = "Rollout task (default: the task the network file names; a .out file names none): swingup, swingup_hard, cartpole, acrobot, mountaincar, pendulum, biped or pointmass (no .gif).")]
    public string? Task { get; set; }

    [Option("weight", HelpText = "Shared weight: every live connection carries this value.")]
    public float? Weight { get; set; }

    [Option("stored", Default = false, HelpText = "Use each connection's stored weight instead of a shared weight.")]
    public bool Stored { get; set; }

    [Option("seed", Default = 1UL, HelpText = "Seed of the start state: the episode is the first one 'wann eval --seed S' runs.")]
    public ulong Seed { get; set; }

    [Option("fps", Default = EpisodeAnimation.MaxFramesPerSecond, HelpText = "Most frames a second of a .gif, which still runs in the task's own time (fewer: a smaller file).")]
    public double FramesPerSecond { get; set; }

    [Option("out", Required = true, HelpText = "FILE.csv or FILE.json (the trajectory), FILE.gif (an animation), or FILE without extension for all three.")]
    public string Out { get; set; } = "";
}

/// <summary><c>wann episode</c>: one episode, step by step, as data or as an animation.</summary>
public static class EpisodeCommand
{
    public static int Run(EpisodeOptions options)
    {
        if (options.Stored == options.Weight.HasValue)
            throw new WannException("give exactly one of --weight W and --stored");
        if (options.Weight is { } w && !float.IsFinite(w))
            throw new WannException($"--weight: {w} is not a finite number");
        string extension = Path.GetExtension(options.Out).ToLowerInvariant();
        if (extension is not ("" or ".csv" or ".json" or ".gif"))
            throw new WannException($"--out: '{options.Out}' must end in .csv, .json or .gif, or have no extension (all three)");
        string where = options.Task is null ? $"{NetworkPath.File(options.Net)}: task" : "--task";
        string name = options.Task ?? NetworkAndTask.TaskNamedBy(options.Net);
        if (CsvTask.Is(name)) throw new WannException($"{where}: '{name}' is a classification task: it has no episodes");
        var task = TaskRegistry.Get(name, where);
        if (!task.Scoring.HasEpisodes) throw new WannException($"{where}: '{task.Name}' is a classification task: it has no episodes");
        TaskEvaluators.RunnableTask(task, where);
        if (!(options.FramesPerSecond > 0) || double.IsInfinity(options.FramesPerSecond))
            throw new WannException($"--fps: must be a positive number, got {options.FramesPerSecond}");
        var scene = extension is "" or ".gif" ? TaskRegistry.Scene(task, where) : null;
        int stride = scene is null ? 0 : EpisodeAnimation.Stride(scene, options.FramesPerSecond);

        var network = NetworkAndTask.LoadFor(options.Net, task);
        var program = ProgramCompiler.Compile(network.Genome, options.Stored ? WeightMode.Stored : WeightMode.Shared);
        var trace = EpisodeRecorder.Record(task, program, options.Weight ?? 1f, options.Seed, keepStateEvery: stride);

        string stem = extension == "" ? options.Out : Path.ChangeExtension(options.Out, null);
        if (extension is "" or ".csv")
        {
            AtomicFile.WriteAllText(stem + ".csv", EpisodeTraceWriter.Csv(trace, task.InputLabels, task.OutputLabels));
            WrittenFile.Say(stem + ".csv", $"trajectory, {trace.Steps} steps");
        }
        if (extension is "" or ".json")
        {
            AtomicFile.WriteAllText(stem + ".json", EpisodeTraceWriter.Json(trace, task.Name, options.Net, options.Weight, options.Seed, task.InputLabels, task.OutputLabels));
            WrittenFile.Say(stem + ".json", $"trajectory, {trace.Steps} steps");
        }
        if (scene is not null)
        {
            string weight = options.Weight is { } shared ? $"weight {shared:0.###}" : "stored weights";
            AtomicFile.WriteAllBytes(stem + ".gif", EpisodeAnimation.Gif(trace, scene, $"{Path.GetFileName(options.Net)} on {task.Name}, {weight}, seed {options.Seed}", stride));
            WrittenFile.Say(stem + ".gif", "animation");
        }
        Console.WriteLine($"{task.Name}: {trace.Steps} steps, reward {trace.TotalReward:F2}{(trace.EndedEarly ? " (ended by the task)" : "")}");
        return 0;
    }
}
