using Wann.Engine.Activations;
using Wann.Engine.Genomes;
using Wann.Engine.Randomness;

namespace Wann.Engine.Search;

/// <summary>
/// The four topology mutations of the WANN search. Each works on a genome in place and returns whether it
/// changed anything; a mutation that cannot apply leaves the genome as it was.
/// </summary>
public sealed class Mutator
{
    private readonly IReadOnlyList<ActivationFunction> _hiddenActivations;
    private readonly double[] _roulette;

    public Mutator(IReadOnlyList<ActivationFunction> hiddenActivations, double probAddConnection, double probAddNode, double probEnable, double probChangeActivation)
    {
        if (hiddenActivations.Count == 0) throw new ArgumentException("at least one hidden activation is needed", nameof(hiddenActivations));
        _hiddenActivations = hiddenActivations;
        _roulette = new[] { probAddConnection, probAddNode, probEnable, probChangeActivation };
        foreach (double p in _roulette) _rouletteTotal += p; // summed in order, as Enumerable.Sum did per draw
    }

    private readonly double _rouletteTotal;

    /// <summary>Picks one mutation by roulette over (add connection, add node, enable, change activation).</summary>
    public MutationKind Choose(SeededRandom random)
    {
        double r = random.NextDouble() * _rouletteTotal;
        for (int i = 0; i < _roulette.Length; i++)
        {
            if (r < _roulette[i]) return (MutationKind)i;
            r -= _roulette[i];
        }
        // Rounding can leave r just past the last slice: give it to the last mutation with any weight.
        for (int i = _roulette.Length - 1; i >= 0; i--) if (_roulette[i] > 0) return (MutationKind)i;
        throw new InvalidOperationException("no mutation has a positive probability");
    }

    /// <summary>A copy of <paramref name="parent"/> with exactly one mutation chosen by roulette (or none if it cannot apply).</summary>
    public Genome MutatedChild(Genome parent, SeededRandom random, InnovationCounter counter)
    {
        var child = parent.Clone();
        Apply(child, Choose(random), random, counter);
        return child;
    }

    /// <summary>
    /// New node ids and innovation ids a mutation of this kind takes at most, so that children can be
    /// mutated in parallel from id ranges reserved in advance (an unused reservation leaves a gap).
    /// </summary>
    public static (int NodeIds, int Innovations) IdsNeeded(MutationKind kind) => kind switch
    {
        MutationKind.AddConnection => (0, 1),
        MutationKind.AddNode => (1, 2),
        _ => (0, 0),
    };

