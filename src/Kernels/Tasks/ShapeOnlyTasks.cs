using Wann.Engine.Activations;
using Wann.Engine.Datasets;
using Wann.Engine.Genomes;
using Wann.Engine.Tasks;

namespace Wann.Kernels.Tasks;

/// <summary>Tasks of the original release known for their network shape (so their champions import and run <c>forward</c>) but not simulated here.</summary>
public static class ShapeOnlyTasks
{
    public static TaskSpec Racer { get; } = new("racer", new NetworkShape(16, 3), ActivationSets.Control, 1000,
        ClassificationTasks.Numbered("z", 16), new[] { "steer", "gas", "brake" }, CanRun: false)
    {
        WhyNot = "has no simulator in this build (the VAE car-racing task is not implemented)",
    };
}
