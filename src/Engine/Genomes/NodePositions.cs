namespace Wann.Engine.Genomes;

/// <summary>
/// Position of each node id in a genome's <see cref="Genome.Nodes"/>: a small open-addressing table that one
/// thread reloads for genome after genome. It answers what <see cref="Genome.NodeIndexById"/> answers (a
/// repeated id maps to its last position) without a dictionary: breeding and compiling look up both ends of
/// every connection of every genome, and a dictionary's lookups were most of that work.
/// </summary>
internal sealed class NodePositions
{
    private const int Empty = -1;
    private int[] _ids = new int[64];
    private int[] _positions = new int[64];
    private int _mask = 63;
    private int _shift = 26;

    /// <summary>Forgets the previous genome and records the positions of <paramref name="nodes"/>.</summary>
    public void Load(ReadOnlySpan<NodeGene> nodes)
    {
        int size = 64;
        while (size < 2 * nodes.Length) size *= 2;
        if (_ids.Length < size)
        {
            _ids = new int[size];
            _positions = new int[size];
        }
        _mask = size - 1;
        _shift = 32 - System.Numerics.BitOperations.Log2((uint)size);
        Array.Fill(_positions, Empty, 0, size);
        for (int i = 0; i < nodes.Length; i++)
        {
            int id = nodes[i].Id;
            int slot = SlotOf(id);
            while (_positions[slot] != Empty && _ids[slot] != id) slot = (slot + 1) & _mask;
            _ids[slot] = id;
            _positions[slot] = i;
        }
    }

    /// <summary>Position of node <paramref name="id"/>; throws as a dictionary would when the genome has no such node.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public int Of(int id) => TryGet(id, out int position) ? position : ThrowMissing(id);

    private static int ThrowMissing(int id) => throw new KeyNotFoundException($"the genome has no node {id}");

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public bool TryGet(int id, out int position)
    {
        int slot = SlotOf(id);
        while (true)
        {
            position = _positions[slot];
            if (position == Empty) return false;
            if (_ids[slot] == id) return true;
            slot = (slot + 1) & _mask;
        }
    }

    // Fibonacci hashing: ids of one genome are small counters far apart; the multiply spreads them over the table.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private int SlotOf(int id) => (int)(((uint)id * 2654435769u) >> _shift);
}
