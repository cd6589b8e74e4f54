namespace Wann.Pins.Pins;

/// <summary>Every pin set, each kept in its own file of tests/pins.</summary>
public static class PinSets
{
    public static IReadOnlyList<IPinSet> All(string repositoryRoot) =>
        new IPinSet[] { new FunctionPins(), new TaskPins(repositoryRoot), new SearchPins(repositoryRoot) };
}
