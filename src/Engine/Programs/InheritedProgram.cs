using System.Runtime.InteropServices;
using Wann.Engine.Genomes;

namespace Wann.Engine.Programs;

/// <summary>
/// How a child's program follows from its parent's, when it does: the parent's program itself (the same
/// topology: elites, change-activation children) or the parent's program with one more edge (add-connection
/// and enable children whose new edge runs forward in the parent's order). Such a child is written by copying
/// instead of compiling, to the same bits; any other child is compiled from scratch.
/// </summary>
/// <remarks>
/// Why one forward edge keeps the order: the compiler orders nodes by Kahn's algorithm, taking the smallest
/// ready position first. An edge s -> d where s came before d only makes d ready later, and d is still ready
/// when its turn comes (s and its other sources are done by then); every other step sees the same smallest
/// ready node. So the order and the slots stay, and d gains one source, placed among its sorted sources.
/// </remarks>
internal readonly record struct InheritedProgram(int Parent, int AddedInstruction, int AddedSlot, float AddedScale)
{
    /// <summary>Compile from scratch.</summary>
    public static InheritedProgram None => new(-1, -1, 0, 0f);

    public bool Inherits => Parent >= 0;
    public bool AddsEdge => AddedInstruction >= 0;

    /// <summary>What <paramref name="child"/>'s program takes from that of parent <paramref name="parent"/> in <paramref name="parents"/>.</summary>
    public static InheritedProgram Of(Genome child, CompiledPopulation parents, int parent, WeightMode mode)
    {
        var from = parents.Genomes[parent];
        if (child.Expression != from.Expression || !SameNodes(child, from)) return None;
        if (ReferenceEquals(child.Connections, from.Connections)) return new(parent, -1, 0, 0f);
        var added = AddedConnection(CollectionsMarshal.AsSpan(child.Connections), CollectionsMarshal.AsSpan(from.Connections), child.Expression, CollectionsMarshal.AsSpan(child.Nodes));
        if (added is not { } edge) return None;
        if (edge.Source < 0) return new(parent, -1, 0, 0f); // the live edges are the parent's
        return WithForwardEdge(parents, parent, edge.Source, edge.Destination, mode == WeightMode.Shared ? 1f : edge.Weight, child.Shape.Inputs);
    }

    /// <summary>The same node ids and kinds in the same places (activations may differ).</summary>
    private static bool SameNodes(Genome child, Genome parent)
    {
        if (ReferenceEquals(child.Nodes, parent.Nodes)) return true;
        var a = CollectionsMarshal.AsSpan(child.Nodes);
        var b = CollectionsMarshal.AsSpan(parent.Nodes);
        if (a.Length != b.Length) return false;
        for (int i = 0; i < a.Length; i++)
            if (a[i].Id != b[i].Id || a[i].Kind != b[i].Kind) return false;
        return true;
    }

    /// <summary>
    /// The one live edge (node positions and weight) that <paramref name="child"/>'s genes have beyond
    /// <paramref name="parent"/>'s; source -1 when both have the same live edges; null for any other difference.
    /// Recognised: one connection appended, or one connection enabled.
    /// </summary>
    private static (int Source, int Destination, float Weight)? AddedConnection(ReadOnlySpan<ConnectionGene> child, ReadOnlySpan<ConnectionGene> parent,
        ConnectionExpression expression, ReadOnlySpan<NodeGene> nodes)
    {
        int changed;
        bool wasLive;
        if (child.Length == parent.Length + 1)
        {
            for (int k = 0; k < parent.Length; k++) if (!Same(child[k], parent[k])) return null;
            changed = parent.Length;
            wasLive = false;
        }
        else if (child.Length == parent.Length)
        {
            changed = -1;
            for (int k = 0; k < child.Length; k++)
            {
                if (Same(child[k], parent[k])) continue;
                if (changed >= 0 || !Same(child[k], parent[k].WithEnabled(child[k].Enabled))) return null;
                changed = k;
            }
            if (changed < 0) return (-1, -1, 0f);
            var before = parent[changed];
            int s0 = PositionOf(nodes, before.Source), d0 = PositionOf(nodes, before.Destination);
            if (s0 < 0 || d0 < 0) return null;
            wasLive = expression.IsLive(before.Enabled, nodes[s0].Kind, nodes[d0].Kind);
        }
        else return null;

        var c = child[changed];
        int s = PositionOf(nodes, c.Source), d = PositionOf(nodes, c.Destination);
        if (s < 0 || d < 0) return null;
        bool isLive = expression.IsLive(c.Enabled, nodes[s].Kind, nodes[d].Kind);
        if (isLive == wasLive) return (-1, -1, 0f);
        return isLive ? (s, d, c.Weight) : null;
    }

    /// <summary>Every field to the bit (a weight of -0 is not one of +0).</summary>
    private static bool Same(in ConnectionGene a, in ConnectionGene b) =>
        a.Innovation == b.Innovation && a.Source == b.Source && a.Destination == b.Destination && a.Enabled == b.Enabled &&
        BitConverter.SingleToInt32Bits(a.Weight) == BitConverter.SingleToInt32Bits(b.Weight);

    /// <summary>The last position holding <paramref name="id"/>, as the compiler's lookup answers; -1 if none.</summary>
    private static int PositionOf(ReadOnlySpan<NodeGene> nodes, int id)
    {
        for (int i = nodes.Length - 1; i >= 0; i--) if (nodes[i].Id == id) return i;
        return -1;
    }

    /// <summary>The parent's program plus edge <paramref name="source"/> -> <paramref name="destination"/> (positions), if it runs forward and is new.</summary>
    private static InheritedProgram WithForwardEdge(CompiledPopulation parents, int parent, int source, int destination, float scale, int inputs)
    {
        if (destination <= inputs) return None; // into the bias or an input: the compiler says why not
        var batch = parents.Batch;
        int s0 = batch.InstructionStart[parent];
        var computes = parents.InstructionNode.AsSpan(s0, batch.InstructionCountOf(parent));
        int instruction = computes.IndexOf(destination);
        int sourceSlot = source <= inputs ? source : 1 + inputs + computes.IndexOf(source);
        if (instruction < 0 || sourceSlot < 0 || sourceSlot >= 1 + inputs + instruction) return None;
        // A second edge from the same source (a repeated connection) would be ordered by gene: compile it instead.
        if (batch.EdgeSource.AsSpan(batch.FirstEdge[s0 + instruction], batch.EdgeCount[s0 + instruction]).Contains(sourceSlot)) return None;
        return new(parent, instruction, sourceSlot, scale);
    }

    /// <summary>
    /// Writes program <paramref name="g"/> of <paramref name="into"/> from the parent's: instructions and slots as
    /// the parent's, activations from <paramref name="child"/>, edges from <paramref name="firstEdge"/> on.
    /// </summary>
    public void Write(CompiledPopulation parents, Genome child, CompiledPopulation into, int g, int firstEdge)
    {
        var from = parents.Batch;
        var to = into.Batch;
        int s0 = from.InstructionStart[Parent], count = from.InstructionCountOf(Parent);
        int t0 = to.InstructionStart[g];
        var (e0, edges) = parents.EdgesOf(Parent);
        var nodes = CollectionsMarshal.AsSpan(child.Nodes);
        var instructionNode = parents.InstructionNode.AsSpan(s0, count);
        instructionNode.CopyTo(into.InstructionNode.AsSpan(t0));
        from.EdgeCount.AsSpan(s0, count).CopyTo(to.EdgeCount.AsSpan(t0));
        for (int i = 0; i < count; i++)
        {
            to.FirstEdge[t0 + i] = from.FirstEdge[s0 + i] - e0 + firstEdge + (AddsEdge && i > AddedInstruction ? 1 : 0);
            to.Activation[t0 + i] = (int)nodes[instructionNode[i]].Activation;
        }
        int outputs = to.OutputCount;
        from.OutputSlot.AsSpan(Parent * outputs, outputs).CopyTo(to.OutputSlot.AsSpan(g * outputs));
        if (!AddsEdge)
        {
            from.EdgeSource.AsSpan(e0, edges).CopyTo(to.EdgeSource.AsSpan(firstEdge));
            from.EdgeScale.AsSpan(e0, edges).CopyTo(to.EdgeScale.AsSpan(firstEdge));
            return;
        }

        // The new source goes after the destination's sources with smaller slots.
        int own = from.FirstEdge[s0 + AddedInstruction];
        int at = own + SourcesBelow(from.EdgeSource.AsSpan(own, from.EdgeCount[s0 + AddedInstruction]), AddedSlot) - e0;
        from.EdgeSource.AsSpan(e0, at).CopyTo(to.EdgeSource.AsSpan(firstEdge));
        from.EdgeScale.AsSpan(e0, at).CopyTo(to.EdgeScale.AsSpan(firstEdge));
        to.EdgeSource[firstEdge + at] = AddedSlot;
        to.EdgeScale[firstEdge + at] = AddedScale;
        from.EdgeSource.AsSpan(e0 + at, edges - at).CopyTo(to.EdgeSource.AsSpan(firstEdge + at + 1));
        from.EdgeScale.AsSpan(e0 + at, edges - at).CopyTo(to.EdgeScale.AsSpan(firstEdge + at + 1));
        to.EdgeCount[t0 + AddedInstruction]++;
    }

    private static int SourcesBelow(ReadOnlySpan<int> sortedSources, int slot)
    {
        int below = 0;
        while (below < sortedSources.Length && sortedSources[below] < slot) below++;
        return below;
    }
}
