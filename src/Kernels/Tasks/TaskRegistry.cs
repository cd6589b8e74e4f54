using Wann.Engine;
using Wann.Engine.Datasets;
using Wann.Engine.Tasks;
using Wann.Kernels.Tasks.Scenes;

namespace Wann.Kernels.Tasks;

/// <summary>
/// Every task this build knows, in one list: help texts, error messages, backend checks and tests all
/// derive from it. A new rollout task is a folder under Tasks/ (its struct with its spec) plus one line here.
/// </summary>
public static class TaskRegistry
{
    public static IReadOnlyList<RegisteredTask> Entries { get; } = new[]
    {
        RegisteredTask.Rollout<CartPoleSwingUp>(CartPoleSwingUp.Spec, CartScene.SwingUp()),
        RegisteredTask.Rollout<CartPoleSwingUp>(CartPoleSwingUp.HardSpec, CartScene.SwingUp()),
        RegisteredTask.Rollout<CartPole>(CartPole.Spec, CartScene.CartPole()),
        RegisteredTask.Rollout<Acrobot>(Acrobot.Spec, new AcrobotScene()),
        RegisteredTask.Rollout<MountainCarContinuous>(MountainCarContinuous.Spec, new MountainCarScene()),
        RegisteredTask.Rollout<Pendulum>(Pendulum.Spec, new PendulumScene()),
        RegisteredTask.Rollout<PointMass>(PointMass.Spec),
        RegisteredTask.Rollout<Biped.BipedTask<Biped.Lanes.LaneTrig>>(Biped.BipedTask<Biped.Lanes.LaneTrig>.Spec, new Biped.BipedScene()),
        RegisteredTask.Unsimulated(ClassificationTasks.Digits),
        RegisteredTask.Unsimulated(ClassificationTasks.Fashion16),
        RegisteredTask.Unsimulated(ClassificationTasks.Mnist256),
        RegisteredTask.Unsimulated(ShapeOnlyTasks.Racer),
    };

    public static IReadOnlyList<TaskSpec> All { get; } = Entries.Select(e => e.Spec).ToArray();

    /// <summary>The tasks that run here, rollout and classification.</summary>
    public static IReadOnlyList<TaskSpec> Runnable { get; } = All.Where(t => t.CanRun).ToArray();

    /// <summary>The rollout tasks with a simulator: what every backend must run.</summary>
    public static IReadOnlyList<TaskSpec> Simulated { get; } = Entries.Where(e => e.TryVisit(new Probe(), out _)).Select(e => e.Spec).ToArray();

    /// <summary>The tasks that cannot run here, known for their network shape (forward, render and export work).</summary>
    public static IReadOnlyList<TaskSpec> ShapeOnly { get; } = All.Where(t => !t.CanRun).ToArray();

    public static string Names(IEnumerable<TaskSpec> tasks) => string.Join(", ", tasks.Select(t => t.Name));

    public static TaskSpec? Find(string name) =>
        All.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The task named <paramref name="name"/>, or one error naming <paramref name="where"/> and the known tasks.</summary>
    public static TaskSpec Get(string name, string where) =>
        Find(name) ?? throw new WannException(CsvTask.Is(name)
            ? $"{where}: task 'csv' takes its shape from its files: give --train FILE and --test FILE (train, eval, sweep) or --io NINxNOUT"
            : $"{where}: unknown task '{name}' (known: {Names(All)}, csv)");

    /// <summary>The picture of <paramref name="task"/>'s episodes, or one error naming <paramref name="where"/> and the tasks that have one.</summary>
    public static ITaskScene Scene(TaskSpec task, string where) =>
        Entries.FirstOrDefault(e => e.Spec.Name == task.Name)?.Scene
        ?? throw new WannException($"{where}: task '{task.Name}' has no picture for an animation (tasks with one: {Names(Entries.Where(e => e.Scene is not null).Select(e => e.Spec))})");

    /// <summary>Runs <paramref name="visitor"/> with the simulator of <paramref name="task"/> (matched by name, so variants made with <c>with</c> still run).</summary>
    public static TResult Dispatch<TResult>(TaskSpec task, IRolloutTaskVisitor<TResult> visitor)
    {
        var entry = Entries.FirstOrDefault(e => e.Spec.Name == task.Name);
        if (entry is not null && entry.TryVisit(visitor, out var result)) return result;
        throw new WannException($"task '{task.Name}' has no simulator in this build (simulated: {Names(Simulated)})");
    }

    /// <summary>The simulator of <paramref name="task"/> as an interface (host-side sizes and episode data).</summary>
    public static IRolloutTask Simulator(TaskSpec task) => Dispatch(task, new Boxer());

    private sealed class Boxer : IRolloutTaskVisitor<IRolloutTask>
    {
        public IRolloutTask Visit<TTask>(TTask task) where TTask : struct, IRolloutTask => task;
    }

    private sealed class Probe : IRolloutTaskVisitor<bool>
    {
        public bool Visit<TTask>(TTask task) where TTask : struct, IRolloutTask => true;
    }
}
