using Wann.Engine.Activations;
using Wann.Engine.Genomes;
using Wann.Engine.Randomness;
using Wann.Engine.Search;

namespace Wann.Engine.Tests;

public sealed class MutationTests
{
    private static readonly NetworkShape Shape = new(5, 1);
    private static Mutator DefaultMutator() => new(TestTasks.SwingUp.HiddenActivations, 0.2, 0.25, 0.05, 0.5);

    private static (Genome, InnovationCounter) Fresh(SeededRandom random, double probEnable = 1.0)
    {
        var (pop, counter) = InitialPopulation.Create(Shape, 1, probEnable, random);
        return (pop[0], counter);
    }

    [Fact]
    public void ThousandsOfRandomMutations_KeepEveryGenomeValidAndAcyclic()
    {
        var random = new SeededRandom(7);
        var (population, counter) = InitialPopulation.Create(new NetworkShape(3, 2), 20, 0.5, random);
        var mutator = DefaultMutator();
        for (int round = 0; round < 250; round++)
            for (int i = 0; i < population.Count; i++)
            {
                population[i] = mutator.MutatedChild(population[i], random, counter);
                Assert.Null(population[i].Validate());
            }
        // The evolved networks are non-trivial: the property was exercised on real structure.
        Assert.True(population.Average(g => g.HiddenNodeCount) > 5);
        Assert.True(population.Average(g => g.Connections.Count) > 15);
    }

    [Fact]
    public void ReEnablingEverything_NeverClosesACycle()
    {
        var random = new SeededRandom(11);
        var population = SyntheticPopulation.Grow(new NetworkShape(4, 2), 50, 40, 3);
        foreach (var genome in population)
        {
            for (int i = 0; i < genome.Connections.Count; i++) genome.Connections[i] = genome.Connections[i].WithEnabled(true);
            Assert.NotNull(TopologicalOrder.Of(genome, enabledOnly: true));
        }
    }

    [Fact]
    public void AddNode_SplitsAnEnabledConnection_AndDisablesIt()
    {
        var random = new SeededRandom(1);
        var (genome, counter) = Fresh(random);
        var before = genome.Clone();
        Assert.True(DefaultMutator().AddNode(genome, random, counter));

        Assert.Equal(before.Nodes.Count + 1, genome.Nodes.Count);
        var node = genome.Nodes[^1];
        Assert.Equal(NodeKind.Hidden, node.Kind);
        Assert.Contains(node.Activation, TestTasks.SwingUp.HiddenActivations);
        var split = genome.Connections.Single(c => !c.Enabled);
        var into = genome.Connections.Single(c => c.Destination == node.Id);
        var outOf = genome.Connections.Single(c => c.Source == node.Id);
        Assert.Equal((split.Source, 1f), (into.Source, into.Weight));
        Assert.Equal((split.Destination, split.Weight), (outOf.Destination, outOf.Weight));
        Assert.True(into.Enabled && outOf.Enabled);
        Assert.NotEqual(into.Innovation, outOf.Innovation);
    }

    [Fact]
    public void AddNode_OnAGenomeWithoutEnabledConnections_ChangesNothing()
    {
        var random = new SeededRandom(2);
        var (genome, counter) = Fresh(random, probEnable: 0.0);
        Assert.False(DefaultMutator().AddNode(genome, random, counter));
        Assert.Equal(1 + 5 + 1, genome.Nodes.Count);
    }

    [Fact]
    public void AddConnection_JoinsALowerLayerToAHigherOne_WithoutDuplicates()
    {
        var random = new SeededRandom(3);
        var (genome, counter) = Fresh(random);
        var mutator = DefaultMutator();
        mutator.AddNode(genome, random, counter);
        mutator.AddNode(genome, random, counter);
        int added = 0;
        while (mutator.AddConnection(genome, random, counter)) added++;
        Assert.True(added > 0);
        Assert.Null(genome.Validate());
        var layer = NodeLayers.Of(genome);
        var index = genome.NodeIndexById();
        foreach (var c in genome.Connections) Assert.True(layer[index[c.Source]] < layer[index[c.Destination]]);
        // Saturated: no bias/input/hidden node lacks a link to any node of a later layer.
        Assert.False(mutator.AddConnection(genome, random, counter));
    }

    [Fact]
    public void EnableConnection_ReEnablesADisabledOne()
    {
        var random = new SeededRandom(4);
        var (genome, _) = Fresh(random, probEnable: 0.0);
        Assert.True(DefaultMutator().EnableConnection(genome, random));
        Assert.Equal(1, genome.EnabledConnectionCount);
        var (full, _) = Fresh(random, probEnable: 1.0);
        Assert.False(DefaultMutator().EnableConnection(full, random));
    }

    [Fact]
    public void ChangeActivation_TouchesOnlyHiddenNodes_AndAlwaysChangesIt()
    {
        var random = new SeededRandom(5);
        var (genome, counter) = Fresh(random);
        var mutator = DefaultMutator();
        Assert.False(mutator.ChangeActivation(genome, random)); // no hidden node yet
        mutator.AddNode(genome, random, counter);
        for (int i = 0; i < 200; i++)
        {
            var before = genome.Nodes.ToArray();
            Assert.True(mutator.ChangeActivation(genome, random));
            for (int k = 0; k < 1 + 5 + 1; k++) Assert.Equal(ActivationFunction.Linear, genome.Nodes[k].Activation);
            Assert.NotEqual(before[^1].Activation, genome.Nodes[^1].Activation);
            Assert.Contains(genome.Nodes[^1].Activation, TestTasks.SwingUp.HiddenActivations);
        }
    }

    [Fact]
    public void Roulette_FollowsTheConfiguredProbabilities()
    {
        var mutator = new Mutator(TestTasks.SwingUp.HiddenActivations, 0.2, 0.25, 0.05, 0.5);
        var random = new SeededRandom(6);
        var counts = new int[4];
        const int draws = 100_000;
        for (int i = 0; i < draws; i++) counts[(int)mutator.Choose(random)]++;
        Assert.Equal(0.2, counts[0] / (double)draws, 2);
        Assert.Equal(0.25, counts[1] / (double)draws, 2);
        Assert.Equal(0.05, counts[2] / (double)draws, 2);
        Assert.Equal(0.5, counts[3] / (double)draws, 2);
    }

    [Fact]
    public void InitialPopulation_ConnectsBiasAndInputsToOutputs_WithLinearNodes()
    {
        var (population, counter) = InitialPopulation.Create(new NetworkShape(3, 2), 400, 0.5, new SeededRandom(8));
        var genome = population[0];
        Assert.Equal(1 + 3 + 2, genome.Nodes.Count);
        Assert.All(genome.Nodes, n => Assert.Equal(ActivationFunction.Linear, n.Activation));
        Assert.Equal(4 * 2, genome.Connections.Count);
        Assert.All(genome.Connections, c => Assert.Equal(1f, c.Weight));
        Assert.Equal(8, counter.NextInnovation);
        Assert.Equal(6, counter.NextNodeId);
        double enabledShare = population.Average(g => g.EnabledConnectionCount) / 8.0;
        Assert.InRange(enabledShare, 0.45, 0.55);
    }
}
