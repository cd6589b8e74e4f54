using Wann.Engine.Genomes;
using Wann.Engine.Tasks;

namespace Wann.Engine.Formats;

/// <summary>Loads and saves networks by file extension: <c>.out</c> is the original matrix format, anything else the JSON format.</summary>
public static class NetworkFiles
{
    public static bool IsOutMatrix(string path) => path.EndsWith(".out", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Reads a network. A <c>.out</c> file carries no shape, so <paramref name="shape"/> must be given for it;
    /// for JSON files a given shape must match the file's.
    /// </summary>
    public static NetworkFile Load(string path, NetworkShape? shape, string? taskName)
    {
        string text = BoundedFile.ReadText(path, FileLimit.Network);
        if (IsOutMatrix(path))
        {
            if (shape is not { } s)
                throw new WannException(taskName is not null && CsvTask.Is(taskName)
                    ? $"{path}: a .out file does not say its input and output counts, nor does task 'csv' without its files: give --io NINxNOUT"
                    : $"{path}: a .out file does not say its input and output counts: give --task NAME or --io NINxNOUT");
            return new NetworkFile(OutMatrixFormat.Parse(text, s, path), taskName, new Provenance($"imported from {Path.GetFileName(path)}"));
        }
        var network = NetworkJsonFormat.Parse(text, path);
        if (shape is { } expected && network.Genome.Shape != expected)
            throw new WannException($"{path}: network is {network.Genome.Shape} (inputs x outputs) but the task needs {expected}");
        return network;
    }

    public static void Save(string path, NetworkFile network)
    {
        // Never written: a network no reader would take back (a weight that overflowed, say).
        if (network.Genome.Validate() is { } problem) throw new WannException($"{path}: not written: the network {problem}");
        string text = IsOutMatrix(path) ? OutMatrixFormat.Format(network.Genome) : NetworkJsonFormat.Format(network);
        AtomicFile.WriteAllText(path, text);
    }
}
