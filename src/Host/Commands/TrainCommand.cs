using Wann.Engine.Config;
using Wann.Engine.Datasets;
using Wann.Engine.Evaluation;
using Wann.Engine.Formats;
using Wann.Engine.Search;
using Wann.Engine.Tasks;
using Wann.Engine;
using Wann.Host.Cluster;
using Wann.Host.Evaluation;
using Wann.Host.Output;
using Wann.Host.Runs;
using Wann.Kernels.Backends;
using Wann.Kernels.Tasks;

namespace Wann.Host.Commands;

/// <summary><c>wann train</c>: the WANN search with a run folder, checkpoints and resume.</summary>
public static class TrainCommand
{
    public static int Run(TrainOptions options, IReadOnlyList<string> arguments) => Run(options, arguments, stopRequests: null, wrapEvaluator: null);

    /// <param name="stopRequests">Where stops come from instead of SIGINT and SIGTERM (tests).</param>
    /// <param name="wrapEvaluator">Wraps the backend (tests that stop a run in the middle of a generation).</param>
    internal static int Run(TrainOptions options, IReadOnlyList<string> arguments, StopRequests? stopRequests, Func<IEvaluator, IEvaluator>? wrapEvaluator)
    {
        if (options.Seeds is not null) return SeedSweep.Run(options, arguments);
        if (options.AcceptChangedData && options.Resume is null) throw new WannException("--accept-changed-data goes with --resume DIR (a csv run whose data changed)");
        if (options.CheckpointEvery is < 1) throw new WannException($"--checkpoint-every: must be at least 1, got {options.CheckpointEvery}");
        if (!(options.CheckpointSeconds >= 0)) throw new WannException($"--checkpoint-seconds: must be 0 or more, got {options.CheckpointSeconds}");
        TaskEvaluators.CheckThreads(options.Threads);
        // Everything that can fail on bad input is checked before the run folder is created or changed.
        var plan = options.Resume is not null ? Resume(options) : Start(options);
        if (plan is null) return 0;
        var (existing, settings, seed, state, task, data) = plan.Value;
        if (options.Resume is null)
            MemoryNeed.Check(MemoryNeed.ForSearch(settings, task), $"--pop {settings.PopulationSize}: a population of {settings.PopulationSize:N0} {task.Name} networks");
        using var scoring = options.Cluster is null ? TaskScoring.Open(task, BackendList.Create(options.Backend, options.Threads, options.GpuSchedule)) : null;
        using var cluster = options.Cluster is { } clusterFile ? ClusterTraining.Connect(clusterFile, task) : null;
        IEvaluator evaluator = scoring?.Evaluator ?? cluster!;
        if (wrapEvaluator is not null) evaluator = wrapEvaluator(evaluator);
        bool newRun = state is null;
        state ??= WannSearch.NewRun(settings, task, seed);
        var folder = existing ?? RunFolder.Create(options.Out!);
        if (newRun || options.Generations is not null) folder.WriteConfig(settings);
        // A csv run names its files beside the config, so --resume can rebuild the task.
        if (newRun && TaskResolver.CsvSource(settings.Task, options) is { } csv) CsvTaskFile.Write(folder.Path, csv);
        RunInfo.Record(folder.Path, seed, task.Name, evaluator.Name, evaluator.Device, arguments, state.Generation);
        if (newRun)
        {
            // The folder counts as a run from its first checkpoint on, written before the log exists: a folder
            // is resumable or fresh at every moment (a log left by a start cut short before it goes).
            folder.DiscardLog();
            folder.WriteCheckpoint(Checkpoint.Snapshot(settings, seed, state));
        }
        else
        {
            folder.TruncateLog(state.Generation);
        }
        var testAccuracy = scoring?.BestNetworkTracker(settings.SharedWeights());

        var search = new WannSearch(settings, task, evaluator);
        if (!options.Quiet)
        {
            foreach (string line in data?.Summary ?? Array.Empty<string>()) Console.WriteLine(line);
            Console.WriteLine($"{task.Name}: population {settings.PopulationSize}, generations {state.Generation}..{settings.MaxGenerations - 1}, " +
                              $"{settings.SharedWeights().Length} weights x {settings.Repetitions} repetitions");
            Console.WriteLine($"backend {evaluator.Name} ({evaluator.Device}); run folder {folder.Path}");
        }

        using var live = options.Quiet ? null : new LiveProgress(Console.Out, inPlace: !Console.IsOutputRedirected, task.Scoring.LaneUnit);
        // Ctrl-C (SIGINT) or SIGTERM: the first finishes the generation in hand and checkpoints it, the second stops now.
        using var stop = stopRequests ?? StopRequests.FromSignals(line =>
        {
            if (live is null) Console.Error.WriteLine($"wann: {line}");
            else live.Say(Console.Error, $"wann: {line}");
        });
        var progress = new ProgressPrinter(settings.MaxGenerations - 1, settings.BestRepetitions, testAccuracy is not null);
        var schedule = new CheckpointSchedule(options.CheckpointEvery, options.CheckpointSeconds);
        long? droppedGeneration = null;
        try
        {
            using var log = folder.OpenLog();
            using var checkpoints = new CheckpointWriter(folder);
            long checkpointed = state.Generation; // a new run's first checkpoint, or the one resumed from
            while (state.Generation < settings.MaxGenerations && !stop.AfterGeneration)
            {
                // What the generation starts from, kept (cheaply: genomes are shared) for a stop in the middle of it.
                var before = Checkpoint.Snapshot(settings, seed, state);
                var watch = new EvaluationProgress(stop.Now);
                live?.Begin(state.Generation, watch);
                GenerationReport report;
                try
                {
                    report = search.Step(state, watch);
                }
                catch (OperationCanceledException) when (stop.Now.IsCancellationRequested)
                {
                    // Stopped now: the generation's work goes, the run resumes from its start.
                    droppedGeneration = before.State.Generation;
                    if (checkpointed < before.State.Generation) checkpoints.Write(before);
                    break;
                }
                finally
                {
                    live?.End();
                }
                testAccuracy?.Update(report.NewBest, state.Best);
                log.Append(GenerationLog.Line(report, testAccuracy?.Current));
                if (report.NewBest && state.Best is { } best) folder.WriteBest(best, task, seed);
                bool last = state.Generation >= settings.MaxGenerations;
                if (schedule.IsDue(state.Generation, last || stop.AfterGeneration))
                {
                    checkpoints.Write(Checkpoint.Snapshot(settings, seed, state));
                    checkpointed = state.Generation;
                }
                if (!options.Quiet) progress.Print(report, testAccuracy?.Current);
            }
            checkpoints.Flush();
        }
        catch (WannException e)
        {
            // A full disk, a folder made read-only, a cluster left without workers: the folder still holds its
            // last checkpoint, and the log lines after it are dropped on resume.
            throw new WannException($"{e.Message} (the run folder resumes from its last checkpoint once that is fixed: wann train --resume {folder.Path})", e);
        }

        if (droppedGeneration is { } dropped)
        {
            Console.Error.WriteLine($"wann: stopped during generation {dropped} (its work is dropped); continue with: wann train --resume {folder.Path}");
            return 130;
        }
        if (stop.AfterGeneration)
        {
            Console.Error.WriteLine($"wann: stopped before generation {state.Generation}; continue with: wann train --resume {folder.Path}");
            return 130;
        }
        if (!options.Quiet && state.Best is { } final)
        {
            Console.WriteLine($"best network: fitness {final.Fitness:F2} (mean over weights, {settings.BestRepetitions}x re-evaluated), generation {final.Generation}");
            Console.WriteLine($"saved to {folder.BestFile}");
            Console.WriteLine($"peak memory: {MemoryNeed.Format(System.Diagnostics.Process.GetCurrentProcess().PeakWorkingSet64)} (log.jsonl: peakMemoryBytes per generation)");
        }
        return 0;
    }

