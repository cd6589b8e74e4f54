using Wann.Engine.Genomes;

namespace Wann.Engine.Programs;

/// <summary>
/// Compiles a whole population straight into one <see cref="ProgramBatch"/> on all cores: a first pass
/// sizes every program (instructions and live edges), prefix sums place them, and a second pass writes
/// each program into its slice of the batch's arrays. Each thread reuses one <see cref="Scratch"/>, so a
/// genome costs no allocation. The result equals concatenating <see cref="ProgramCompiler.Compile"/> of
/// every genome, array for array (the tests hold it to that); ProgramCompiler stays the readable version.
/// </summary>
public static class PopulationCompiler
{
    public static ProgramBatch Compile(IReadOnlyList<Genome> population, WeightMode mode)
    {
        if (population.Count == 0) throw new ArgumentException("a batch needs at least one program", nameof(population));
        int n = population.Count;
        var shape = population[0].Shape;
        int nIn = shape.Inputs, nOut = shape.Outputs;
        var instructions = new int[n];
        var edges = new int[n];
        foreach (var genome in population)
            if (genome.Shape != shape) throw new ArgumentException("all programs of a batch must have the same shape", nameof(population));
        var options = new ParallelOptions { MaxDegreeOfParallelism = n < 512 ? 1 : -1 };
        Parallel.For(0, n, options, () => new Scratch(), (g, _, scratch) =>
        {
            var genome = population[g];
            instructions[g] = genome.Nodes.Count - 1 - nIn;
            edges[g] = scratch.MarkLive(genome);
            return scratch;
        }, _ => { });

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

        var batch = new ProgramBatch
        {
            InputCount = nIn,
            OutputCount = nOut,
            InstructionStart = start,
            Activation = new int[start[n]],
            FirstEdge = new int[start[n]],
            EdgeCount = new int[start[n]],
            EdgeSource = new int[edgeStart[n]],
            EdgeScale = new float[edgeStart[n]],
            OutputSlot = new int[n * nOut],
            MaxNodeCount = maxNodes,
        };
        try
        {
            Parallel.For(0, n, options, () => new Scratch(), (g, _, scratch) =>
            {
                scratch.Write(population[g], mode, batch, g, (int)edgeStart[g]);
                return scratch;
            }, _ => { });
        }
        catch (AggregateException e) when (e.InnerExceptions[0] is WannException problem)
        {
            // A genome the compiler refuses (a cycle among live connections) is bad input: one clear line.
            throw new WannException(problem.Message);
        }
        return batch;
    }

    /// <summary>One thread's reusable buffers: node positions by id, live mask, adjacency, ready heap, slots.</summary>
    private sealed class Scratch
    {
        private readonly Dictionary<int, int> _position = new();
        private bool[] _live = new bool[64];
        private int[] _source = new int[64], _destination = new int[64];
        private int[] _indegree = new int[64], _firstSuccessor = new int[65], _successors = new int[64];
        private int[] _heap = new int[64], _slot = new int[64], _order = new int[64];
        private int[] _firstIncoming = new int[65], _incomingSlot = new int[64];
        private float[] _incomingScale = new float[64];

        /// <summary>Fills positions and the live mask of <paramref name="genome"/>; returns the number of live edges.</summary>
        public int MarkLive(Genome genome)
        {
            var nodes = genome.Nodes;
            var connections = genome.Connections;
            _position.Clear();
            for (int i = 0; i < nodes.Count; i++) _position[nodes[i].Id] = i;
            Grow(ref _live, connections.Count);
            Grow(ref _source, connections.Count);
            Grow(ref _destination, connections.Count);
            var expression = genome.Expression;
            int live = 0;
            for (int k = 0; k < connections.Count; k++)
            {
                var c = connections[k];
                int s = _position[c.Source], d = _position[c.Destination];
                _source[k] = s;
                _destination[k] = d;
                bool on = expression.IsLive(c.Enabled, nodes[s].Kind, nodes[d].Kind);
                _live[k] = on;
                if (on) live++;
            }
            return live;
        }

