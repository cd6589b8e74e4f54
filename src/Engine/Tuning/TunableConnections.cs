using Wann.Engine.Genomes;
using Wann.Engine.Programs;

namespace Wann.Engine.Tuning;

/// <summary>
/// The weights a network can be given one by one: its enabled connections, in gene order (WANNTool's
/// <c>wKey</c>, the non-zero entries of the weight matrix). Compiles a program once and then makes a program
/// per weight vector by swapping the edge scales, so a generation of candidates costs no recompilation.
/// </summary>
public sealed class TunableConnections
{
    private readonly Genome _genome;
    private readonly int[] _connectionIndex; // parameter -> index into genome.Connections
    private readonly NetworkProgram _template;
    private readonly int[] _parameterOfEdge; // program edge -> parameter

    public TunableConnections(Genome genome)
    {
        _genome = genome;
        _connectionIndex = Enumerable.Range(0, genome.Connections.Count).Where(i => genome.Connections[i].Enabled).ToArray();
        // Compile with each connection's parameter number as its stored weight: the compiled edge scales then
        // say which parameter each edge carries (small integers are exact in a float).
        var numbered = genome.Clone();
        for (int p = 0; p < _connectionIndex.Length; p++)
            numbered.Connections[_connectionIndex[p]] = numbered.Connections[_connectionIndex[p]] with { Weight = p };
        _template = ProgramCompiler.Compile(numbered, WeightMode.Stored);
        _parameterOfEdge = _template.EdgeScale.Select(s => (int)s).ToArray();
    }

    /// <summary>Number of weights (enabled connections).</summary>
    public int Count => _connectionIndex.Length;

    /// <summary>The program with the given weight on each connection, for evaluation with shared weight 1.</summary>
    public NetworkProgram Program(IReadOnlyList<double> weights)
    {
        if (weights.Count != Count) throw new ArgumentException($"expected {Count} weights, got {weights.Count}", nameof(weights));
        var scale = new float[_parameterOfEdge.Length];
        for (int e = 0; e < scale.Length; e++) scale[e] = (float)weights[_parameterOfEdge[e]];
        return new NetworkProgram
        {
            InputCount = _template.InputCount,
            OutputCount = _template.OutputCount,
            Activation = _template.Activation,
            FirstEdge = _template.FirstEdge,
            EdgeCount = _template.EdgeCount,
            EdgeSource = _template.EdgeSource,
            EdgeScale = scale,
            OutputSlot = _template.OutputSlot,
        };
    }

    /// <summary>One batch holding a program per weight vector.</summary>
    public ProgramBatch Batch(IReadOnlyList<IReadOnlyList<double>> weightVectors) =>
        ProgramBatch.Concatenate(weightVectors.Select(Program).ToList());

    /// <summary>A copy of the genome with these weights stored on its enabled connections.</summary>
    public Genome Genome(IReadOnlyList<double> weights)
    {
        if (weights.Count != Count) throw new ArgumentException($"expected {Count} weights, got {weights.Count}", nameof(weights));
        var copy = _genome.Clone();
        for (int p = 0; p < Count; p++) copy.Connections[_connectionIndex[p]] = copy.Connections[_connectionIndex[p]] with { Weight = (float)weights[p] };
        return copy;
    }

    /// <summary>Weights of the tuned-from-shared form: the shared weight plus each connection's offset.</summary>
    public static double[] FromOffsets(float sharedWeight, IReadOnlyList<double> offsets) => offsets.Select(o => sharedWeight + o).ToArray();
}
