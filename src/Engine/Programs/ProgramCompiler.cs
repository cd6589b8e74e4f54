using Wann.Engine.Genomes;

namespace Wann.Engine.Programs;

/// <summary>
/// Compiles a genome into a <see cref="NetworkProgram"/>: the connections its <see cref="Genome.Expression"/>
/// makes live (by default the enabled ones plus disabled hidden-to-hidden ones, as the original), nodes in a
/// feed-forward order of those edges.
/// </summary>
public static class ProgramCompiler
{
    public static NetworkProgram Compile(Genome genome, WeightMode mode)
    {
        int nIn = genome.Shape.Inputs, nOut = genome.Shape.Outputs;
        var live = genome.Expression.Mask(genome);
        var order = TopologicalOrder.Of(genome, live)
            ?? throw new WannException("network has a cycle among its live connections");
        var index = genome.NodeIndexById();

        // Slot of each node position: bias and inputs keep their positions, computed nodes follow in order.
        var slotOfPosition = new int[genome.Nodes.Count];
        var computed = new List<int>(genome.Nodes.Count);
        for (int i = 0; i <= nIn; i++) slotOfPosition[i] = i;
        foreach (int position in order)
        {
            if (position <= nIn) continue;
            slotOfPosition[position] = 1 + nIn + computed.Count;
            computed.Add(position);
        }

        var incoming = new List<ConnectionGene>[genome.Nodes.Count];
        for (int k = 0; k < genome.Connections.Count; k++)
        {
            if (!live[k]) continue;
            var c = genome.Connections[k];
            int d = index[c.Destination];
            (incoming[d] ??= new List<ConnectionGene>()).Add(c);
        }

        var activation = new int[computed.Count];
        var firstEdge = new int[computed.Count];
        var edgeCount = new int[computed.Count];
        var edgeSource = new List<int>();
        var edgeScale = new List<float>();
        for (int i = 0; i < computed.Count; i++)
        {
            int position = computed[i];
            activation[i] = (int)genome.Nodes[position].Activation;
            firstEdge[i] = edgeSource.Count;
            if (incoming[position] is { } edges)
            {
                // Sources in slot order: a fixed summation order, the same on every backend.
                edges.Sort((a, b) => slotOfPosition[index[a.Source]].CompareTo(slotOfPosition[index[b.Source]]));
                foreach (var c in edges)
                {
                    edgeSource.Add(slotOfPosition[index[c.Source]]);
                    edgeScale.Add(mode == WeightMode.Shared ? 1f : c.Weight);
                }
            }
            edgeCount[i] = edgeSource.Count - firstEdge[i];
        }

        var outputSlot = new int[nOut];
        for (int o = 0; o < nOut; o++) outputSlot[o] = slotOfPosition[1 + nIn + o];

        return new NetworkProgram
        {
            InputCount = nIn,
            OutputCount = nOut,
            Activation = activation,
            FirstEdge = firstEdge,
            EdgeCount = edgeCount,
            EdgeSource = edgeSource.ToArray(),
            EdgeScale = edgeScale.ToArray(),
            OutputSlot = outputSlot,
        };
    }
}