        /// <summary>Compiles program <paramref name="g"/> into its slice of <paramref name="batch"/>.</summary>
        public void Write(Genome genome, WeightMode mode, ProgramBatch batch, int g, int firstEdge)
        {
            MarkLive(genome);
            int n = genome.Nodes.Count, m = genome.Connections.Count;
            int nIn = genome.Shape.Inputs, nOut = genome.Shape.Outputs;
            Grow(ref _indegree, n);
            Grow(ref _firstSuccessor, n + 1);
            Grow(ref _firstIncoming, n + 1);
            Grow(ref _successors, m);
            Grow(ref _incomingSlot, m);
            Grow(ref _incomingScale, m);
            Grow(ref _heap, n);
            Grow(ref _slot, n);
            Grow(ref _order, n);

            // Live edges as adjacency lists (successors by source) and in-degrees.
            Array.Clear(_indegree, 0, n);
            Array.Clear(_firstSuccessor, 0, n + 1);
            for (int k = 0; k < m; k++)
                if (_live[k]) { _firstSuccessor[_source[k] + 1]++; _indegree[_destination[k]]++; }
            for (int v = 0; v < n; v++) _firstSuccessor[v + 1] += _firstSuccessor[v];
            Array.Copy(_firstSuccessor, _firstIncoming, n + 1); // reused below as fill cursors
            for (int k = 0; k < m; k++)
                if (_live[k]) _successors[_firstIncoming[_source[k]]++] = _destination[k];

            // Kahn's algorithm taking the smallest ready position first, as TopologicalOrder does.
            var ready = new IntMinHeap(_heap);
            int count = 0;
            for (int v = 0; v < n; v++) if (_indegree[v] == 0) ready.Push(v);
            while (ready.Count > 0)
            {
                int v = ready.Pop();
                _order[count++] = v;
                for (int e = _firstSuccessor[v]; e < _firstSuccessor[v + 1]; e++)
                    if (--_indegree[_successors[e]] == 0) ready.Push(_successors[e]);
            }
            if (count != n) throw new WannException("network has a cycle among its live connections");

            // Slots: bias and inputs keep their positions, computed nodes follow in order.
            for (int i = 0; i <= nIn; i++) _slot[i] = i;
            int computed = 0;
            for (int i = 0; i < n; i++)
                if (_order[i] > nIn) _slot[_order[i]] = 1 + nIn + computed++;

            // Incoming live edges per destination, then each node's sources in slot order.
            Array.Clear(_firstIncoming, 0, n + 1);
            for (int k = 0; k < m; k++) if (_live[k]) _firstIncoming[_destination[k] + 1]++;
            for (int v = 0; v < n; v++) _firstIncoming[v + 1] += _firstIncoming[v];
            Array.Copy(_firstIncoming, _firstSuccessor, n + 1); // fill cursors
            var connections = genome.Connections;
            for (int k = 0; k < m; k++)
            {
                if (!_live[k]) continue;
                int at = _firstSuccessor[_destination[k]]++;
                _incomingSlot[at] = _slot[_source[k]];
                _incomingScale[at] = mode == WeightMode.Shared ? 1f : connections[k].Weight;
            }

            int instruction = batch.InstructionStart[g];
            int edge = firstEdge;
            var nodes = genome.Nodes;
            for (int i = 0; i < n; i++)
            {
                int position = _order[i];
                if (position <= nIn) continue;
                int from = _firstIncoming[position], to = _firstIncoming[position + 1];
                var slots = _incomingSlot.AsSpan(from, to - from);
                var scales = _incomingScale.AsSpan(from, to - from);
                // Sources are distinct, so slot order is a total order: the same sums as ProgramCompiler's.
                slots.Sort(scales);
                batch.Activation[instruction] = (int)nodes[position].Activation;
                batch.FirstEdge[instruction] = edge;
                batch.EdgeCount[instruction] = to - from;
                slots.CopyTo(batch.EdgeSource.AsSpan(edge));
                scales.CopyTo(batch.EdgeScale.AsSpan(edge));
                edge += to - from;
                instruction++;
            }
            for (int o = 0; o < nOut; o++) batch.OutputSlot[g * nOut + o] = _slot[1 + nIn + o];
        }

        private static void Grow<T>(ref T[] array, int length)
        {
            if (array.Length < length) array = new T[Math.Max(length, array.Length * 2)];
        }
    }
}
