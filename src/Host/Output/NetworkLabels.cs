using Wann.Engine.Formats;
using Wann.Kernels.Tasks;

namespace Wann.Host.Output;

/// <summary>Input and output names for drawings: a csv network's features and classes, the task's when it is known, numbered otherwise.</summary>
public static class NetworkLabels
{
    public static (IReadOnlyList<string> Inputs, IReadOnlyList<string> Outputs) For(NetworkFile network, string? taskName)
    {
        if (network.Data is { } data) return (data.Features, data.Classes);
        var task = TaskRegistry.Find(taskName ?? network.Task ?? "");
        var shape = network.Genome.Shape;
        if (task is not null && task.Shape == shape) return (task.InputLabels, task.OutputLabels);
        return (Enumerable.Range(0, shape.Inputs).Select(i => $"in{i}").ToList(), Enumerable.Range(0, shape.Outputs).Select(o => $"out{o}").ToList());
    }
}
