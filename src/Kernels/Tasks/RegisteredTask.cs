using Wann.Engine;
using Wann.Engine.Lanes;
using Wann.Engine.Tasks;
using Wann.Kernels.Tasks.Scenes;

namespace Wann.Kernels.Tasks;

/// <summary>A task as the registry knows it: its spec and, for rollout tasks, the simulator that runs it and the picture that shows it.</summary>
public abstract class RegisteredTask(TaskSpec spec, ITaskScene? scene = null)
{
    public TaskSpec Spec { get; } = spec;

    /// <summary>How an episode of the task looks (<c>wann episode --out FILE.gif</c>); null for a task without a picture.</summary>
    public ITaskScene? Scene { get; } = scene;

    /// <summary>Runs <paramref name="visitor"/> with the task's simulator struct; false for tasks that have none.</summary>
    public abstract bool TryVisit<TResult>(IRolloutTaskVisitor<TResult> visitor, out TResult result);

    /// <summary>A rollout task simulated by <typeparamref name="TTask"/>, drawn by <paramref name="scene"/> where it has one.</summary>
    /// <exception cref="WannException">The task has more outputs than a step receives (<see cref="TaskOutputs{T}.Capacity"/>).</exception>
    public static RegisteredTask Rollout<TTask>(TaskSpec spec, ITaskScene? scene = null) where TTask : struct, IRolloutTask
    {
        // Every episode loop hands a step at most Capacity outputs: a task with more would never see the rest.
        if (spec.Shape.Outputs > TaskOutputs<FloatLane>.Capacity)
            throw new WannException($"task '{spec.Name}': {spec.Shape.Outputs} outputs, more than the {TaskOutputs<FloatLane>.Capacity} a step receives " +
                                    "(TaskOutputs.Capacity: grow it, with its fields, before registering the task)");
        return new Simulated<TTask>(spec, scene);
    }

    /// <summary>A task without a simulator: classification (scored on its data set) or shape only.</summary>
    public static RegisteredTask Unsimulated(TaskSpec spec) => new NoSimulator(spec);

    private sealed class Simulated<TTask>(TaskSpec spec, ITaskScene? scene) : RegisteredTask(spec, scene) where TTask : struct, IRolloutTask
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
