using System.Runtime.InteropServices;
using Wann.Engine.Genomes;

namespace Wann.Engine.Programs;

/// <summary>
/// Compiles a whole population straight into one <see cref="ProgramBatch"/> on all cores: a first pass
/// sizes every program (instructions, and live edges by <see cref="ConnectionExpression.Count"/>, which
/// needs no node lookups), prefix sums place them, and a second pass writes each program into its slice of
/// the batch's arrays. Each thread reuses one <see cref="Scratch"/>, so a genome costs no allocation. The
/// result equals concatenating <see cref="ProgramCompiler.Compile"/> of every genome, array for array (the
/// tests hold it to that); ProgramCompiler stays the readable version.
/// </summary>
public static class PopulationCompiler
{
    public static ProgramBatch Compile(IReadOnlyList<Genome> population, WeightMode mode) => CompileTracked(population, mode).Batch;

    /// <summary>
    /// Compiles <paramref name="population"/>, copying the programs of genomes whose program follows from their
    /// parent's in <paramref name="lineage"/> (when given, of the same mode and population size; <see cref="InheritedProgram"/>).
    /// </summary>
    public static CompiledPopulation CompileTracked(IReadOnlyList<Genome> population, WeightMode mode, Lineage? lineage = null)
    {
        if (population.Count == 0) throw new ArgumentException("a batch needs at least one program", nameof(population));
        int n = population.Count;
        var shape = population[0].Shape;
        int nIn = shape.Inputs, nOut = shape.Outputs;
        var instructions = new int[n];
        var edges = new int[n];
        foreach (var genome in population)
            if (genome.Shape != shape) throw new ArgumentException("all programs of a batch must have the same shape", nameof(population));
        var parents = lineage is { } l && l.Parents.Mode == mode && l.ParentOf.Length == n ? l.Parents : null;
        // Per genome: what its program takes from its parent's (nothing: compile it).
        var inherited = new InheritedProgram[n];
        var options = new ParallelOptions { MaxDegreeOfParallelism = n < 512 ? 1 : -1 };
        Parallel.For(0, n, options, g =>
        {
            var genome = population[g];
            int parent = parents is null ? -1 : lineage!.ParentOf[g];
            var from = parent >= 0 ? InheritedProgram.Of(genome, parents!, parent, mode) : InheritedProgram.None;
            inherited[g] = from;
            if (from.Inherits)
            {
                instructions[g] = parents!.Batch.InstructionCountOf(parent);
                edges[g] = parents.EdgesOf(parent).Count + (from.AddsEdge ? 1 : 0);
            }
            else
            {
                instructions[g] = genome.Nodes.Count - 1 - nIn;
                edges[g] = genome.Expression.Count(genome);
            }
        });

        var start = new int[n + 1];
        var edgeStart = new long[n + 1];
        int maxNodes = 0;
        for (int g = 0; g < n; g++)
        {
            start[g + 1] = checked(start[g] + instructions[g]);
            edgeStart[g + 1] = edgeStart[g] + edges[g];
            maxNodes = Math.Max(maxNodes, 1 + nIn + instructions[g]);
        }
        if (edgeStart[n] > int.MaxValue)
            throw new WannException($"the population has {edgeStart[n]} connections in all, more than one batch can index ({int.MaxValue}); use a smaller population");

        // The second pass writes every element (Scratch.Write checks its edge count against the first pass's).
        var batch = new ProgramBatch
        {
            InputCount = nIn,
            OutputCount = nOut,
            InstructionStart = start,
            Activation = GC.AllocateUninitializedArray<int>(start[n]),
            FirstEdge = GC.AllocateUninitializedArray<int>(start[n]),
            EdgeCount = GC.AllocateUninitializedArray<int>(start[n]),
            EdgeSource = GC.AllocateUninitializedArray<int>((int)edgeStart[n]),
            EdgeScale = GC.AllocateUninitializedArray<float>((int)edgeStart[n]),
            OutputSlot = new int[n * nOut],
            MaxNodeCount = maxNodes,
        };
        var compiled = new CompiledPopulation { Genomes = population, Batch = batch, Mode = mode, InstructionNode = GC.AllocateUninitializedArray<int>(start[n]) };
        try
        {
            Parallel.For(0, n, options, () => new Scratch(), (g, _, scratch) =>
            {
                if (inherited[g].Inherits) inherited[g].Write(parents!, population[g], compiled, g, (int)edgeStart[g]);
                else scratch.Write(population[g], mode, compiled, g, (int)edgeStart[g], edges[g]);
                return scratch;
            }, _ => { });
        }
        catch (AggregateException e) when (e.InnerExceptions[0] is WannException problem)
        {
            // A genome the compiler refuses (a cycle among live connections) is bad input: one clear line.
            throw new WannException(problem.Message);
        }
        return compiled;
    }

    /// <summary>One thread's reusable buffers: node positions, connection ends, adjacency, ready heap, slots.</summary>
    private sealed class Scratch
    {
        private readonly NodePositions _positions = new();
        private int[] _source = new int[64], _destination = new int[64];
        private int[] _indegree = new int[64], _firstOut = new int[65], _out = new int[64];
        private int[] _heap = new int[64], _slot = new int[64], _order = new int[64];

