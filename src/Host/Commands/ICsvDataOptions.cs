namespace Wann.Host.Commands;

/// <summary>The options that give the <c>csv</c> task its files (train, eval and sweep share them).</summary>
public interface ICsvDataOptions
{
    /// <summary>Training examples (--train), for --task csv.</summary>
    string? TrainFile { get; }

    /// <summary>Held-out examples (--test), for --task csv.</summary>
    string? TestFile { get; }

    /// <summary>Label column (--label): header name or 1-based number; the last column when null.</summary>
    string? Label { get; }

    /// <summary>Columns to ignore (--drop): comma-separated header names or 1-based numbers; null for none.</summary>
    string? Drop { get; }

    /// <summary>Feature scaling (--scale): standard or none.</summary>
    string Scale { get; }
}
