using Wann.Engine;
using Wann.Engine.Formats;
using Wann.Engine.Genomes;
using Wann.Engine.Tasks;
using Wann.Host.Commands;
using Wann.Kernels.Tasks;

namespace Wann.Host.Evaluation;

/// <summary>A network file and the task to run it on: the one --task names, else the one the file names.</summary>
public static class NetworkAndTask
{
    /// <summary>Loads <paramref name="path"/> and its task; a <c>csv</c> task, named either way, is built from the --train and --test files in <paramref name="csv"/>.</summary>
    public static (NetworkFile Network, TaskSpec Task) Load(string path, string? taskOption, ICsvDataOptions csv)
    {
        if (taskOption is not null)
        {
            var named = TaskResolver.Get(taskOption, csv, "--task");
            return (LoadNetwork(path, named.Shape, named.Name), named);
        }
        if (NetworkFiles.IsOutMatrix(path))
        {
            BoundedFile.ReadText(path, FileLimit.Network); // a missing file is the first thing to say
            throw new WannException($"{path}: a .out file does not name its task: give --task NAME");
        }
        var network = LoadNetwork(path, null, null);
        if (network.Task is null) throw new WannException($"{path}: the network names no task: give --task NAME");
        var task = TaskResolver.Get(network.Task, csv, $"{path}: task");
        if (network.Genome.Shape != task.Shape)
            throw new WannException($"{path}: network is {network.Genome.Shape} (inputs x outputs) but its task '{task.Name}' needs {task.Shape}");
        return (network, task);
    }

    /// <summary>
    /// <see cref="NetworkFiles.Load"/>, and a network file that names a task this build knows must fit it,
    /// whatever the command was told: a 2x1 network calling itself a swingup network is refused, not run.
    /// </summary>
    public static NetworkFile LoadNetwork(string path, NetworkShape? shape, string? taskName)
    {
        var network = NetworkFiles.Load(path, shape, taskName);
        if (network.Task is { } named && TaskRegistry.Find(named) is { } known && known.Shape != network.Genome.Shape)
            throw new WannException($"{path}: network is {network.Genome.Shape} (inputs x outputs) but its task '{known.Name}' needs {known.Shape}");
        return network;
    }
}
