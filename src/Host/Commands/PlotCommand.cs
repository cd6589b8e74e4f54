using CommandLine;
using Wann.Engine;
using Wann.Engine.Formats;
using Wann.Host.Output;
using Wann.Host.Output.Drawing;
using Wann.Host.Runs;

namespace Wann.Host.Commands;

[Verb("plot", HelpText = "Fitness curves and network size per generation of a run (finished or still running).")]
public sealed class PlotOptions
{
    [Option("run", Required = true, HelpText = "Run folder (holds log.jsonl).")]
    public string Run { get; set; } = "";

    [Option("out", Required = true, HelpText = "PNG file to write.")]
    public string Out { get; set; } = "";
}

/// <summary><c>wann plot</c>: best, median, top-ranked and run-best fitness, then nodes and connections, per generation.</summary>
public static class PlotCommand
{
    public static int Run(PlotOptions options)
    {
        if (!options.Out.EndsWith(".png", StringComparison.OrdinalIgnoreCase)) throw new WannException($"--out: '{options.Out}' must end in .png");
        var log = RunLog.Read(options.Run);
        var png = Charts.Stack(Charts.Png(Charts.Fitness(log)), Charts.Png(Charts.NetworkSize(log)));
        AtomicFile.WriteAllBytes(options.Out, png);
        WrittenFile.Say(options.Out, $"fitness and network size over {log.Count} generations");
        return 0;
    }
}