    /// <summary>A new run's settings and task; the folder is only named here and created once everything else has been checked.</summary>
    private static (RunFolder?, Hyperparameters, ulong, SearchState?, TaskSpec, CsvDataset?) Start(TrainOptions options)
    {
        if (options.Out is null) throw new WannException("give --out DIR for a new run (or --resume DIR to continue one)");
        if (options.Config is null && options.Task is null) throw new WannException("give --config FILE or --task NAME");
        var settings = new Hyperparameters();
        if (options.Config is not null) settings = HyperparameterLoader.ApplyFile(settings, options.Config);
        if (options.Task is not null) settings = settings with { Task = CsvTask.Is(options.Task) ? CsvTask.Name : TaskRegistry.Get(options.Task, "--task").Name };
        if (options.Population is { } pop)
            settings = settings with { PopulationSize = pop >= 2 ? pop : throw new WannException($"--pop: must be at least 2, got {pop}") };
        if (options.Generations is { } gens)
            settings = settings with { MaxGenerations = gens >= 1 ? gens : throw new WannException($"--gens: must be at least 1, got {gens}") };
        var data = TaskResolver.CsvSource(settings.Task, options)?.Load();
        var task = TaskEvaluators.RunnableTask(data is not null ? CsvTask.From(data) : TaskResolver.Get(settings.Task, options, options.Config ?? "--task"), options.Config ?? "--task");
        // Memory first: of a population too large for this machine, how much it would need says the most.
        MemoryNeed.Check(MemoryNeed.ForSearch(settings, task), $"--pop {settings.PopulationSize}: a population of {settings.PopulationSize:N0} {task.Name} networks");
        settings = HyperparameterLoader.Validate(settings, "command line");
        return (null, settings, options.Seed ?? TrainOptions.DefaultSeed, null, task, data);
    }

