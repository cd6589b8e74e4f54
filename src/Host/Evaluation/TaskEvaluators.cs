using Wann.Engine.Tasks;
using Wann.Engine;
using Wann.Kernels.Tasks;

namespace Wann.Host.Evaluation;

/// <summary>Whether a task runs here, and the checks of options every evaluating command shares.</summary>
public static class TaskEvaluators
{
    public static string Runnable => TaskRegistry.Names(TaskRegistry.Runnable);

    public static TaskSpec RunnableTask(string name, string where) => RunnableTask(TaskRegistry.Get(name, where), where);

    /// <summary>The task itself when it can run here; else one error saying why not.</summary>
    public static TaskSpec RunnableTask(TaskSpec task, string where)
    {
        if (!task.CanRun)
            throw new WannException($"{where}: task '{task.Name}' {task.WhyNot ?? "has no simulator in this build"} (runnable: {Runnable})");
        return task;
    }

    /// <summary>--threads, where given, must be at least 1.</summary>
    public static void CheckThreads(int? threads)
    {
        if (threads is < 1) throw new WannException($"--threads: must be at least 1, got {threads}");
    }
}
