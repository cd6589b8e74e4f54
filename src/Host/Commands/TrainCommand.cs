using System.Runtime.InteropServices;
using Wann.Engine;
using Wann.Engine.Config;
using Wann.Engine.Evaluation;
using Wann.Engine.Formats;
using Wann.Engine.Search;
using Wann.Engine.Tasks;
using Wann.Host.Evaluation;
using Wann.Host.Output;
using Wann.Host.Runs;

namespace Wann.Host.Commands;

/// <summary><c>wann train</c>: the WANN search with a run folder, checkpoints and resume.</summary>
public static class TrainCommand
{
    public static int Run(TrainOptions options)
    {
        if (options.Seeds is not null) return SeedSweep.Run(options);
        if (options.CheckpointEvery < 1) throw new WannException($"--checkpoint-every: must be at least 1, got {options.CheckpointEvery}");
        var (folder, settings, seed, state, task) = options.Resume is not null ? Resume(options) : Start(options);
        using var evaluator = TaskEvaluators.Create(task, options.Backend, options.Threads);
        var testAccuracy = evaluator is ClassificationEvaluator classification
            ? new TestAccuracyTracker(classification.Forward, classification.Data.Test, settings.SharedWeights())
            : null;
        var search = new WannSearch(settings, task, evaluator);
        if (!options.Quiet)
            Console.WriteLine($"{task.Name}: population {settings.PopulationSize}, generations {state.Generation}..{settings.MaxGenerations - 1}, " +
                              $"{settings.SharedWeights().Length} weights x {settings.Repetitions} repetitions, backend {evaluator.Name} ({evaluator.Device}), run folder {folder.Path}");

        // Ctrl-C (SIGINT) or SIGTERM: finish the generation in hand, write a checkpoint, stop.
        bool stopRequested = false;
        Action<PosixSignalContext> onSignal = context =>
        {
            context.Cancel = true;
            stopRequested = true;
        };
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, onSignal);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, onSignal);
        var progress = new ProgressPrinter(settings.MaxGenerations - 1);
        using (var log = folder.OpenLog())
        {
            while (state.Generation < settings.MaxGenerations && !stopRequested)
            {
                var report = search.Step(state);
                testAccuracy?.Update(report.NewBest, state.Best);
                log.WriteLine(GenerationLog.Line(report, testAccuracy?.Current));
                log.Flush();
                if (report.NewBest && state.Best is { } best) folder.WriteBest(best, task.Name, seed);
                bool last = state.Generation >= settings.MaxGenerations;
                if (last || stopRequested || state.Generation % options.CheckpointEvery == 0)
                    folder.WriteCheckpoint(new CheckpointFormat.Checkpoint(settings, seed, state));
                if (!options.Quiet) progress.Print(report, testAccuracy?.Current);
            }
        }

        if (stopRequested)
        {
            Console.Error.WriteLine($"wann: stopped before generation {state.Generation}; continue with: wann train --resume {folder.Path}");
            return 130;
        }
        if (!options.Quiet && state.Best is { } final)
            Console.WriteLine($"best network: fitness {final.Fitness:F2} (mean over weights, {settings.BestRepetitions}x re-evaluated), found in generation {final.Generation}, saved to {folder.BestFile}");
        return 0;
    }

    private static (RunFolder, Hyperparameters, ulong, SearchState, TaskSpec) Start(TrainOptions options)
    {
        if (options.Out is null) throw new WannException("give --out DIR for a new run (or --resume DIR to continue one)");
        if (options.Config is null && options.Task is null) throw new WannException("give --config FILE or --task NAME");
        var settings = new Hyperparameters();
        if (options.Config is not null) settings = HyperparameterLoader.ApplyFile(settings, options.Config);
        if (options.Task is not null) settings = settings with { Task = CsvTask.Is(options.Task) ? CsvTask.Name : TaskCatalog.Get(options.Task, "--task").Name };
        if (options.Population is { } pop)
            settings = settings with { PopulationSize = pop >= 2 ? pop : throw new WannException($"--pop: must be at least 2, got {pop}") };
        if (options.Generations is { } gens)
            settings = settings with { MaxGenerations = gens >= 1 ? gens : throw new WannException($"--gens: must be at least 1, got {gens}") };
        settings = HyperparameterLoader.Validate(settings, "command line");
        var task = TaskEvaluators.RunnableTask(TaskResolver.Get(settings.Task, options, options.Config ?? "--task"), options.Config ?? "--task");

        var folder = RunFolder.Create(options.Out);
        folder.WriteConfig(settings);
        if (TaskResolver.CsvSource(settings.Task, options) is { } csv) CsvTaskFile.Write(folder.Path, csv);
        return (folder, settings, options.Seed, WannSearch.NewRun(settings, task, options.Seed), task);
    }

    private static (RunFolder, Hyperparameters, ulong, SearchState, TaskSpec) Resume(TrainOptions options)
    {
        if (options.Out is not null || options.Config is not null || options.Task is not null || options.Population is not null
            || options.TrainFile is not null || options.TestFile is not null || options.Label is not null)
            throw new WannException("--resume continues a run with its own settings: only --gens, --backend, --threads and --checkpoint-every may be given with it");
        var folder = RunFolder.Open(options.Resume!);
        var checkpoint = folder.ReadCheckpoint(message => Console.Error.WriteLine($"wann: warning: {message}"));
        var settings = checkpoint.Settings;
        if (options.Generations is { } gens)
        {
            if (gens < checkpoint.State.Generation)
                throw new WannException($"--gens: {gens} is fewer than the {checkpoint.State.Generation} generations already run");
            settings = settings with { MaxGenerations = gens };
            folder.WriteConfig(settings);
        }
        folder.TruncateLog(checkpoint.State.Generation);
        var task = CsvTask.Is(settings.Task)
            ? CsvTask.From(CsvTaskFile.Read(folder.Path).Load())
            : TaskEvaluators.RunnableTask(settings.Task, "task");
        return (folder, settings, checkpoint.Seed, checkpoint.State, task);
    }
}
