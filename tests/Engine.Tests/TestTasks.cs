using Wann.Engine.Activations;
using Wann.Engine.Genomes;
using Wann.Engine.Tasks;

namespace Wann.Engine.Tests;

/// <summary>Task specs for engine tests, which run without the kernels' task registry.</summary>
internal static class TestTasks
{
    /// <summary>The swing-up's shape and activations (5 inputs, 1 output, 1000 steps).</summary>
    public static TaskSpec SwingUp { get; } = new("swingup", new NetworkShape(5, 1), ActivationSets.Control, 1000,
        new[] { "x", "x_dot", "cos(theta)", "sin(theta)", "theta_dot" }, new[] { "force" }, CanRun: true);
}
