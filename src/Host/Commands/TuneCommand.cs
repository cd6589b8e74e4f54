using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using Wann.Engine;
using Wann.Engine.Datasets;
using Wann.Engine.Evaluation;
using Wann.Engine.Formats;
using Wann.Engine.Genomes;
using Wann.Engine.Tasks;
using Wann.Engine.Tuning;
using Wann.Host.Evaluation;
using Wann.Host.Output;
using Wann.Host.Runs;
using Wann.Kernels.Tasks;

namespace Wann.Host.Commands;

/// <summary>
/// <c>wann tune</c>: the best shared weight of a network, then (with --weights) every connection's weight
/// trained from it with PEPG or CMA-ES; a run folder with log, tuned network and checkpoints; resumable.
/// </summary>
public static class TuneCommand
{
    public static int Run(TuneOptions options)
    {
        if (options.CheckpointEvery < 1) throw new WannException($"--checkpoint-every: must be at least 1, got {options.CheckpointEvery}");
        var run = options.Resume is not null ? Resume(options) : Start(options);
        using var scoring = TaskScoring.Open(run.Task, options.Backend, options.Threads);
        var clock = Stopwatch.StartNew();
        var tuner = new WeightTuner(run.Genome, run.Task, scoring.Evaluator, run.Settings, run.Seed);

        float shared = run.SharedWeight ?? TuneShared(options, run, scoring, tuner);
        if (run.Mode == "shared")
        {
            var weights = Enumerable.Repeat((double)shared, tuner.Connections.Count).ToArray();
            var score = scoring.ScoreTuned(tuner, weights);
            return Finish(options, run, scoring, tuner, weights, shared, score, null, null, null, clock.Elapsed.TotalSeconds);
        }

        var state = run.State ?? tuner.Start(shared);
        if (run.State is null) run.Folder.WriteCheckpoint(Checkpoint(run, shared, state));
        bool stopRequested = false;
        Action<PosixSignalContext> onSignal = context =>
        {
            context.Cancel = true;
            stopRequested = true;
        };
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, onSignal);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, onSignal);
        if (!options.Quiet)
            Console.WriteLine($"{run.Task.Name}: tuning {tuner.Connections.Count} weights from shared weight {Format(shared)} with {state.Optimizer.Name}, " +
                              $"{state.Optimizer.PopulationSize} candidates x {run.Settings.Episodes} episodes, generations {state.Generation}..{run.Settings.Generations - 1}, " +
                              $"backend {scoring.Evaluator.Name} ({scoring.Evaluator.Device}), run folder {run.Folder.Path}");
        var recent = new Queue<double>();
        // Opened at the first line: a resumed run that fails in its first generation has written nothing.
        RunLogWriter? log = null;
        try
        {
            while (state.Generation < run.Settings.Generations && !stopRequested)
            {
                var report = tuner.Step(state);
                // A state that overflowed (from a damaged or hand-made checkpoint) ends the run before it is logged or saved.
                if (Diverged(state) is { } field)
                    throw new WannException($"the tuning diverged at generation {report.Generation}: the optimiser's '{field}' is no longer finite");
                (log ??= run.OpenLog()).Append(LogLine(report));
                if (report.NewBest)
                    run.Folder.WriteTuned(Tuned(run, tuner.Connections.Genome(tuner.Weights(state, state.Best)), $"validation mean {state.BestScore:F2}", state.BestGeneration, state.BestScore));
                bool last = state.Generation >= run.Settings.Generations;
                if (last || stopRequested || state.Generation % options.CheckpointEvery == 0) run.Folder.WriteCheckpoint(Checkpoint(run, shared, state));
                if (!options.Quiet) Progress(report, run.Settings.Generations, recent);
            }
        }
        finally
        {
            log?.Dispose();
        }
        if (stopRequested)
        {
            Console.Error.WriteLine($"wann: stopped before generation {state.Generation}; continue with: wann tune --resume {run.Folder.Path}");
            return 130;
        }
        var result = tuner.Result(state);
        var best = tuner.Weights(state, result.Offsets);
        var final = scoring.ScoreTuned(tuner, best);
        return Finish(options, run, scoring, tuner, best, shared, final, state, result.Generation, result.Score, clock.Elapsed.TotalSeconds);
    }

    /// <summary>The shared-weight stage: sweep, log, tuned.json with that weight everywhere, checkpoint.</summary>
    private static float TuneShared(TuneOptions options, TuneRun run, TaskScoring scoring, WeightTuner tuner)
    {
        var clock = Stopwatch.StartNew();
        var result = scoring.TuneShared(run.Genome, run.Seed, new SharedTuningSettings());
        double seconds = clock.Elapsed.TotalSeconds;
        var line = new JsonObject
        {
            ["stage"] = "shared",
            ["weight"] = result.Weight,
            ["sweepMean"] = result.ChosenMean,
            ["sweepEpisodes"] = result.Coarse.Episodes,
            ["sweepMeasure"] = scoring.Scheme.SweepMeasure,
            ["coarseWeights"] = result.Coarse.Weights.Length,
            ["fineFrom"] = result.Fine.Weights[0],
            ["fineTo"] = result.Fine.Weights[^1],
            ["envSteps"] = result.StepCount,
            ["seconds"] = seconds,
        };
        using (var log = run.OpenLog()) log.Append(line.ToJsonString());
        if (!options.Quiet)
            Console.WriteLine($"{run.Task.Name}: best shared weight {Format(result.Weight)} ({ScoreFormat.For(scoring.Scheme).SweepResult(result.ChosenMean, result.Coarse.Episodes)}, " +
                              $"{result.Coarse.Weights.Length}+{result.Fine.Weights.Length} weights, {seconds:F2} s)");
        var weights = Enumerable.Repeat((double)result.Weight, tuner.Connections.Count).ToArray();
        run.Folder.WriteTuned(Tuned(run, tuner.Connections.Genome(weights), $"shared weight {Format(result.Weight)}, sweep mean {result.ChosenMean:F2}", null, result.ChosenMean));
        run.Folder.WriteCheckpoint(Checkpoint(run, result.Weight, null));
        return result.Weight;
    }

    private static int Finish(TuneOptions options, TuneRun run, TaskScoring scoring, WeightTuner tuner, double[] weights, float shared, TrialSummary score, TuningState? state,
        long? bestGeneration, double? validation, double seconds)
    {
        var format = ScoreFormat.For(scoring.Scheme);
        string measure = format.TunedResult(score);
        string how = state is null
            ? $"shared weight {Format(shared)}"
            : $"{state.Optimizer.Name}, {Counted.Of(state.Generation, "generation")} from shared weight {Format(shared)}, best centre of generation {bestGeneration}";
        run.Folder.WriteTuned(Tuned(run, tuner.Connections.Genome(weights), $"{how}; {measure}", bestGeneration, score.Mean));
        var test = new JsonObject
        {
            ["stage"] = "test",
            ["mean"] = score.Mean,
            ["std"] = score.Std,
            ["ci95"] = score.Ci95,
            ["trials"] = score.Trials,
            ["seconds"] = seconds,
        };
        using (var log = run.OpenLog()) log.Append(test.ToJsonString());
        if (options.Json)
        {
            JsonOutput.Print(new
            {
                net = run.Source,
                task = run.Task.Name,
                mode = run.Mode,
                optimizer = state?.Optimizer.Name,
                seed = run.Seed,
                backend = scoring.Evaluator.Name,
                device = scoring.Evaluator.Device,
                sharedWeight = shared,
                generations = state?.Generation,
                bestGeneration,
                validation,
                mean = score.Mean,
                std = score.Std,
                ci95 = score.Ci95,
                trials = score.Trials,
                accuracy = format.Accuracy(score),
                tuned = run.Folder.TunedFile,
                seconds,
            });
        }
        else if (!options.Quiet)
        {
            Console.WriteLine($"tuned ({how}): {measure}, {seconds:F1} s; saved to {run.Folder.TunedFile}");
        }
        return 0;
    }

    private static void Progress(TuningReport r, long generations, Queue<double> recent)
    {
        recent.Enqueue(r.TotalSeconds);
        if (recent.Count > 10) recent.Dequeue();
        double left = recent.Average() * (generations - 1 - r.Generation);
        string validation = r.Validation is { } v ? $"{v,8:F2}{(r.NewBest ? "*" : " ")}" : "         ";
        Console.WriteLine($"gen {r.Generation,5}/{generations - 1}  mean {r.MeanFitness,8:F2}  best {r.BestFitness,8:F2}  valid {validation} kept {r.BestScore,8:F2}  " +
                          $"spread {r.Spread,6:F3}  {ProgressPrinter.Rate(r.EnvironmentSteps / Math.Max(r.EvaluateSeconds, 1e-9)),7} steps/s  {r.TotalSeconds * 1000,6:F1} ms/gen  left {left:F0}s");
    }

    /// <summary>The first field of the optimiser's state that is not finite, or null.</summary>
    private static string? Diverged(TuningState state) =>
        state.Optimizer.Save().Arrays.Append(new KeyValuePair<string, double[]>("best", state.Best))
            .FirstOrDefault(a => !Array.TrueForAll(a.Value, double.IsFinite)).Key;

    private static string LogLine(TuningReport r)
    {
        var line = new JsonObject
        {
            ["stage"] = "weights",
            ["generation"] = r.Generation,
            ["meanFitness"] = Finite(r.MeanFitness),
            ["bestFitness"] = Finite(r.BestFitness),
            ["validation"] = r.Validation is { } v ? Finite(v) : null,
            ["newBest"] = r.NewBest,
            ["keptScore"] = Finite(r.BestScore),
            ["spread"] = Finite(r.Spread),
            ["envSteps"] = r.EnvironmentSteps,
            ["seconds"] = new JsonObject { ["evaluate"] = r.EvaluateSeconds, ["total"] = r.TotalSeconds },
        };
        return line.ToJsonString();
    }

    private static JsonNode? Finite(double value) => double.IsFinite(value) ? JsonValue.Create(value) : null;

    private static string Format(float weight) => weight.ToString("0.####", CultureInfo.InvariantCulture);

    /// <summary>The tuned network: naming the network it tuned (its topology fingerprint) and keeping its data contract.</summary>
    private static NetworkFile Tuned(TuneRun run, Genome genome, string how, long? generation, double fitness) =>
        new(genome, run.Task.Name, new Provenance($"wann tune --{(run.Mode == "shared" ? "shared" : "weights")} of {run.Source} (seed {run.Seed}): {how}",
            generation, double.IsFinite(fitness) ? fitness : null, run.Seed, DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ"), TopologyFingerprint.Of(run.Genome)), run.Data);

    private static TuningCheckpointFormat.Checkpoint Checkpoint(TuneRun run, float shared, TuningState? state) =>
        new(run.NetworkJson, run.Task.Name, run.Mode, run.Seed, run.Settings, shared, state);

    /// <summary>What a run works on, new or resumed.</summary>
    private sealed record TuneRun(TuneFolder Folder, Genome Genome, string NetworkJson, string Source, TaskSpec Task, string Mode, ulong Seed,
        WeightTuningSettings Settings, float? SharedWeight, TuningState? State, DataContract? Data)
    {
        /// <summary>A resumed run's log keeps the lines before this generation; cut when the run first writes, so a run that fails first writes nothing.</summary>
        public long? LogCutPending { get; set; }

        public RunLogWriter OpenLog()
        {
            if (LogCutPending is { } generation) Folder.TruncateLog(generation);
            LogCutPending = null;
            return Folder.OpenLog();
        }
    }

    private static TuneRun Start(TuneOptions o)
    {
        if (o.Out is null) throw new WannException("give --out DIR for a new tuning run (or --resume DIR to continue one)");
        if (o.Net is null) throw new WannException("give --net FILE, the network to tune");
        if (o.Shared == o.Weights) throw new WannException("give exactly one of --shared (the best shared weight) and --weights (every connection's weight)");
        if (o.StartWeight is { } start && (o.Shared || !float.IsFinite(start)))
            throw new WannException(o.Shared ? "--start-weight: only with --weights (--shared searches the weight)" : $"--start-weight: must be a finite number, got {start}");
        // A task named by --task is checked before the network is read; else the network file names it.
        string file = NetworkPath.File(o.Net);
        string taskName = o.Task ?? NetworkAndTask.TaskNamedBy(file), where = o.Task is null ? $"{file}: task" : "--task";
        var csvSource = TaskResolver.CsvSource(taskName, o, NetworkPath.CsvRunFolder(file));
        var task = TaskEvaluators.RunnableTask(csvSource is not null ? CsvTask.From(csvSource.Load()) : TaskRegistry.Get(taskName, where), where);
        var settings = new WeightTuningSettings
        {
            Optimizer = o.Optimizer.ToLowerInvariant(),
            Population = o.Population ?? 64,
            Episodes = o.Episodes ?? task.Scoring.TuningEpisodes,
            Generations = o.Generations ?? 2000,
            SigmaInit = o.Sigma,
            ValidateEvery = o.ValidateEvery ?? 25,
            TestEpisodes = o.TestEpisodes ?? 100,
        }.Validated();
        var network = NetworkAndTask.LoadFor(file, task);
        string json = NetworkJsonFormat.Format(new NetworkFile(network.Genome, task.Name, network.Provenance, network.Data));
        var folder = TuneFolder.Create(o.Out);
        // A csv run names its data files, so --resume rebuilds the task.
        if (csvSource is not null) CsvTaskFile.Write(folder.Path, csvSource);
        return new TuneRun(folder, network.Genome, json, file, task, o.Shared ? "shared" : "weights", o.Seed, settings, o.StartWeight, null, network.Data);
    }

    private static TuneRun Resume(TuneOptions o)
    {
        if (o.Out is not null || o.Net is not null || o.Task is not null || o.Shared || o.Weights || o.Population is not null || o.Episodes is not null || o.Sigma is not null || o.StartWeight is not null
            || o.TrainFile is not null || o.TestFile is not null || o.Label is not null || o.Drop is not null)
            throw new WannException("--resume continues a run with its own settings: only --gens, --backend, --threads, --checkpoint-every, --quiet and --json may be given with it");
        var folder = TuneFolder.Open(o.Resume!);
        var checkpoint = folder.ReadCheckpoint(message => Console.Error.WriteLine($"wann: warning: {message}"));
        var settings = checkpoint.Settings;
        long done = checkpoint.State?.Generation ?? 0;
        if (o.Generations is { } gens)
        {
            if (gens < done) throw new WannException($"--gens: {gens} is fewer than the {done} generations already run");
            settings = (settings with { Generations = gens }).Validated();
        }
        // Everything read and checked before the log is touched.
        var network = NetworkJsonFormat.Parse(checkpoint.NetworkJson, folder.CheckpointFile);
        // A csv run's data is checked against the hashes recorded at its start.
        var task = CsvTask.Is(checkpoint.Task) ? CsvTask.From(CsvTaskFile.Read(folder.Path).Load())
            : TaskEvaluators.RunnableTask(checkpoint.Task, folder.CheckpointFile + " task");
        if (network.Genome.Shape != task.Shape)
            throw new WannException($"{folder.CheckpointFile}: the network is {network.Genome.Shape} but task '{task.Name}' needs {task.Shape}");
        TuningCheckpointContents.Validate(checkpoint, network.Genome, folder.CheckpointFile);
        return new TuneRun(folder, network.Genome, checkpoint.NetworkJson, network.Provenance.Source, task, checkpoint.Mode, checkpoint.Seed, settings, checkpoint.SharedWeight, checkpoint.State,
            network.Data)
        {
            LogCutPending = done,
        };
    }
}
