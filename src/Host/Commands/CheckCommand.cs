using CommandLine;
using Wann.Engine.Evaluation;
using Wann.Engine.Genomes;
using Wann.Host.Output;
using Wann.Kernels.Backends;
using Wann.Kernels.Checks;
using Wann.Kernels.Gpu;
using Wann.Kernels.Tasks;

using Wann.Host.Evaluation;

namespace Wann.Host.Commands;

[Verb("check", HelpText = "Check that a backend gives bit-identical results to the reference interpreter (run it on a new GPU machine). GPU backends are checked on the shared-memory, global-memory and buffer-state kernels.")]
public sealed class CheckOptions
{
    [Option("backend", Default = "auto", HelpText = "Backend to check against the reference (see the list below).")]
    public string Backend { get; set; } = "auto";

    [Option("champion", HelpText = "The original swing-up champion (swing.out), to compare full episodes too.")]
    public string? Champion { get; set; }

    [Option("json", Default = false, HelpText = "Print one JSON document instead of lines.")]
    public bool Json { get; set; }

    [Option("probe-state", HelpText = "Diagnostics: for this task, run single lanes step by step with their state in a device buffer and print the first step and state slots where the backend parts from the reference.")]
    public string? ProbeState { get; set; }

    [Option("json-out", HelpText = "Also write the JSON document to this file (the lines still go to standard output).")]
    public string? JsonOut { get; set; }
}

/// <summary><c>wann check</c>: agreement of a backend with the ground truth; exit status 1 if any check fails.</summary>
public static class CheckCommand
{
    public static int Run(CheckOptions options)
    {
        Genome? champion = options.Champion is null ? null : NetworkAndTask.LoadNetwork(options.Champion, CartPoleSwingUp.Spec.Shape, "swingup").Genome;
        var kind = BackendNames.Parse(options.Backend);
        if (kind == BackendKind.Auto) kind = BackendFactory.AutoChoice();
        if (options.ProbeState is { } probed) return Probe(kind, TaskRegistry.Get(probed, "--probe-state"));
        var paths = new List<(string Path, string Device, IReadOnlyList<CheckResult> Results)>();
        bool all = true;
        var reference = new ReferenceAnswers();
        foreach (var (path, forceGlobal, forceBufferState) in Paths(kind))
        {
            using IBackend backend = path.Length > 0 ? new GpuEvaluator(kind, forceGlobal, forceBufferState) : BackendFactory.Create(kind);
            if (!options.Json) Console.WriteLine($"checking backend {backend.Name}{(path.Length > 0 ? $", {path}" : "")} ({backend.Device})");
            var results = BackendCheck.Run(backend, champion, reference);
            paths.Add((path, backend.Device, results));
            foreach (var r in results)
            {
                all &= r.Passed;
                if (!options.Json)
                    Console.WriteLine($"{(r.Passed ? "PASS" : "FAIL")}  {r.Name}: {r.Detail}{(r.Passed ? "" : $", worst relative difference {r.WorstDifference:g3}")}");
            }
        }
        var document = new
            {
                backend = BackendNames.NameOf(kind),
                passed = all,
                paths = paths.Select(p => new
                {
                    path = p.Path,
                    device = p.Device,
                    checks = p.Results.Select(r => new { name = r.Name, passed = r.Passed, values = r.Values, identical = r.Identical, worstRelativeDifference = r.WorstDifference }),
                }),
            };
        if (options.Json) JsonOutput.Print(document);
        else Console.WriteLine(all ? "all checks passed: every value bit-identical to the reference" : "some checks FAILED");
        if (options.JsonOut is { } file) JsonOutput.Write(file, document);
        return all ? 0 : 1;
    }

    private static int Probe(BackendKind kind, Engine.Tasks.TaskSpec task)
    {
        if (kind is not (BackendKind.Cuda or BackendKind.OpenCL or BackendKind.IlgpuCpu))
            throw new Engine.WannException("--probe-state: only the ILGPU backends (cuda, opencl, ilgpu-cpu) keep task state in a device buffer");
        var differences = BackendCheck.ProbeState(kind, task);
        if (differences.Count == 0)
        {
            Console.WriteLine($"probe-state {task.Name}: every probed lane's state equals the reference at every step");
            return 0;
        }
        Console.WriteLine($"probe-state {task.Name}: first difference after step {differences[0].Step}, {differences.Count} slots:");
        foreach (var d in differences.Take(200))
            Console.WriteLine($"slot {d.Slot}: expected {d.Expected:R} ({BitConverter.SingleToInt32Bits(d.Expected):X8}), got {d.Actual:R} ({BitConverter.SingleToInt32Bits(d.Actual):X8})");
        return 1;
    }

    /// <summary>GPU backends run every check on each kernel family (node values in shared or global memory, task state in registers or a buffer); the CPU backends have one path.</summary>
    private static IEnumerable<(string Path, bool ForceGlobal, bool ForceBufferState)> Paths(BackendKind kind) =>
        kind is BackendKind.Cuda or BackendKind.OpenCL or BackendKind.IlgpuCpu
            ? new[] { ("shared-memory kernels", false, false), ("global-memory kernels", true, false), ("buffer-state kernels", false, true) }
            : new[] { ("", false, false) };
}
