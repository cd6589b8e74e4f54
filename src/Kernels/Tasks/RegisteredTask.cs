using Wann.Engine.Tasks;

namespace Wann.Kernels.Tasks;

/// <summary>A task as the registry knows it: its spec and, for rollout tasks, the simulator that runs it.</summary>
public abstract class RegisteredTask(TaskSpec spec)
{
    public TaskSpec Spec { get; } = spec;

    /// <summary>Runs <paramref name="visitor"/> with the task's simulator struct; false for tasks that have none.</summary>
    public abstract bool TryVisit<TResult>(IRolloutTaskVisitor<TResult> visitor, out TResult result);

    /// <summary>A rollout task simulated by <typeparamref name="TTask"/>.</summary>
    public static RegisteredTask Rollout<TTask>(TaskSpec spec) where TTask : struct, IRolloutTask => new Simulated<TTask>(spec);

    /// <summary>A task without a simulator: classification (scored on its data set) or shape only.</summary>
    public static RegisteredTask Unsimulated(TaskSpec spec) => new NoSimulator(spec);

    private sealed class Simulated<TTask>(TaskSpec spec) : RegisteredTask(spec) where TTask : struct, IRolloutTask
    {
        public override bool TryVisit<TResult>(IRolloutTaskVisitor<TResult> visitor, out TResult result)
        {
            result = visitor.Visit(default(TTask));
            return true;
        }
    }

    private sealed class NoSimulator(TaskSpec spec) : RegisteredTask(spec)
    {
        public override bool TryVisit<TResult>(IRolloutTaskVisitor<TResult> visitor, out TResult result)
        {
            result = default!;
            return false;
        }
    }
}
