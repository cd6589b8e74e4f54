using CommandLine;
using Wann.Engine.Formats;
using Wann.Engine.Genomes;
using Wann.Engine.Tasks;
using Wann.Kernels.Backends;
using Wann.Kernels.Checks;

namespace Wann.Host.Commands;

[Verb("check", HelpText = "Check that a backend agrees with the reference interpreter and the CPU backend (run it on a new GPU machine).")]
public sealed class CheckOptions
{
    [Option("backend", Default = "auto", HelpText = "Backend to check against the reference (see the list below).")]
    public string Backend { get; set; } = "auto";

    [Option("champion", HelpText = "The original swing-up champion (swing.out), to compare full episodes too.")]
    public string? Champion { get; set; }
}

/// <summary><c>wann check</c>: agreement of a backend with the ground truth; exit status 1 if any check fails.</summary>
public static class CheckCommand
{
    public static int Run(CheckOptions options)
    {
        Genome? champion = options.Champion is null ? null : NetworkFiles.Load(options.Champion, TaskCatalog.SwingUp.Shape, "swingup").Genome;
        using var backend = EvaluatorFactory.Create(BackendNames.Parse(options.Backend));
        Console.WriteLine($"checking backend {backend.Name} ({backend.Device})");
        bool all = true;
        foreach (var r in BackendCheck.Run(backend, champion))
        {
            all &= r.Passed;
            Console.WriteLine($"{(r.Passed ? "PASS" : "FAIL")}  {r.Name}: worst relative difference {r.WorstDifference:g3} (tolerance {r.Tolerance:g3}); {r.Detail}");
        }
        Console.WriteLine(all ? "all checks passed" : "some checks FAILED");
        return all ? 0 : 1;
    }
}
