using CommandLine;
using Wann.Kernels.Gpu;
using Wann.Host.Bench;
using Wann.Host.Cpu;
using Wann.Host.Output;
using Wann.Kernels.Backends;

namespace Wann.Host.Commands;

[Verb("bench", HelpText = "Throughput suite: network evaluation, swing-up episodes, a swingup.json generation, host work and biped episodes, each next to same-run baselines.")]
public sealed class BenchOptions
{
    [Option("backend", Default = "auto", HelpText = "Backend to measure: auto, cpu, cuda, opencl, ilgpu-cpu or reference.")]
    public string Backend { get; set; } = "auto";

    [Option("quick", Default = false, HelpText = "Smaller populations (256 genomes) for a fast look; same repetitions.")]
    public bool Quick { get; set; }

    [Option("genomes", HelpText = "Population of M1 and M2 (default 1024; GPUs want far more, e.g. 100000). Large populations tile 1024 grown networks.")]
    public int? Genomes { get; set; }

    [Option("host-genomes", HelpText = "Populations of M5, the host work per generation, comma-separated, or 'none' (default 10000,100000,1000000; --quick: 10000).")]
    public string? HostGenomes { get; set; }

    [Option("biped-episodes", HelpText = "M6: episodes of the biped champion per shared weight (default 16; --quick 8). A GPU wants thousands: 2000 gives 12,000 lanes, 100000 gives 600,000.")]
    public int? BipedEpisodes { get; set; }

    [Option("only", HelpText = "Run only these measurements, comma-separated: M1, M2, M3, M5, M6 (default: all).")]
    public string? Only { get; set; }

    [Option("threads", HelpText = "CPU threads for the cpu and reference backends and M6's reference baseline (default: all cores; 1 compares one core with one core).")]
    public int? Threads { get; set; }

    [Option("gpu-schedule", Default = GpuSchedule.Grid, HelpText = "How cuda, opencl and ilgpu-cpu hand rollout lanes to threads: grid (a thread a lane) or queue " +
                                                                   "(persistent threads taking the next lane as episodes end); the same results either way.")]
    public GpuSchedule GpuSchedule { get; set; }

    [Option("smoke", Default = false, HelpText = "Every measurement once on tiny sizes: checks the suite runs end to end (CI, ilgpu-cpu); the figures mean little.")]
    public bool Smoke { get; set; }

    [Option("json-out", HelpText = "Also write the JSON document to this file (the table still goes to standard output).")]
    public string? JsonOut { get; set; }

    [Option("soak", HelpText = "Instead of the suite: run this many generations of a small search and report memory at start and end.")]
    public int? Soak { get; set; }

    [Option("json", Default = false, HelpText = "Print one JSON document instead of a table.")]
    public bool Json { get; set; }
}

/// <summary><c>wann bench</c>: runs <see cref="ThroughputSuite"/> and prints every figure as a ratio to its baselines.</summary>
public static class BenchCommand
{
    public static int Run(BenchOptions options)
    {
        var settings = options.Smoke ? BenchSettings.Smoke : options.Quick ? BenchSettings.Quick : BenchSettings.Full;
        if (options.Genomes is { } genomes)
        {
            if (genomes < 1) throw new Engine.WannException($"--genomes: must be at least 1, got {genomes}");
            settings = settings with { Genomes = genomes, ReferenceGenomes = Math.Min(settings.ReferenceGenomes, genomes) };
        }
        if (options.HostGenomes is { } hostText) settings = settings with { HostWorkGenomes = ParseHostGenomes(hostText) };
        if (options.BipedEpisodes is { } episodes)
        {
            if (episodes < 1) throw new Engine.WannException($"--biped-episodes: must be at least 1, got {episodes}");
            settings = settings with { BipedEpisodes = episodes };
        }
        if (options.Threads is { } threads)
        {
            if (threads < 1) throw new Engine.WannException($"--threads: must be at least 1, got {threads}");
            settings = settings with { Threads = threads };
        }
        if (options.Only is { } only) settings = settings with { Parts = ParseParts(only) };
        using var backend = BackendFactory.Create(BackendNames.Parse(options.Backend), options.Threads, options.GpuSchedule);
        if (options.Soak is { } generations) return Soak(backend, generations, options.Json);
        var suite = new ThroughputSuite(settings, backend, step => Console.Error.WriteLine($"bench: {step} ..."));
        string ilgpu = typeof(ILGPU.Context).Assembly.GetName().Version?.ToString() ?? "unknown";
        var report = suite.Run(ilgpu);
        double? kernelCompile = backend.KernelCompileSeconds > 0 ? backend.KernelCompileSeconds : null;
        if (options.Json) JsonOutput.Print(JsonDocument(report, kernelCompile));
        else PrintTable(report, kernelCompile);
        if (options.JsonOut is { } file) JsonOutput.Write(file, JsonDocument(report, kernelCompile));
        return 0;
    }

