using Wann.Engine;
using Wann.Host.Runs;

namespace Wann.Host.Evaluation;

/// <summary>
/// What <c>--net</c> names: a network file, or a run folder standing for its network (best.json of a search,
/// tuned.json of a tuning run). The folder the network lies in may also hold a csv run's <c>csv-task.json</c>.
/// </summary>
public static class NetworkPath
{
    /// <summary>The network file <paramref name="net"/> names; a folder holding neither network is one error.</summary>
    public static string File(string net)
    {
        if (!Directory.Exists(net)) return net;
        foreach (string name in new[] { "best.json", "tuned.json" })
        {
            string candidate = Path.Combine(net, name);
            if (System.IO.File.Exists(candidate)) return candidate;
        }
        throw new WannException($"{net}: a folder without best.json or tuned.json: name a network file, or the folder of a run that has saved one");
    }

    /// <summary>The folder of <paramref name="networkFile"/> when it holds a csv run's data file list, else null.</summary>
    public static string? CsvRunFolder(string networkFile)
    {
        string folder = Path.GetDirectoryName(Path.GetFullPath(networkFile))!;
        return System.IO.File.Exists(Path.Combine(folder, CsvTaskFile.FileName)) ? folder : null;
    }
}
