using Wann.Engine.Datasets;
using Wann.Engine.Evaluation;
using Wann.Engine.Tasks;
using Wann.Engine;
using Wann.Kernels.Backends;
using Wann.Kernels.Tasks;

namespace Wann.Host.Evaluation;

/// <summary>The evaluator for a task on a backend: rollouts run on the backend directly; classification wraps its forward passes.</summary>
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

    public static IEvaluator Create(TaskSpec task, string backend, int? threads = null)
    {
        CheckThreads(threads);
        var data = task.Kind == TaskKind.Classification ? ClassificationSources.Load(task) : null;
        var evaluator = BackendList.Create(backend, threads);
        return data is null ? evaluator : new ClassificationEvaluator(evaluator, data);
    }

    /// <summary>--threads, where given, must be at least 1.</summary>
    public static void CheckThreads(int? threads)
    {
        if (threads is < 1) throw new WannException($"--threads: must be at least 1, got {threads}");
    }
}
