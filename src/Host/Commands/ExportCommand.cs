using Wann.Host.Evaluation;
using CommandLine;
using Wann.Engine;
using Wann.Engine.Formats;
using Wann.Engine.Genomes;
using Wann.Engine.Programs;
using Wann.Host.Output;
using Wann.Host.Output.Export;

namespace Wann.Host.Commands;

[Verb("export", HelpText = "Write a network for another tool: .out (the original's matrix format), .json (this project's format) or .onnx (an ONNX graph).")]
public sealed class ExportOptions
{
    [Option("net", Required = true, HelpText = "Network file (.json or .out).")]
    public string Net { get; set; } = "";

    [Option("task", HelpText = "Task of the network (gives the input and output counts of a .out file).")]
    public string? Task { get; set; }

    [Option("io", HelpText = "Input and output counts as NINxNOUT for a .out file of a task not implemented here (e.g. 24x4).")]
    public string? Io { get; set; }

    [Option("weight", HelpText = "Shared weight: .onnx computes with it; .out and .json store it on every live connection. " +
                                 "A csv network's .onnx takes neither --weight nor --stored by default: the ensemble of the six standard weights, as predict.")]
    public float? Weight { get; set; }

    [Option("stored", Default = false, HelpText = "Keep each connection's stored weight.")]
    public bool Stored { get; set; }

    [Option("out", Required = true, HelpText = "File to write: FILE.out, FILE.json or FILE.onnx.")]
    public string Out { get; set; } = "";
}

/// <summary><c>wann export</c>: a network in the original's format, this project's format, or ONNX.</summary>
public static class ExportCommand
{
    public static int Run(ExportOptions options)
    {
        string extension = Path.GetExtension(options.Out).ToLowerInvariant();
        if (extension is not (".out" or ".json" or ".onnx"))
            throw new WannException($"--out: '{options.Out}' must end in .out, .json or .onnx");
        var network = NetworkAndTask.LoadNetwork(options.Net, TaskResolver.ShapeFrom(options.Task, options.Io), options.Task);
        if (extension == ".onnx" && network.Data is { } contract)
        {
            // A csv network: raw rows in, its class out, at the weights predict uses by default.
            var weights = PredictionWeights.From(options.Weight, options.Stored);
            var classifier = ProgramCompiler.Compile(network.Genome, weights.Mode);
            AtomicFile.WriteAllBytes(options.Out, OnnxNetworkWriter.WriteClassifier(classifier, weights.Weights, weights.Description, contract,
                Path.GetFileNameWithoutExtension(options.Out)));
            WrittenFile.Say(options.Out, $"ONNX classifier: raw {string.Join(", ", contract.Features)} in, {contract.Label} out; {weights.Description}");
            return 0;
        }
        if (options.Stored == options.Weight.HasValue)
            throw new WannException("give exactly one of --weight W and --stored");
        if (options.Weight is { } w && !float.IsFinite(w))
            throw new WannException($"--weight: {w} is not a finite number");
        if (extension == ".onnx")
        {
            var program = ProgramCompiler.Compile(network.Genome, options.Stored ? WeightMode.Stored : WeightMode.Shared);
            string name = Path.GetFileNameWithoutExtension(options.Net);
            AtomicFile.WriteAllBytes(options.Out, OnnxNetworkWriter.Write(program, options.Weight ?? 1f, name));
            WrittenFile.Say(options.Out, "ONNX graph");
            return 0;
        }
        var genome = options.Weight is { } shared ? WithWeight(network.Genome, shared) : network.Genome;
        NetworkFiles.Save(options.Out, network with { Genome = genome, Task = network.Task ?? options.Task });
        WrittenFile.Say(options.Out, extension == ".out" ? "the original's matrix format" : "network JSON");
        return 0;
    }

    /// <summary>
    /// The genome with every live connection (see <see cref="Genome.Expression"/>) storing <paramref name="weight"/>,
    /// so <c>--stored</c> later gives that weight; the expression rule is kept.
    /// </summary>
    private static Genome WithWeight(Genome genome, float weight)
    {
        var live = genome.Expression.Mask(genome);
        return new(genome.Shape, new List<NodeGene>(genome.Nodes),
            genome.Connections.Select((c, k) => live[k] ? c with { Weight = weight } : c).ToList(), genome.Expression);
    }
}
