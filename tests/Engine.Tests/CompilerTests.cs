using Wann.Engine.Activations;
using Wann.Engine.Genomes;
using Wann.Engine.Programs;
using Wann.Engine.Search;

namespace Wann.Engine.Tests;

public sealed class CompilerTests
{
    /// <summary>bias(0), in(1), in(2), out(3) and hidden 4 = tanh(in1 + in2), out = hidden + bias.</summary>
    internal static Genome SmallNet(float w13 = 1f)
    {
        var nodes = new List<NodeGene>
        {
            new(0, NodeKind.Bias, ActivationFunction.Linear),
            new(1, NodeKind.Input, ActivationFunction.Linear),
            new(2, NodeKind.Input, ActivationFunction.Linear),
            new(3, NodeKind.Output, ActivationFunction.Linear),
            new(4, NodeKind.Hidden, ActivationFunction.Tanh),
        };
        var connections = new List<ConnectionGene>
        {
            new(0, 1, 4, true, 0.5f),
            new(1, 2, 4, true, 2f),
            new(2, 4, 3, true, 1f),
            new(3, 0, 3, true, -1f),
            new(4, 1, 3, false, w13),
        };
        return new Genome(new NetworkShape(2, 1), nodes, connections);
    }

    [Fact]
    public void Compile_PutsEveryEdgeSourceBeforeItsNode_OnGrownPopulations()
    {
        foreach (var genome in SyntheticPopulation.Grow(new NetworkShape(6, 3), 60, 60, 21))
        {
            var program = ProgramCompiler.Compile(genome, WeightMode.Shared);
            for (int i = 0; i < program.InstructionCount; i++)
                for (int k = program.FirstEdge[i]; k < program.FirstEdge[i] + program.EdgeCount[i]; k++)
                    Assert.True(program.EdgeSource[k] < program.FirstComputedSlot + i);
            // Every live edge, the original's disabled hidden-to-hidden ones included (ExpressionTests).
            Assert.Equal(genome.ExpressedConnectionCount, program.EdgeSource.Length);
            Assert.Equal(genome.Nodes.Count, program.NodeCount);
        }
    }

    [Fact]
    public void Compile_DropsDisabledConnections_AndKeepsStoredWeightsOnlyInStoredMode()
    {
        var genome = SmallNet();
        var shared = ProgramCompiler.Compile(genome, WeightMode.Shared);
        var stored = ProgramCompiler.Compile(genome, WeightMode.Stored);
        Assert.Equal(4, shared.EdgeSource.Length);
        Assert.All(shared.EdgeScale, s => Assert.Equal(1f, s));
        Assert.Equal(new[] { -1f, 0.5f, 1f, 2f }, stored.EdgeScale.OrderBy(s => s).ToArray());
    }

    [Fact]
    public void Compile_OrdersHiddenBeforeTheOutputThatReadsIt()
    {
        var program = ProgramCompiler.Compile(SmallNet(), WeightMode.Shared);
        Assert.Equal(2, program.InstructionCount);
        Assert.Equal((int)ActivationFunction.Tanh, program.Activation[0]);
        Assert.Equal(new[] { 4 }, program.OutputSlot);
    }

    [Fact]
    public void ProgramBatch_RoundTripsEachProgram()
    {
        var population = SyntheticPopulation.Grow(new NetworkShape(4, 2), 10, 25, 5);
        var programs = population.Select(g => ProgramCompiler.Compile(g, WeightMode.Stored)).ToList();
        var batch = ProgramBatch.Concatenate(programs);
        Assert.Equal(programs.Max(p => p.NodeCount), batch.MaxNodeCount);
        for (int g = 0; g < programs.Count; g++)
        {
            var back = batch.ProgramAt(g);
            Assert.Equal(programs[g].Activation, back.Activation);
            Assert.Equal(programs[g].FirstEdge, back.FirstEdge);
            Assert.Equal(programs[g].EdgeSource, back.EdgeSource);
            Assert.Equal(programs[g].EdgeScale, back.EdgeScale);
            Assert.Equal(programs[g].OutputSlot, back.OutputSlot);
        }
    }

    [Fact]
    public void ProgramBatch_KnowsWhetherEveryEdgeScaleIsOne()
    {
        var genomes = new[] { SmallNet(), SmallNet(w13: 3f) };
        Assert.True(ProgramBatch.Concatenate(genomes.Select(g => ProgramCompiler.Compile(g, WeightMode.Shared)).ToList()).EdgeScalesAllOne);
        // SmallNet's enabled edges carry 0.5, 2, 1 and -1.
        Assert.False(ProgramBatch.Concatenate(genomes.Select(g => ProgramCompiler.Compile(g, WeightMode.Stored)).ToList()).EdgeScalesAllOne);
    }
}
