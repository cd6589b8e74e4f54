using Wann.Engine;
using Wann.Engine.Tasks;

namespace Wann.Kernels.Tasks;

/// <summary>Maps a task of the catalog to the struct that simulates it.</summary>
public static class RolloutTasks
{
    public static bool CanRun(TaskSpec task) => task.Name is "swingup" or "swingup_hard" or "cartpole" or "acrobot" or "mountaincar" or "pendulum";

    public static TResult Dispatch<TResult>(TaskSpec task, IRolloutTaskVisitor<TResult> visitor) => task.Name switch
    {
        "swingup" or "swingup_hard" => visitor.Visit(new CartPoleSwingUp()),
        "cartpole" => visitor.Visit(new CartPole()),
        "acrobot" => visitor.Visit(new Acrobot()),
        "mountaincar" => visitor.Visit(new MountainCarContinuous()),
        "pendulum" => visitor.Visit(new Pendulum()),
        _ => throw new WannException($"task '{task.Name}' has no simulator in this build (runnable: {Runnable})"),
    };

    public const string Runnable = "swingup, swingup_hard, cartpole, acrobot, mountaincar, pendulum";

    public static IRolloutTask Get(TaskSpec task) => Dispatch(task, new Boxer());

    private sealed class Boxer : IRolloutTaskVisitor<IRolloutTask>
    {
        public IRolloutTask Visit<TTask>(TTask task) where TTask : struct, IRolloutTask => task;
    }
}