        /// <summary>
        /// Compiles program <paramref name="g"/> into its slice of <paramref name="into"/>'s batch, which holds
        /// <paramref name="liveEdges"/> edges from <paramref name="firstEdge"/> on.
        /// </summary>
        public void Write(Genome genome, WeightMode mode, CompiledPopulation into, int g, int firstEdge, int liveEdges)
        {
            var batch = into.Batch;
            // Spans over the lists: read-only here, and without a list's checks on every element.
            var nodes = CollectionsMarshal.AsSpan(genome.Nodes);
            var connections = CollectionsMarshal.AsSpan(genome.Connections);
            int n = nodes.Length, m = connections.Length;
            int nIn = genome.Shape.Inputs, nOut = genome.Shape.Outputs;
            Grow(ref _source, m);
            Grow(ref _destination, m);
            Grow(ref _out, m);
            Grow(ref _indegree, n);
            Grow(ref _firstOut, n + 1);
            Grow(ref _heap, n);
            Grow(ref _slot, n);
            Grow(ref _order, n);

            // Ends of every live connection by position (a dead one gets source -1), and in-degrees.
            _positions.Load(nodes);
            var expression = genome.Expression;
            Array.Clear(_indegree, 0, n);
            Array.Clear(_firstOut, 0, n + 1);
            int live = 0;
            for (int k = 0; k < m; k++)
            {
                ref readonly var c = ref connections[k];
                int s = _positions.Of(c.Source), d = _positions.Of(c.Destination);
                if (!expression.IsLive(c.Enabled, nodes[s].Kind, nodes[d].Kind)) s = -1;
                else
                {
                    live++;
                    _firstOut[s + 1]++;
                    _indegree[d]++;
                }
                _source[k] = s;
                _destination[k] = d;
            }
            if (live != liveEdges) throw new WannException($"network has {live} live connections where its expression counts {liveEdges}");

            // Outgoing live connections of each position, in connection order.
            for (int v = 0; v < n; v++) _firstOut[v + 1] += _firstOut[v];
            var cursor = _slot; // free until the slots are assigned below
            Array.Copy(_firstOut, cursor, n);
            for (int k = 0; k < m; k++)
                if (_source[k] >= 0) _out[cursor[_source[k]]++] = k;

            // Kahn's algorithm taking the smallest ready position first, as TopologicalOrder does.
            var ready = new IntMinHeap(_heap);
            int count = 0;
            for (int v = 0; v < n; v++) if (_indegree[v] == 0) ready.Push(v);
            while (ready.Count > 0)
            {
                int v = ready.Pop();
                _order[count++] = v;
                for (int e = _firstOut[v]; e < _firstOut[v + 1]; e++)
                    if (--_indegree[_destination[_out[e]]] == 0) ready.Push(_destination[_out[e]]);
            }
            if (count != n) throw new WannException("network has a cycle among its live connections");

            // Slots: bias and inputs keep their positions, computed nodes follow in order. The order is compacted
            // in place to the computed positions: instruction i is _order[i], slot 1 + nIn + i.
            for (int i = 0; i <= nIn; i++) _slot[i] = i;
            int computed = 0;
            for (int i = 0; i < n; i++)
            {
                int position = _order[i];
                if (position <= nIn) continue;
                _slot[position] = 1 + nIn + computed;
                _order[computed++] = position;
            }

            // Each instruction's edges start where the previous one's end.
            int first = batch.InstructionStart[g];
            var edgeCount = batch.EdgeCount.AsSpan(first, computed);
            var firstEdgeOf = batch.FirstEdge.AsSpan(first, computed);
            edgeCount.Clear();
            for (int k = 0; k < m; k++)
                if (_source[k] >= 0)
                {
                    int instruction = _slot[_destination[k]] - 1 - nIn;
                    if (instruction < 0) throw new WannException($"network has a live connection into node {connections[k].Destination}, a bias or input");
                    edgeCount[instruction]++;
                }
            int edge = firstEdge;
            for (int i = 0; i < computed; i++)
            {
                firstEdgeOf[i] = edge;
                edge += edgeCount[i];
                batch.Activation[first + i] = (int)nodes[_order[i]].Activation;
                into.InstructionNode[first + i] = _order[i];
            }

            // Sources in slot order: visiting sources by ascending slot appends each node's sources already sorted
            // (ids are distinct, so no two edges of a node share a source): the sums ProgramCompiler's sort gives.
            var edgeSource = batch.EdgeSource;
            var edgeScale = batch.EdgeScale;
            var fill = _heap; // the ready queue is empty now: it becomes the fill cursor of each instruction
            firstEdgeOf.CopyTo(fill);
            for (int i = 0; i < n; i++)
            {
                int position = i <= nIn ? i : _order[i - 1 - nIn];
                int slot = _slot[position];
                for (int e = _firstOut[position]; e < _firstOut[position + 1]; e++)
                {
                    int k = _out[e];
                    int at = fill[_slot[_destination[k]] - 1 - nIn]++;
                    edgeSource[at] = slot;
                    edgeScale[at] = mode == WeightMode.Shared ? 1f : connections[k].Weight;
                }
            }
            for (int o = 0; o < nOut; o++) batch.OutputSlot[g * nOut + o] = _slot[1 + nIn + o];
        }

        private static void Grow<T>(ref T[] array, int length)
        {
            if (array.Length < length) array = new T[Math.Max(length, array.Length * 2)];
        }
    }
}