    /// <summary>A stopped run's checkpoint, settings and task; null (after saying so) when the run has already finished.</summary>
    private static (RunFolder?, Hyperparameters, ulong, SearchState?, TaskSpec, CsvDataset?)? Resume(TrainOptions options)
    {
        var fixedOptions = new (string Name, bool Given)[]
        {
            ("--out", options.Out is not null), ("--config", options.Config is not null), ("--task", options.Task is not null),
            ("--pop", options.Population is not null), ("--seed", options.Seed is not null),
            ("--train", options.TrainFile is not null), ("--test", options.TestFile is not null), ("--label", options.Label is not null), ("--drop", options.Drop is not null),
        };
        foreach (var (name, given) in fixedOptions)
            if (given)
                throw new WannException($"{name} cannot be given with --resume: a resumed run keeps its own settings " +
                                        "(only --gens, --backend, --cluster, --threads, --checkpoint-every, --checkpoint-seconds and --quiet may change)");
        var folder = RunFolder.Open(options.Resume!);
        // Warnings (a fallback checkpoint, a torn log line) are said once the whole folder has passed: a refusal stays one line.
        var warnings = new List<string>();
        Action<string> warn = warnings.Add;
        // run.json holds the run's history: one that cannot be read is refused before anything is written.
        RunInfo.Read(Path.Combine(folder.Path, RunInfo.FileName));
        // A csv run's data is checked against the hashes recorded at its start before any checkpoint is read.
        var source = File.Exists(Path.Combine(folder.Path, CsvTaskFile.FileName)) ? CsvTaskFile.Read(folder.Path, options.AcceptChangedData, warn) : null;
        var data = source?.Load();
        var csvTask = data is not null ? CsvTask.From(data) : null;
        TaskSpec? task = null;
        var checkpoint = folder.ReadCheckpoint(warn, (candidate, file) =>
        {
            task = CsvTask.Is(candidate.Settings.Task)
                ? csvTask ?? throw new WannException($"{Path.Combine(folder.Path, CsvTaskFile.FileName)}: missing: a csv run keeps its data files' names there")
                : TaskEvaluators.RunnableTask(candidate.Settings.Task, $"{file}: settings");
            CheckpointContents.ValidateShape(candidate, task.Shape, task.Name, file);
        });
        var settings = checkpoint.Settings;
        long done = checkpoint.State.Generation;
        if (options.Generations is { } gens)
        {
            if (gens < done)
                throw new WannException($"--gens: {gens} is fewer than the {done} generations already run");
            settings = settings with { MaxGenerations = gens };
        }
        folder.CheckLog(done, warn);
        foreach (string warning in warnings) Console.Error.WriteLine($"wann: warning: {warning}");
        if (done >= settings.MaxGenerations)
        {
            Console.Error.WriteLine($"wann: {folder.Path}: the run has already finished all {Counted.Of(done, "generation")}; nothing to resume " +
                                    $"(to search longer: wann train --resume {folder.Path} --gens {done * 2})");
            return null;
        }
        // Accepted changed data is the run's data from here on.
        if (options.AcceptChangedData && source is not null) CsvTaskFile.Write(folder.Path, source);
        return (folder, settings, checkpoint.Seed, checkpoint.State, task!, data);
    }
}