    /// <summary>Which gene lists a mutation of this kind may change: a child copies those and shares the rest with its parent.</summary>
    public static (bool Nodes, bool Connections) ListsChanged(MutationKind kind) => kind switch
    {
        MutationKind.AddConnection or MutationKind.EnableConnection => (false, true),
        MutationKind.AddNode => (true, true),
        MutationKind.ChangeActivation => (true, false),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public bool Apply(Genome genome, MutationKind kind, SeededRandom random, InnovationCounter counter) => kind switch
    {
        MutationKind.AddConnection => AddConnection(genome, random, counter),
        MutationKind.AddNode => AddNode(genome, random, counter),
        MutationKind.EnableConnection => EnableConnection(genome, random),
        MutationKind.ChangeActivation => ChangeActivation(genome, random),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>Connects a random source to a random node of a later layer that it does not already feed.</summary>
    public bool AddConnection(Genome genome, SeededRandom random, InnovationCounter counter)
    {
        var scratch = _scratch ??= new AddConnectionScratch();
        var layer = NodeLayers.Of(genome);
        var existing = scratch.Existing;
        existing.Clear();
        foreach (var c in genome.Connections) existing.Add(Pair(c.Source, c.Destination));
        var sources = scratch.Sources;
        sources.Clear();
        for (int i = 0; i < genome.Nodes.Count; i++)
            if (genome.Nodes[i].Kind != NodeKind.Output) sources.Add(i);
        random.Shuffle(sources);

        var candidates = scratch.Candidates;
        foreach (int s in sources)
        {
            int sourceId = genome.Nodes[s].Id;
            candidates.Clear();
            for (int d = 0; d < genome.Nodes.Count; d++)
            {
                var kind = genome.Nodes[d].Kind;
                if (kind is NodeKind.Bias or NodeKind.Input || layer[d] <= layer[s]) continue;
                int destinationId = genome.Nodes[d].Id;
                if (existing.Contains(Pair(sourceId, destinationId))) continue;
                candidates.Add(d);
            }
            while (candidates.Count > 0)
            {
                int pick = random.NextInt(candidates.Count);
                int destinationId = genome.Nodes[candidates[pick]].Id;
                // Layers already rule out cycles for searched genomes; imported ones may have unusual edges.
                if (!TopologicalOrder.WouldCreateCycle(genome, sourceId, destinationId))
                {
                    genome.Connections.Add(new ConnectionGene(counter.TakeInnovation(), sourceId, destinationId, true, 1f));
                    return true;
                }
                candidates.RemoveAt(pick);
            }
        }
        return false;
    }

    /// <summary>A connection's ends as one key (hashing a long is much cheaper than hashing a tuple).</summary>
    private static long Pair(int sourceId, int destinationId) => (long)sourceId << 32 | (uint)destinationId;

    // Breeding mutates children on every core: each thread reuses its own containers.
    [ThreadStatic] private static AddConnectionScratch? _scratch;

    private sealed class AddConnectionScratch
    {
        public readonly HashSet<long> Existing = new();
        public readonly List<int> Sources = new();
        public readonly List<int> Candidates = new();
    }

    /// <summary>Splits a random enabled connection a->b into a->n (weight 1) and n->b (old weight), disabling a->b.</summary>
    public bool AddNode(Genome genome, SeededRandom random, InnovationCounter counter)
    {
        int enabled = 0;
        foreach (var c in genome.Connections) if (c.Enabled) enabled++;
        if (enabled == 0) return false;

        int split = NthWhere(genome.Connections, random.NextInt(enabled), wantEnabled: true);
        var old = genome.Connections[split];
        var activation = _hiddenActivations[random.NextInt(_hiddenActivations.Count)];
        int nodeId = counter.TakeNodeId();
        genome.Nodes.Add(new NodeGene(nodeId, NodeKind.Hidden, activation));
        genome.Connections[split] = old.WithEnabled(false);
        genome.Connections.Add(new ConnectionGene(counter.TakeInnovation(), old.Source, nodeId, true, 1f));
        genome.Connections.Add(new ConnectionGene(counter.TakeInnovation(), nodeId, old.Destination, true, old.Weight));
        return true;
    }

    /// <summary>Re-enables one random disabled connection.</summary>
    public bool EnableConnection(Genome genome, SeededRandom random)
    {
        int disabled = 0;
        foreach (var c in genome.Connections) if (!c.Enabled) disabled++;
        if (disabled == 0) return false;
        int pick = NthWhere(genome.Connections, random.NextInt(disabled), wantEnabled: false);
        genome.Connections[pick] = genome.Connections[pick].WithEnabled(true);
        return true;
    }

    /// <summary>Position of the n-th (from 0) connection whose Enabled is <paramref name="wantEnabled"/>: a pick from that list without building it.</summary>
    private static int NthWhere(List<ConnectionGene> connections, int n, bool wantEnabled)
    {
        for (int i = 0; i < connections.Count; i++)
            if (connections[i].Enabled == wantEnabled && n-- == 0) return i;
        throw new InvalidOperationException("fewer matching connections than counted");
    }

    /// <summary>Gives a random hidden node a different allowed activation (bias, inputs and outputs never change).</summary>
    public bool ChangeActivation(Genome genome, SeededRandom random)
    {
        int firstHidden = 1 + genome.Shape.Inputs + genome.Shape.Outputs;
        int hiddenCount = genome.Nodes.Count - firstHidden;
        if (hiddenCount <= 0) return false;
        int position = firstHidden + random.NextInt(hiddenCount);
        var node = genome.Nodes[position];
        // The allowed activations other than the node's own, picked by index without building that list.
        int others = 0;
        foreach (var a in _hiddenActivations) if (a != node.Activation) others++;
        if (others == 0) return false;
        int pick = random.NextInt(others);
        foreach (var a in _hiddenActivations)
        {
            if (a == node.Activation) continue;
            if (pick-- == 0)
            {
                genome.Nodes[position] = node with { Activation = a };
                break;
            }
        }
        return true;
    }
}
