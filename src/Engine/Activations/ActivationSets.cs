namespace Wann.Engine.Activations;

/// <summary>The hidden-node activation lists of the original release's task configurations, defined once.</summary>
public static class ActivationSets
{
    /// <summary>Ids 1..10: everything but the square (the control tasks).</summary>
    public static IReadOnlyList<ActivationFunction> Control { get; } =
        Enumerable.Range(1, 10).Select(i => (ActivationFunction)i).ToArray();

    /// <summary>Ids 1 and 3..10: no step and no square (the classification tasks).</summary>
    public static IReadOnlyList<ActivationFunction> Classification { get; } =
        Control.Where(a => a != ActivationFunction.UnsignedStep).ToArray();
}
