using Wann.Engine;
using Wann.Engine.Genomes;
using Wann.Engine.Lanes;
using Wann.Kernels.Tasks;

namespace Wann.Kernels.Tests;

/// <summary>What the registry accepts: every episode loop hands a step at most TaskOutputs.Capacity outputs.</summary>
public sealed class TaskRegistryTests
{
    [Fact]
    public void RolloutTask_WithMoreOutputsThanAStepReceives_IsRefusedByName()
    {
        int capacity = TaskOutputs<FloatLane>.Capacity;
        var wide = PointMass.Spec with { Name = "wide", Shape = new NetworkShape(4, capacity + 1) };
        var error = Assert.Throws<WannException>(() => RegisteredTask.Rollout<PointMass>(wide));
        Assert.Contains("task 'wide'", error.Message);
        Assert.Contains($"{capacity + 1} outputs, more than the {capacity}", error.Message);
    }

    [Fact]
    public void RolloutTask_WithAsManyOutputsAsAStepReceives_IsAccepted()
    {
        var full = PointMass.Spec with { Name = "full", Shape = new NetworkShape(4, TaskOutputs<FloatLane>.Capacity) };
        Assert.Equal("full", RegisteredTask.Rollout<PointMass>(full).Spec.Name);
    }

    [Fact]
    public void Scene_OfATaskWithoutAPicture_IsOneErrorListingThoseWithOne()
    {
        var error = Assert.Throws<WannException>(() => TaskRegistry.Scene(PointMass.Spec, "--task"));
        Assert.StartsWith("--task: task 'pointmass' has no picture", error.Message);
        Assert.Contains("biped", error.Message);
        Assert.Contains("swingup", error.Message);
    }
}
