using CommandLine;

namespace Wann.Host.Commands;

[Verb("forward", HelpText = "Run a network on rows of inputs and print one row of outputs per input row.")]
public sealed class ForwardOptions
{
    [Option("net", Required = true, HelpText = "Network file: .json (this project's format) or .out (the original's matrix format).")]
    public string Net { get; set; } = "";

    [Option("task", HelpText = "Task the network belongs to (gives the input and output counts of a .out file).")]
    public string? Task { get; set; }

    [Option("io", HelpText = "Input and output counts as NINxNOUT, for a .out file of a task not implemented here (e.g. 24x4).")]
    public string? Io { get; set; }

    [Option("weight", HelpText = "Shared weight: every enabled connection carries this value.")]
    public float? Weight { get; set; }

    [Option("stored", Default = false, HelpText = "Use each connection's stored weight instead of a shared weight.")]
    public bool Stored { get; set; }

    [Option("inputs", Required = true, HelpText = "CSV file of inputs, one row of values per line ('-': standard input). A first row of column names is skipped; a blank line between rows is an error. " +
                                                  "A csv network (one that carries its data contract) takes raw rows, as predict does.")]
    public string Inputs { get; set; } = "";

    [Option("backend", Default = "reference", HelpText = "Backend to run on (default reference, the scalar ground truth; see the list below).")]
    public string Backend { get; set; } = "reference";

    [Option("out", HelpText = "Where to write the outputs (CSV); standard output when omitted.")]
    public string? Out { get; set; }
}
