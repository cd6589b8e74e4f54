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

    [Theory]
    [InlineData(WeightMode.Shared, true)]
    [InlineData(WeightMode.Stored, true)]
    [InlineData(WeightMode.Shared, false)]
    public void ChildrenCompiledFromTheirParentsPrograms_EqualChildrenCompiledFromScratch(WeightMode mode, bool expressDisabledHidden)
    {
        var expression = ConnectionExpression.For(expressDisabledHidden);
        var parents = SyntheticPopulation.Grow(new NetworkShape(5, 2), 600, 25, 8, Enumerable.Range(1, 10).Select(i => (ActivationFunction)i).ToArray())
            .Select(g => g.WithExpression(expression)).ToList();
        var random = new Randomness.SeededRandom(9);
        var ranks = Enumerable.Range(0, parents.Count).OrderBy(_ => random.NextDouble()).ToArray();
        // Half the children change an activation only: those copy their parent's program.
        var breeder = new Breeder(new Mutator(Enumerable.Range(1, 10).Select(i => (ActivationFunction)i).ToArray(), 0.2, 0.2, 0.1, 0.5), 0.2, 0.2, 4);
        var counter = new InnovationCounter(parents.Max(g => g.Nodes.Max(n => n.Id)) + 1, parents.Max(g => g.Connections.Max(c => c.Innovation)) + 1);
        var children = breeder.NextGeneration(parents, ranks, random, counter, out var parentOf);
        var compiledParents = PopulationCompiler.CompileTracked(parents, mode);

        var fromParents = PopulationCompiler.CompileTracked(children, mode, new Lineage(compiledParents, parentOf));

        AssertSameBatch(PopulationCompiler.Compile(children, mode), fromParents.Batch);
        AssertSameBatch(ProgramBatch.Concatenate(children.Select(g => ProgramCompiler.Compile(g, mode)).ToList()), fromParents.Batch);
        // And the next generation again, from programs that were themselves copies.
        var grandchildren = breeder.NextGeneration(children, ranks, random, counter, out var grandparentOf);
        AssertSameBatch(PopulationCompiler.Compile(grandchildren, mode),
            PopulationCompiler.CompileTracked(grandchildren, mode, new Lineage(fromParents, grandparentOf)).Batch);
    }

    [Theory]
    [InlineData(WeightMode.Shared, true)]
    [InlineData(WeightMode.Stored, true)]
    [InlineData(WeightMode.Stored, false)]
    public void ChildrenWithOneMoreConnection_CopiedWithTheEdge_EqualChildrenCompiledFromScratch(WeightMode mode, bool expressDisabledHidden)
    {
        var expression = ConnectionExpression.For(expressDisabledHidden);
        var activations = Enumerable.Range(1, 10).Select(i => (ActivationFunction)i).ToArray();
        var parents = SyntheticPopulation.Grow(new NetworkShape(5, 2), 800, 25, 12, activations).Select(g => g.WithExpression(expression)).ToList();
        var random = new Randomness.SeededRandom(4);
        foreach (var genome in parents)
            for (int i = 0; i < genome.Connections.Count; i++)
                if (random.NextInt(3) == 0) genome.Connections[i] = genome.Connections[i] with { Weight = (float)(random.NextDouble() * 4 - 2) };
        var ranks = Enumerable.Range(0, parents.Count).OrderBy(_ => random.NextDouble()).ToArray();
        // Only add-connection and enable children (and elites): edges forward, backward, and enables that change nothing live.
        var breeder = new Breeder(new Mutator(activations, 0.6, 0, 0.4, 0), 0.2, 0.1, 4);
        var counter = new InnovationCounter(parents.Max(g => g.Nodes.Max(n => n.Id)) + 1, parents.Max(g => g.Connections.Max(c => c.Innovation)) + 1);
        var children = breeder.NextGeneration(parents, ranks, random, counter, out var parentOf);
        var compiledParents = PopulationCompiler.CompileTracked(parents, mode);
        var kinds = Enumerable.Range(0, children.Count).Select(g => InheritedProgram.Of(children[g], compiledParents, parentOf[g], mode))
            .GroupBy(p => (p.Inherits, p.AddsEdge)).ToDictionary(group => group.Key, group => group.Count());
        Assert.True(kinds.GetValueOrDefault((true, true)) > 100, "children copied with one more edge");
        Assert.True(kinds.GetValueOrDefault((false, false)) > 10, "children compiled from scratch (a backward edge)");

        var fromParents = PopulationCompiler.CompileTracked(children, mode, new Lineage(compiledParents, parentOf));

        AssertSameBatch(ProgramBatch.Concatenate(children.Select(g => ProgramCompiler.Compile(g, mode)).ToList()), fromParents.Batch);
        Assert.Equal(PopulationCompiler.CompileTracked(children, mode).InstructionNode, fromParents.InstructionNode);
    }

    [Fact]
    public void ALineageThatDoesNotFit_IsIgnored()
    {
        var population = SyntheticPopulation.Grow(new NetworkShape(5, 2), 300, 20, 4);
        var strangers = PopulationCompiler.CompileTracked(SyntheticPopulation.Grow(new NetworkShape(5, 2), 300, 20, 5), WeightMode.Shared);
        var wrongParents = Enumerable.Range(0, 300).Reverse().ToArray();
        AssertSameBatch(PopulationCompiler.Compile(population, WeightMode.Shared),
            PopulationCompiler.CompileTracked(population, WeightMode.Shared, new Lineage(strangers, wrongParents)).Batch);
        // Parents compiled with stored weights are not reused for a shared-weight batch.
        var stored = PopulationCompiler.CompileTracked(population, WeightMode.Stored);
        AssertSameBatch(PopulationCompiler.Compile(population, WeightMode.Shared),
            PopulationCompiler.CompileTracked(population, WeightMode.Shared, new Lineage(stored, Enumerable.Range(0, 300).ToArray())).Batch);
    }

    [Fact]
    public void MixedShapes_AreRefused()
    {
        var a = CompilerTests.SmallNet();
        var b = SyntheticPopulation.Grow(new NetworkShape(3, 1), 1, 5, 1)[0];
        Assert.Throws<ArgumentException>(() => PopulationCompiler.Compile(new[] { a, b }, WeightMode.Shared));
    }
}