    private static BenchParts ParseParts(string text)
    {
        var parts = BenchParts.None;
        foreach (var name in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!Enum.TryParse(name, ignoreCase: true, out BenchParts part) || part is BenchParts.None or BenchParts.All)
                throw new Engine.WannException($"--only: '{name}' is not a measurement (give some of M1, M2, M3, M5, M6)");
            parts |= part;
        }
        if (parts == BenchParts.None) throw new Engine.WannException("--only: name at least one measurement (M1, M2, M3, M5, M6)");
        return parts;
    }

    private static int[] ParseHostGenomes(string text)
    {
        if (text.Trim().Equals("none", StringComparison.OrdinalIgnoreCase)) return Array.Empty<int>();
        var sizes = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, out int size) || size < 2)
                throw new Engine.WannException($"--host-genomes: '{part}' is not a population of at least 2 (give e.g. 10000,100000 or none)");
            sizes.Add(size);
        }
        return sizes.ToArray();
    }

    private static int Soak(Engine.Evaluation.IEvaluator backend, int generations, bool json)
    {
        if (generations < 10) throw new Engine.WannException($"--soak: at least 10 generations, got {generations}");
        var r = MemorySoak.Run(backend, generations, line => Console.Error.WriteLine($"bench: {line}"));
        if (json)
        {
            JsonOutput.Print(new
            {
                generations = r.Generations,
                population = r.Population,
                backend = backend.Name,
                start = new { generation = r.Start.Generation, managedBytes = r.Start.ManagedBytes, workingSetBytes = r.Start.WorkingSetBytes },
                end = new { generation = r.End.Generation, managedBytes = r.End.ManagedBytes, workingSetBytes = r.End.WorkingSetBytes },
                managedGrowthBytesPerGeneration = r.ManagedGrowthBytesPerGeneration,
                seconds = r.Seconds,
            });
            return 0;
        }
        static string MiB(long bytes) => $"{bytes / (1024.0 * 1024.0):F1} MiB";
        Console.WriteLine($"soak: {r.Generations} generations of a population-{r.Population} swing-up search on {backend.Name} in {r.Seconds:F1} s");
        Console.WriteLine($"generation {r.Start.Generation,6}: managed heap {MiB(r.Start.ManagedBytes)}, working set {MiB(r.Start.WorkingSetBytes)}");
        Console.WriteLine($"generation {r.End.Generation,6}: managed heap {MiB(r.End.ManagedBytes)}, working set {MiB(r.End.WorkingSetBytes)}");
        Console.WriteLine($"managed heap growth: {r.ManagedGrowthBytesPerGeneration:F0} bytes per generation");
        return 0;
    }

    private static void PrintTable(BenchReport r, double? kernelCompile)
    {
        Console.WriteLine($"wann bench {r.Date}: backend {r.Backend} ({r.Device})");
        Console.WriteLine($"machine: {r.Machine}; {r.DotNetVersion}; ILGPU {r.IlgpuVersion}; medians of {r.Repetitions} runs after a warm-up run");
        Console.WriteLine(VectorWidthChoice.Describe());
        Console.WriteLine($"lane-FMA ceiling (all cores): {r.Ceiling.MedianRate:E3} lane FMAs/s");
        foreach (var m in r.NetworkEvaluation)
            Console.WriteLine($"M1 {m.Population,-18} {m.Backend.MedianRate,12:E3} conn-evals/s   {m.SpeedupOverReference,6:F1}x reference ({m.Reference.MedianRate:E3})   {m.Backend.MedianRate / r.Ceiling.MedianRate * 100,5:F1}% of ceiling   (mean {m.MeanConnections:F0} connections, {m.Genomes} genomes){KernelSplit(m.Backend, "conn-evals/s")}");
        if (r.SwingUp is { } s)
            Console.WriteLine($"M2 swing-up episodes   {s.Backend.MedianRate,12:E3} steps/s        {s.SpeedupOverReference,6:F1}x reference ({s.Reference.MedianRate:E3})   ({s.Genomes} genomes x {s.LanesPerGenome} lanes; reference on {s.ReferenceGenomes}){KernelSplit(s.Backend, "steps/s")}");
        if (r.Generation is { } g)
            Console.WriteLine($"M3 swingup.json gen     {g.Seconds,9:F3} s/gen: evaluate {g.EvaluateSeconds:F3}, rank+breed {g.RankBreedSeconds:F4}, compile {g.CompileSeconds:F4}; host work {g.HostFraction * 100:F1}% (generations {g.FirstGeneration}-{g.FirstGeneration + g.Generations - 1}; {g.EnvStepsPerSecond:E3} steps/s while evaluating)");
        foreach (var h in r.HostWork)
            Console.WriteLine($"M5 host work {h.Genomes,9} genomes {h.HostSeconds,8:F3} s/gen: rank {h.RankSeconds:F3}, breed {h.BreedSeconds:F3}, compile {h.CompileSeconds:F3} (collector pauses {h.CollectorPauseSeconds:F3}); " +
                              $"{h.HostFraction * 100:F1}% of a generation (evaluation {h.EvaluateSeconds:F3} s{(h.EvaluationScaled ? $", scaled from {h.EvaluatedGenomes} genomes" : "")}); peak working set {h.PeakWorkingSetBytes / (1024.0 * 1024 * 1024):F2} GiB; checkpoint {h.CheckpointBytes / (1024.0 * 1024):F1} MiB in {h.CheckpointSeconds:F2} s (background)");
        if (r.Biped is { } b)
            Console.WriteLine($"M6 biped champion      {b.Backend.MedianRate,12:E3} steps/s        {b.SpeedupOverReference,6:F1}x reference ({b.Reference.MedianRate:E3})   " +
                              $"{BipedResult.MicrosecondsPerLaneStep(b.Backend, b.Threads):F1} us vs {BipedResult.MicrosecondsPerLaneStep(b.Reference, b.Threads):F1} us a lane-step per thread ({b.Threads} threads; {b.Lanes} lanes, reference {b.ReferenceLanes}); " +
                              $"scores {(b.SameScores ? "identical to the bit" : "DIFFER from the reference")}{KernelSplit(b.Backend, "steps/s")}");
        var warmups = r.NetworkEvaluation.Select(m => $"M1 {m.Backend.WarmupSeconds:F2} s").ToList();
        if (r.SwingUp is { } sw) warmups.Add($"M2 {sw.Backend.WarmupSeconds:F2} s");
        if (r.Biped is { } bw) warmups.Add($"M6 {bw.Backend.WarmupSeconds:F2} s");
        Console.WriteLine($"warm-up (JIT{(kernelCompile is null ? "" : " and kernel compile")}): {string.Join(", ", warmups)}" +
                          (kernelCompile is { } k ? $"; kernel loading {k:F2} s" : ""));
    }

    private static string KernelSplit(Measurement m, string unit) => m.KernelMedianRate is { } kernel
        ? $"; kernels alone {kernel:E3} {unit} ({m.KernelMedianSeconds * 1000:F2} ms, copies {m.CopyMedianSeconds * 1000:F2} ms)"
        : "";

    private static object JsonDocument(BenchReport r, double? kernelCompile)
    {
        return new
        {
            date = r.Date,
            machine = r.Machine,
            backend = r.Backend,
            device = r.Device,
            cpuVectorWidth = VectorWidthChoice.Describe(),
            dotnet = r.DotNetVersion,
            ilgpu = r.IlgpuVersion,
            repetitions = r.Repetitions,
            connEvalsPerSec = r.NetworkEvaluation.Select(m => m.Backend.MedianRate).ToArray(),
            kernelConnEvalsPerSec = r.NetworkEvaluation.Select(m => m.Backend.KernelMedianRate).ToArray(),
            kernelSeconds = new { m1 = r.NetworkEvaluation.Select(m => m.Backend.KernelMedianSeconds).ToArray(), m2 = r.SwingUp?.Backend.KernelMedianSeconds },
            copySeconds = new { m1 = r.NetworkEvaluation.Select(m => m.Backend.CopyMedianSeconds).ToArray(), m2 = r.SwingUp?.Backend.CopyMedianSeconds },
            referenceConnEvalsPerSec = r.NetworkEvaluation.Select(m => m.Reference.MedianRate).ToArray(),
            connEvalPopulations = r.NetworkEvaluation.Select(m => new { population = m.Population, genomes = m.Genomes, meanConnections = m.MeanConnections, speedupOverReference = m.SpeedupOverReference, fractionOfCeiling = m.Backend.MedianRate / r.Ceiling.MedianRate }).ToArray(),
            ceilingLaneFmaPerSec = r.Ceiling.MedianRate,
            envStepsPerSec = r.SwingUp?.Backend.MedianRate,
            kernelEnvStepsPerSec = r.SwingUp?.Backend.KernelMedianRate,
            swingUpGenomes = r.SwingUp?.Genomes,
            hostWork = r.HostWork.Select(h => new { genomes = h.Genomes, meanConnections = h.MeanConnections, rank = h.RankSeconds, breed = h.BreedSeconds, compile = h.CompileSeconds, collectorPauses = h.CollectorPauseSeconds, host = h.HostSeconds, evaluate = h.EvaluateSeconds, evaluatedGenomes = h.EvaluatedGenomes, hostFraction = h.HostFraction, peakWorkingSetBytes = h.PeakWorkingSetBytes, checkpointBytes = h.CheckpointBytes, checkpointSeconds = h.CheckpointSeconds }).ToArray(),
            peakWorkingSetBytes = r.PeakWorkingSetBytes,
            referenceEnvStepsPerSec = r.SwingUp?.Reference.MedianRate,
            envStepsSpeedupOverReference = r.SwingUp?.SpeedupOverReference,
            secondsPerGeneration = r.Generation?.Seconds,
            generation = r.Generation is { } g ? new { firstGeneration = g.FirstGeneration, generations = g.Generations, evaluate = g.EvaluateSeconds, rankBreed = g.RankBreedSeconds, compile = g.CompileSeconds, hostFraction = g.HostFraction, population = g.Population } : null,
            warmupSeconds = new { m1 = r.NetworkEvaluation.Select(m => m.Backend.WarmupSeconds).ToArray(), m2 = r.SwingUp?.Backend.WarmupSeconds, m6 = r.Biped?.Backend.WarmupSeconds, kernelLoading = kernelCompile },
            biped = r.Biped is not { } biped ? null : new
            {
                lanes = biped.Lanes,
                referenceLanes = biped.ReferenceLanes,
                threads = biped.Threads,
                envStepsPerSec = biped.Backend.MedianRate,
                kernelEnvStepsPerSec = biped.Backend.KernelMedianRate,
                referenceEnvStepsPerSec = biped.Reference.MedianRate,
                speedupOverReference = biped.SpeedupOverReference,
                microsecondsPerLaneStep = BipedResult.MicrosecondsPerLaneStep(biped.Backend, biped.Threads),
                referenceMicrosecondsPerLaneStep = BipedResult.MicrosecondsPerLaneStep(biped.Reference, biped.Threads),
                sameScores = biped.SameScores,
                referenceMeanPerWeight = biped.ReferenceMeanPerWeight,
            },
        };
    }
}
