using Wann.Engine;
using Wann.Engine.Formats;
using Wann.Engine.Tasks;
using Wann.Host.Commands;

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
            return (NetworkFiles.Load(path, named.Shape, named.Name), named);
        }
        if (NetworkFiles.IsOutMatrix(path))
        {
            AtomicFile.ReadAllText(path); // a missing file is the first thing to say
            throw new WannException($"{path}: a .out file does not name its task: give --task NAME");
        }
        var network = NetworkFiles.Load(path, null, null);
        if (network.Task is null) throw new WannException($"{path}: the network names no task: give --task NAME");
        var task = TaskResolver.Get(network.Task, csv, $"{path}: task");
        if (network.Genome.Shape != task.Shape)
            throw new WannException($"{path}: network is {network.Genome.Shape} (inputs x outputs) but its task '{task.Name}' needs {task.Shape}");
        return (network, task);
    }
}
