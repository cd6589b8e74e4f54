using Wann.Engine;
using Wann.Engine.Formats;
using Wann.Engine.Genomes;
using Wann.Engine.Tasks;
using Wann.Host.Commands;
using Wann.Kernels.Tasks;

namespace Wann.Host.Evaluation;

/// <summary>
/// A network (a file, or a run folder's network: <see cref="NetworkPath"/>) and the task to run it on: the one
/// --task names (with a warning when the file names another), else the one the file names. A csv task takes its
/// data from --train and --test, else from the run folder the network lies in.
/// </summary>
public static class NetworkAndTask
{
    /// <summary>Loads <paramref name="path"/> and its task; a <c>csv</c> task, named either way, is built from the files in <paramref name="csv"/> or the network's run folder.</summary>
    public static (NetworkFile Network, TaskSpec Task) Load(string path, string? taskOption, ICsvDataOptions csv)
    {
        string file = NetworkPath.File(path);
        if (taskOption is not null)
        {
            var named = TaskResolver.Get(taskOption, csv, "--task", NetworkPath.CsvRunFolder(file));
            return (LoadFor(file, named), named);
        }
        var network = FileNamingItsTask(file);
        var task = TaskResolver.Get(network.Task!, csv, $"{file}: task", NetworkPath.CsvRunFolder(file));
        if (network.Genome.Shape != task.Shape)
            throw new WannException($"{file}: network is {network.Genome.Shape} (inputs x outputs) but its task '{task.Name}' needs {task.Shape}");
        CheckContract(file, network, task);
        return (network, task);
    }

    /// <summary>
    /// The network <paramref name="path"/> names, to run on <paramref name="task"/> (given by --task): it must fit the
    /// task's shape (and a csv network the task's data); a file that names another task is run all the same, with a warning.
    /// </summary>
    public static NetworkFile LoadFor(string path, TaskSpec task)
    {
        string file = NetworkPath.File(path);
        var network = LoadNetwork(file, task.Shape, task.Name);
        if (network.Task is { } own && !string.Equals(own, task.Name, StringComparison.OrdinalIgnoreCase))
            Console.Error.WriteLine($"wann: warning: {file} is a network of task '{own}'; running it on --task {task.Name} as asked");
        CheckContract(file, network, task);
        return network;
    }

    /// <summary>The task the network file <paramref name="path"/> names (refused for a .out file and a file that names none), without building a csv task's data.</summary>
    public static string TaskNamedBy(string path) => FileNamingItsTask(NetworkPath.File(path)).Task!;

    private static NetworkFile FileNamingItsTask(string file)
    {
        if (NetworkFiles.IsOutMatrix(file))
        {
            BoundedFile.ReadText(file, FileLimit.Network); // a missing file is the first thing to say
            throw new WannException($"{file}: a .out file does not name its task: give --task NAME");
        }
        var network = LoadNetwork(file, null, null);
        return network.Task is null ? throw new WannException($"{file}: the network names no task: give --task NAME") : network;
    }

    /// <summary>
    /// <see cref="NetworkFiles.Load"/> of the network <paramref name="path"/> names (a run folder: its network),
    /// and a network file that names a task this build knows must fit it, whatever the command was told: a
    /// 2x1 network calling itself a swingup network is refused, not run.
    /// </summary>
    public static NetworkFile LoadNetwork(string path, NetworkShape? shape, string? taskName)
    {
        string file = NetworkPath.File(path);
        var network = NetworkFiles.Load(file, shape, taskName);
        if (network.Task is { } named && TaskRegistry.Find(named) is { } known && known.Shape != network.Genome.Shape)
            throw new WannException($"{file}: network is {network.Genome.Shape} (inputs x outputs) but its task '{known.Name}' needs {known.Shape}");
        return network;
    }

    /// <summary>A network that carries a data contract runs only on data with its features and classes; other training data is said once.</summary>
    private static void CheckContract(string file, NetworkFile network, TaskSpec task)
    {
        if (network.Data is not { } own || task.Contract is not { } data) return;
        if (!own.Classes.SequenceEqual(data.Classes, StringComparer.Ordinal))
            throw new WannException($"{file}: the network's classes are {string.Join(", ", own.Classes)}, but the data's are {string.Join(", ", data.Classes)}: not the data it was trained on");
        if (!own.Features.SequenceEqual(data.Features, StringComparer.Ordinal))
            throw new WannException($"{file}: the network reads features {string.Join(", ", own.Features)}, but the data has {string.Join(", ", data.Features)}: not the data it was trained on");
        if (own.Training.Sha256 != data.Training.Sha256)
            Console.Error.WriteLine($"wann: warning: {data.Training.File} is not the file {file} was trained on ({own.Training.File}: its SHA-256 differs); its scaling is fitted on the file given");
    }
}
