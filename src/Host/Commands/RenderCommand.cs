using Wann.Host.Evaluation;
using CommandLine;
using Wann.Engine;
using Wann.Engine.Formats;
using Wann.Host.Output;
using Wann.Host.Output.Drawing;

namespace Wann.Host.Commands;

[Verb("render", HelpText = "Draw a network left to right in layers, nodes marked by activation (.svg, .png or .dot).")]
public sealed class RenderOptions
{
    [Option("net", Required = true, HelpText = "Network file (.json or .out).")]
    public string Net { get; set; } = "";

    [Option("task", HelpText = "Task of the network (shape of a .out file, and input/output labels).")]
    public string? Task { get; set; }

    [Option("io", HelpText = "Input and output counts as NINxNOUT for a .out file of a task not implemented here.")]
    public string? Io { get; set; }

    [Option("out", Required = true, HelpText = "Picture to write: FILE.svg, FILE.png or FILE.dot.")]
    public string Out { get; set; } = "";

    [Option("title", HelpText = "Title drawn above the network (default: the file name).")]
    public string? Title { get; set; }
}

/// <summary><c>wann render</c>: the network as a picture.</summary>
public static class RenderCommand
{
    public static int Run(RenderOptions options)
    {
        string extension = Path.GetExtension(options.Out).ToLowerInvariant();
        if (extension is not (".svg" or ".png" or ".dot"))
            throw new WannException($"--out: '{options.Out}' must end in .svg, .png or .dot");
        var network = NetworkAndTask.LoadNetwork(options.Net, TaskResolver.ShapeFrom(options.Task, options.Io), options.Task);
        var (inputs, outputs) = NetworkLabels.For(network, options.Task);
        var layout = NetworkLayout.Of(network.Genome, inputs, outputs);
        string title = options.Title ?? $"{Path.GetFileName(options.Net)}: {network.Genome.Nodes.Count} nodes, {network.Genome.ExpressedConnectionCount} connections";
        switch (extension)
        {
            case ".svg": AtomicFile.WriteAllText(options.Out, SvgNetworkWriter.Write(layout, title)); break;
            case ".dot": AtomicFile.WriteAllText(options.Out, DotNetworkWriter.Write(layout, title)); break;
            default: AtomicFile.WriteAllBytes(options.Out, PngNetworkWriter.Write(layout, title)); break;
        }
        // The connections the picture draws: the live ones under the network's expression rule, as the title counts them.
        WrittenFile.Say(options.Out, $"{network.Genome.Nodes.Count} nodes, {network.Genome.ExpressedConnectionCount} live connections");
        return 0;
    }
}
