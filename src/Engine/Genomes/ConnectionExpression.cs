namespace Wann.Engine.Genomes;

/// <summary>
/// Which connection genes a genome expresses as live edges: the one rule that the compiler, the
/// connection count of the 1/nConn objective and the logs, the <c>.out</c> export and the drawings use.
/// </summary>
/// <remarks>
/// <see cref="Original"/> is the original release's rule: its node ordering marks disabled connections
/// as missing, then sets every non-zero entry of the hidden-to-hidden block of the weight matrix back to
/// 1 through a view of that matrix, so a disabled connection between two hidden nodes is evaluated and
/// counted like an enabled one. Disabled connections from the bias or an input, or into an output, stay
/// off. <see cref="EnabledOnly"/> is the rule the paper describes: enabled connections only.
/// </remarks>
public sealed class ConnectionExpression
{
    /// <summary>The original release's rule (the default): disabled hidden-to-hidden connections stay live.</summary>
    public static ConnectionExpression Original { get; } = new(expressesDisabledHidden: true);

    /// <summary>The paper's rule: only enabled connections are live.</summary>
    public static ConnectionExpression EnabledOnly { get; } = new(expressesDisabledHidden: false);

    /// <summary>True when a disabled connection between two hidden nodes is still expressed.</summary>
    public bool ExpressesDisabledHidden { get; }

    private ConnectionExpression(bool expressesDisabledHidden) => ExpressesDisabledHidden = expressesDisabledHidden;

    /// <summary>The rule named by the <c>express_disabled_hidden</c> setting.</summary>
    public static ConnectionExpression For(bool expressDisabledHidden) => expressDisabledHidden ? Original : EnabledOnly;

    /// <summary>The rule itself: whether a connection between nodes of these kinds is a live edge.</summary>
    public bool IsLive(bool enabled, NodeKind source, NodeKind destination) =>
        enabled || (ExpressesDisabledHidden && source == NodeKind.Hidden && destination == NodeKind.Hidden);

    /// <summary>For each connection of <paramref name="genome"/> (same positions), whether it is a live edge.</summary>
    public bool[] Mask(Genome genome)
    {
        var connections = genome.Connections;
        var live = new bool[connections.Count];
        Dictionary<int, int>? index = null;
        for (int i = 0; i < connections.Count; i++)
        {
            var c = connections[i];
            if (c.Enabled || !ExpressesDisabledHidden) live[i] = c.Enabled;
            else
            {
                index ??= genome.NodeIndexById();
                live[i] = IsLive(false, genome.Nodes[index[c.Source]].Kind, genome.Nodes[index[c.Destination]].Kind);
            }
        }
        return live;
    }

    /// <summary>Number of live edges: the original's nConn (before its "0 counts as 1" for ranking). Allocates nothing.</summary>
    public int Count(Genome genome)
    {
        var connections = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(genome.Connections);
        int n = 0;
        bool anyDisabled = false;
        foreach (ref readonly var c in connections)
        {
            if (c.Enabled) n++;
            else anyDisabled = true;
        }
        if (!ExpressesDisabledHidden || !anyDisabled) return n;
        var nodes = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(genome.Nodes);
        int fixedNodes = Math.Min(nodes.Length, 1 + genome.Shape.Inputs + genome.Shape.Outputs);
        foreach (ref readonly var c in connections)
            if (!c.Enabled && KindOf(nodes, fixedNodes, c.Source) == NodeKind.Hidden && KindOf(nodes, fixedNodes, c.Destination) == NodeKind.Hidden) n++;
        return n;
    }

    /// <summary>
    /// Bias, inputs and outputs come first in Nodes; any other id is a hidden node (no dictionary needed).
    /// Their ids are normally their positions, so the first look is direct; the scan is the fallback (with 256
    /// inputs, scanning for every disabled connection made this count most of a fashion16 generation's host work).
    /// </summary>
    private static NodeKind KindOf(ReadOnlySpan<NodeGene> nodes, int fixedNodes, int id)
    {
        if ((uint)id < (uint)fixedNodes && nodes[id].Id == id) return nodes[id].Kind;
        for (int i = 0; i < fixedNodes; i++) if (nodes[i].Id == id) return nodes[i].Kind;
        return NodeKind.Hidden;
    }

    /// <summary>The setting's name and value, for messages.</summary>
    public override string ToString() => $"express_disabled_hidden={(ExpressesDisabledHidden ? "true" : "false")}";
}
