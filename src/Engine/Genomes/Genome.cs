using Wann.Engine.Activations;

namespace Wann.Engine.Genomes;

/// <summary>
/// A network topology: node genes (bias, inputs, outputs, then hidden nodes in creation order, as the
/// original orders them) and connection genes. Feed-forward only; <see cref="Validate"/> says why not.
/// <see cref="Expression"/> says which connections are live when the genome is compiled, counted or exported.
/// </summary>
public sealed class Genome
{
    public NetworkShape Shape { get; }
    public List<NodeGene> Nodes { get; }
    public List<ConnectionGene> Connections { get; }

    /// <summary>The rule that decides which connection genes are live edges (a search setting, kept with the genome).</summary>
    public ConnectionExpression Expression { get; }

    /// <param name="expression">Defaults to <see cref="ConnectionExpression.Original"/>, the original release's rule.</param>
    public Genome(NetworkShape shape, List<NodeGene> nodes, List<ConnectionGene> connections, ConnectionExpression? expression = null)
    {
        Shape = shape;
        Nodes = nodes;
        Connections = connections;
        Expression = expression ?? ConnectionExpression.Original;
    }

    /// <summary>A copy with room for one mutation (a node and two connections), so mutating it does not regrow its lists.</summary>
    public Genome Clone()
    {
        var nodes = new List<NodeGene>(Nodes.Count + 1);
        nodes.AddRange(Nodes);
        var connections = new List<ConnectionGene>(Connections.Count + 2);
        connections.AddRange(Connections);
        return new(Shape, nodes, connections, Expression);
    }

    /// <summary>
    /// A genome for a mutation that changes only the lists asked for: those are copied (with room for one
    /// mutation), the others are this genome's own lists, shared. Breeding makes children this way, so a
    /// searched population's genomes share unchanged gene lists with their parents and must be treated as
    /// read-only (<see cref="Clone"/> one before changing it).
    /// </summary>
    public Genome CopyForChange(bool nodes, bool connections)
    {
        var nodeList = Nodes;
        if (nodes)
        {
            nodeList = new List<NodeGene>(Nodes.Count + 1);
            nodeList.AddRange(Nodes);
        }
        var connectionList = Connections;
        if (connections)
        {
            connectionList = new List<ConnectionGene>(Connections.Count + 2);
            connectionList.AddRange(Connections);
        }
        return new(Shape, nodeList, connectionList, Expression);
    }

    /// <summary>A copy of the genes under another expression rule.</summary>
    public Genome WithExpression(ConnectionExpression expression) => new(Shape, new List<NodeGene>(Nodes), new List<ConnectionGene>(Connections), expression);

    public int EnabledConnectionCount
    {
        get
        {
            int n = 0;
            foreach (var c in Connections) if (c.Enabled) n++;
            return n;
        }
    }

    /// <summary>Live edges under <see cref="Expression"/>: the nConn of the 1/nConn objective and of the logs.</summary>
    public int ExpressedConnectionCount => Expression.Count(this);

    public int HiddenNodeCount => Nodes.Count - 1 - Shape.Inputs - Shape.Outputs;

    /// <summary>Position of each node id in <see cref="Nodes"/>.</summary>
    public Dictionary<int, int> NodeIndexById()
    {
        var map = new Dictionary<int, int>(Nodes.Count);
        for (int i = 0; i < Nodes.Count; i++) map[Nodes[i].Id] = i;
        return map;
    }

    /// <summary>Checks the structural invariants every genome must keep; returns null when valid, else the problem.</summary>
    public string? Validate()
    {
        int nIn = Shape.Inputs, nOut = Shape.Outputs;
        if (nIn < 0 || nOut < 0) return $"has {nIn} inputs and {nOut} outputs";
        // In long arithmetic: a file can claim int.MaxValue inputs, and 1 + inputs + outputs must not wrap.
        if (Nodes.Count < 1L + nIn + nOut) return $"has {Nodes.Count} nodes, fewer than bias + {nIn} inputs + {nOut} outputs";
        for (int i = 0; i < Nodes.Count; i++)
        {
            var expected = i == 0 ? NodeKind.Bias : i <= nIn ? NodeKind.Input : i <= nIn + nOut ? NodeKind.Output : NodeKind.Hidden;
            if (Nodes[i].Kind != expected) return $"node {i} (id {Nodes[i].Id}) is {Nodes[i].Kind}, expected {expected}";
            if (!Activation.IsValidId((int)Nodes[i].Activation)) return $"node id {Nodes[i].Id} has unknown activation {(int)Nodes[i].Activation}";
        }
        var index = new Dictionary<int, int>();
        for (int i = 0; i < Nodes.Count; i++)
            if (!index.TryAdd(Nodes[i].Id, i)) return $"node id {Nodes[i].Id} appears twice";
        var pairs = new HashSet<(int, int)>();
        var innovations = new HashSet<long>();
        foreach (var c in Connections)
        {
            if (!index.TryGetValue(c.Source, out int s)) return $"connection {c.Innovation} starts at unknown node {c.Source}";
            if (!index.TryGetValue(c.Destination, out int d)) return $"connection {c.Innovation} ends at unknown node {c.Destination}";
            var dk = Nodes[d].Kind;
            if (dk is NodeKind.Bias or NodeKind.Input) return $"connection {c.Innovation} feeds {dk} node {c.Destination}";
            if (s == d) return $"connection {c.Innovation} is a self-loop on node {c.Source}";
            if (!pairs.Add((c.Source, c.Destination))) return $"connection {c.Source}->{c.Destination} appears twice";
            if (!innovations.Add(c.Innovation)) return $"innovation {c.Innovation} appears twice";
            if (!float.IsFinite(c.Weight)) return $"connection {c.Innovation} has non-finite weight";
        }
        if (TopologicalOrder.Of(this, enabledOnly: false) is null) return "has a cycle";
        return null;
    }
}
