namespace Wann.Engine.Formats;

/// <summary>
/// The most bytes a kind of input file may hold: far above anything this program writes or a user needs,
/// far below what would exhaust memory, so a huge or endless file is refused before it is read.
/// </summary>
/// <param name="What">The kind of file, as named in the refusal ("network file").</param>
public readonly record struct FileLimit(string What, long MaxBytes)
{
    private const long MiB = 1 << 20;

    /// <summary>A network (.json or .out): a million-node network is under 100 MiB.</summary>
    public static FileLimit Network { get; } = new("network file", 256 * MiB);

    /// <summary>Hyperparameters, cluster configurations, csv-task.json: a few hundred bytes each.</summary>
    public static FileLimit Settings { get; } = new("settings file", 1 * MiB);

    /// <summary>run.json: about 600 bytes per start or resume.</summary>
    public static FileLimit RunInfo { get; } = new("run.json", 64 * MiB);

    /// <summary>A checkpoint: a million genomes of a hundred connections each compress to a few hundred MiB.</summary>
    public static FileLimit Checkpoint { get; } = new("checkpoint", 2047 * MiB);

    /// <summary>A CSV of inputs or examples.</summary>
    public static FileLimit Csv { get; } = new("CSV file", 1024 * MiB);

    /// <summary>One line of a log (a generation's record is under a kilobyte).</summary>
    public static FileLimit LogLine { get; } = new("log line", 1 * MiB);
}
