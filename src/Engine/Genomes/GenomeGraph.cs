using System.Runtime.InteropServices;

namespace Wann.Engine.Genomes;

/// <summary>
/// Every connection gene of one genome, enabled or not, as successor lists by node position: loaded once,
/// it answers all that add-connection asks (the layers of <c>NodeLayers</c>, whether a connection exists,
/// whether a new one would close a cycle), where separate passes had each looked every node up again.
/// One instance per thread, reloaded genome after genome.
/// </summary>
internal sealed class GenomeGraph
{
    private readonly NodePositions _positions = new();
    private int[] _firstSuccessor = new int[65], _successors = new int[64], _indegree = new int[64];
    private int[] _queue = new int[64], _layer = new int[64];
    private bool[] _marked = new bool[64];
    private NodeKind[] _kind = new NodeKind[64];
    private int _nodes;

    [ThreadStatic] private static GenomeGraph? _forThread;

    /// <summary>This thread's instance (breeding mutates children on every core).</summary>
    public static GenomeGraph ForThisThread() => _forThread ??= new GenomeGraph();

    public void Load(Genome genome)
    {
        var nodes = CollectionsMarshal.AsSpan(genome.Nodes);
        var connections = CollectionsMarshal.AsSpan(genome.Connections);
        int n = nodes.Length;
        _nodes = n;
        if (_indegree.Length < n)
        {
            _indegree = new int[2 * n];
            _queue = new int[2 * n];
            _layer = new int[2 * n];
            _marked = new bool[2 * n];
            _kind = new NodeKind[2 * n];
            _firstSuccessor = new int[2 * n + 1];
        }
        if (_successors.Length < connections.Length) _successors = new int[2 * connections.Length];
        _positions.Load(nodes);
        for (int i = 0; i < n; i++) _kind[i] = nodes[i].Kind;
        Array.Clear(_firstSuccessor, 0, n + 1);
        foreach (ref readonly var c in connections) _firstSuccessor[_positions.Of(c.Source) + 1]++;
        for (int v = 0; v < n; v++) _firstSuccessor[v + 1] += _firstSuccessor[v];
        var cursor = _queue; // free until the layers are worked out
        Array.Copy(_firstSuccessor, cursor, n);
        foreach (ref readonly var c in connections) _successors[cursor[_positions.Of(c.Source)]++] = _positions.Of(c.Destination);
        Array.Clear(_marked, 0, n);
    }

    /// <summary>
    /// Layer per node position, as <c>NodeLayers</c> defines it: bias and inputs 0, a hidden node one past its
    /// deepest predecessor that is not an output (at least 1), outputs one past the deepest hidden node. Worked
    /// forward in a feed-forward order (the longest path does not depend on which); throws on a cycle.
    /// </summary>
    public ReadOnlySpan<int> Layers()
    {
        int n = _nodes;
        Array.Clear(_indegree, 0, n);
        for (int e = 0; e < _firstSuccessor[n]; e++) _indegree[_successors[e]]++;
        int head = 0, tail = 0;
        for (int v = 0; v < n; v++)
        {
            _layer[v] = _kind[v] == NodeKind.Hidden ? 1 : 0;
            if (_indegree[v] == 0) _queue[tail++] = v;
        }
        int deepestHidden = 0;
        while (head < tail)
        {
            int v = _queue[head++];
            if (_kind[v] == NodeKind.Hidden) deepestHidden = Math.Max(deepestHidden, _layer[v]);
            bool feedsDepth = _kind[v] != NodeKind.Output;
            for (int e = _firstSuccessor[v]; e < _firstSuccessor[v + 1]; e++)
            {
                int w = _successors[e];
                if (feedsDepth && _kind[w] == NodeKind.Hidden) _layer[w] = Math.Max(_layer[w], _layer[v] + 1);
                if (--_indegree[w] == 0) _queue[tail++] = w;
            }
        }
        if (tail != n) throw new InvalidOperationException("genome has a cycle");
        for (int v = 0; v < n; v++)
            if (_kind[v] == NodeKind.Output) _layer[v] = deepestHidden + 1;
        return _layer.AsSpan(0, n);
    }

    /// <summary>Marks the positions <paramref name="source"/> has a connection to (enabled or not); <see cref="IsMarked"/> asks.</summary>
    public void MarkSuccessors(int source, bool on)
    {
        for (int e = _firstSuccessor[source]; e < _firstSuccessor[source + 1]; e++) _marked[_successors[e]] = on;
    }

    public bool IsMarked(int position) => _marked[position];

    /// <summary>
    /// True when a connection source -> destination would close a cycle, counting enabled and disabled
    /// connections: exactly when the destination already reaches the source. Uses the layers' buffers.
    /// </summary>
    public bool WouldCreateCycle(int source, int destination)
    {
        if (source == destination) return true;
        var seen = _indegree; // reused: 0 = not yet seen
        Array.Clear(seen, 0, _nodes);
        var stack = _queue;
        int top = 0;
        stack[top++] = destination;
        seen[destination] = 1;
        while (top > 0)
        {
            int v = stack[--top];
            if (v == source) return true;
            for (int e = _firstSuccessor[v]; e < _firstSuccessor[v + 1]; e++)
            {
                int w = _successors[e];
                if (seen[w] == 0) { seen[w] = 1; stack[top++] = w; }
            }
        }
        return false;
    }
}
