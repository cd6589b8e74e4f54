using CommandLine.Text;
using Wann.Kernels.Backends;
using Wann.Kernels.Tasks;

namespace Wann.Host.Commands;

/// <summary>The lines under every verb's options: the tasks and backends that exist, from their catalogues.</summary>
public static class HelpFooter
{
    /// <summary>Tasks with a simulator or data set, which train, eval and sweep can run.</summary>
    public static string RunnableTasks => TaskRegistry.Names(TaskRegistry.Runnable);

    /// <summary>Tasks known only by their network shape: forward, render and export work, nothing runs them.</summary>
    public static string ShapeOnlyTasks => TaskRegistry.Names(TaskRegistry.ShapeOnly);

    public static HelpText Add(HelpText help)
    {
        help.AddPostOptionsLine($"Tasks (--task): {RunnableTasks}; csv (your own CSV files: --train, --test); " +
                                $"known by shape only (forward, render, export): {ShapeOnlyTasks}.");
        help.AddPostOptionsLine($"Backends (--backend): {BackendNames.All}; auto picks cuda, then opencl, then cpu ('wann devices' shows what it picks); " +
                                "train and worker also take several devices: cuda:0,cuda:1, cpu,ilgpu-cpu, all, all+cpu.");
        return help;
    }
}
