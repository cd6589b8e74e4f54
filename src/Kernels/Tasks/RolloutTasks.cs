using Wann.Engine;
using Wann.Engine.Tasks;

namespace Wann.Kernels.Tasks;

/// <summary>Maps a task of the catalog to the struct that simulates it.</summary>
public static class RolloutTasks
{
    public static bool CanRun(TaskSpec task) => task.Name is "swingup" or "swingup_hard";

    public static TResult Dispatch<TResult>(TaskSpec task, IRolloutTaskVisitor<TResult> visitor) => task.Name switch
    {
        "swingup" or "swingup_hard" => visitor.Visit(new CartPoleSwingUp()),
        _ => throw new WannException($"task '{task.Name}' has no simulator in this build (runnable: swingup, swingup_hard)"),
    };

    public static IRolloutTask Get(TaskSpec task) => Dispatch(task, new Boxer());

    private sealed class Boxer : IRolloutTaskVisitor<IRolloutTask>
    {
        public IRolloutTask Visit<TTask>(TTask task) where TTask : struct, IRolloutTask => task;
    }
}
