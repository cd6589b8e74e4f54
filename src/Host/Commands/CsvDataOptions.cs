using CommandLine;

namespace Wann.Host.Commands;

/// <summary>The --train/--test/--label/--scale options of the csv task, declared once for every verb that takes them.</summary>
public abstract class CsvDataOptions : ICsvDataOptions
{
    [Option("train", HelpText = "--task csv: CSV file of training examples, one a row (a header row is detected).")]
    public string? TrainFile { get; set; }

    [Option("test", HelpText = "--task csv: CSV file of held-out examples, same columns.")]
    public string? TestFile { get; set; }

    [Option("label", HelpText = "--task csv: label column, by header name or 1-based number (default: the last column).")]
    public string? Label { get; set; }

    [Option("drop", HelpText = "--task csv: columns to ignore, comma-separated, by header name or 1-based number (an ID, free text).")]
    public string? Drop { get; set; }

    [Option("scale", Default = "standard", HelpText = "--task csv: standard (each feature to mean 0, sd 1 on the training file) or none.")]
    public string Scale { get; set; } = "standard";
}
