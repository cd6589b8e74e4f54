using CommandLine;

namespace Wann.Host.Commands;

[Verb("predict", HelpText = "Classify raw CSV rows with a network trained by 'train --task csv': one predicted class name per row.")]
public sealed class PredictOptions
{
    [Option("net", Required = true, HelpText = "Network that carries its data contract (best.json of a csv run), or the run folder.")]
    public string Net { get; set; } = "";

    [Option("inputs", Required = true, HelpText = "CSV file of raw rows ('-': standard input), with or without a header; with one, columns are found by name " +
                                                  "(others, such as the label, are ignored); without, a row holds the features or is laid out as the training file.")]
    public string Inputs { get; set; } = "";

    [Option("out", HelpText = "Where to write the predictions (CSV); standard output when omitted.")]
    public string? Out { get; set; }

    [Option("scores", Default = false, HelpText = "Also write each class's probability (softmax, averaged over the weights), after a header row.")]
    public bool Scores { get; set; }

    [Option("weight", HelpText = "One shared weight instead of the default: the ensemble of the six standard weights (-2, -1, -0.5, 0.5, 1, 2), softmax summed, as eval reports.")]
    public float? Weight { get; set; }

    [Option("stored", Default = false, HelpText = "Use each connection's stored weight (a tuned network) instead of the ensemble.")]
    public bool Stored { get; set; }

    [Option("backend", Default = "reference", HelpText = "Backend to run on (default reference, the scalar ground truth; see the list below).")]
    public string Backend { get; set; } = "reference";
}
