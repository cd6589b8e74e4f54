using Wann.Engine.Activations;
using Wann.Engine.Genomes;
using Wann.Engine.Programs;
using Wann.Engine.Search;

namespace Wann.Engine.Tests;

/// <summary>The parallel population compiler against the one-genome compiler: the same batch, array for array.</summary>
public sealed class PopulationCompilerTests
{
    private static void AssertSameBatch(ProgramBatch expected, ProgramBatch actual)
    {
        Assert.Equal(expected.InputCount, actual.InputCount);
        Assert.Equal(expected.OutputCount, actual.OutputCount);
        Assert.Equal(expected.InstructionStart, actual.InstructionStart);
        Assert.Equal(expected.Activation, actual.Activation);
        Assert.Equal(expected.FirstEdge, actual.FirstEdge);
        Assert.Equal(expected.EdgeCount, actual.EdgeCount);
        Assert.Equal(expected.EdgeSource, actual.EdgeSource);
        Assert.Equal(expected.EdgeScale, actual.EdgeScale);
        Assert.Equal(expected.OutputSlot, actual.OutputSlot);
        Assert.Equal(expected.MaxNodeCount, actual.MaxNodeCount);
    }

    public static TheoryData<bool, WeightMode, int> Cases => new()
    {
        { true, WeightMode.Shared, 40 },
        { true, WeightMode.Stored, 40 },
        { false, WeightMode.Shared, 40 },
        { true, WeightMode.Shared, 300 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void GrownPopulation_CompilesAsGenomeByGenome(bool expressDisabledHidden, WeightMode mode, int connections)
    {
        var expression = ConnectionExpression.For(expressDisabledHidden);
        var population = SyntheticPopulation.Grow(new NetworkShape(5, 2), 700, connections, (ulong)connections,
                Enumerable.Range(1, 10).Select(i => (ActivationFunction)i).ToArray())
            .Select(g => g.WithExpression(expression)).ToList();
        var random = new Randomness.SeededRandom(3);
        foreach (var genome in population)
            for (int i = 0; i < genome.Connections.Count; i++)
                if (random.NextInt(3) == 0) genome.Connections[i] = genome.Connections[i] with { Weight = (float)(random.NextDouble() * 4 - 2) };
        Assert.Contains(population, g => g.ExpressedConnectionCount != g.EnabledConnectionCount || !expressDisabledHidden);
        var expected = ProgramBatch.Concatenate(population.Select(g => ProgramCompiler.Compile(g, mode)).ToList());
        AssertSameBatch(expected, PopulationCompiler.Compile(population, mode));
    }

    [Fact]
    public void HandMadeNetwork_CompilesAsGenomeByGenome()
    {
        var population = new[] { CompilerTests.SmallNet(), CompilerTests.SmallNet(0.25f) };
        foreach (var mode in new[] { WeightMode.Shared, WeightMode.Stored })
            AssertSameBatch(ProgramBatch.Concatenate(population.Select(g => ProgramCompiler.Compile(g, mode)).ToList()), PopulationCompiler.Compile(population, mode));
    }

    [Fact]
    public void MixedShapes_AreRefused()
    {
        var a = CompilerTests.SmallNet();
        var b = SyntheticPopulation.Grow(new NetworkShape(3, 1), 1, 5, 1)[0];
        Assert.Throws<ArgumentException>(() => PopulationCompiler.Compile(new[] { a, b }, WeightMode.Shared));
    }
}
