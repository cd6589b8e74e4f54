using Wann.Engine.Genomes;

namespace Wann.Engine.Programs;

/// <summary>
/// The programs of a whole population concatenated, so one upload serves one generation.
/// Program g owns instructions <c>[InstructionStart[g], InstructionStart[g+1])</c>; its
/// <see cref="FirstEdge"/> entries are absolute indices into the edge arrays; its edge sources are slots
/// local to the program (0 = bias, 1.. = inputs, then its instructions in order); its outputs are
/// <c>OutputSlot[g * OutputCount + o]</c>. All programs share InputCount and OutputCount.
/// </summary>
public sealed class ProgramBatch
{
    public required int InputCount { get; init; }
    public required int OutputCount { get; init; }
    public required int[] InstructionStart { get; init; }
    public required int[] Activation { get; init; }
    public required int[] FirstEdge { get; init; }
    public required int[] EdgeCount { get; init; }
    public required int[] EdgeSource { get; init; }
    public required float[] EdgeScale { get; init; }
    public required int[] OutputSlot { get; init; }
    /// <summary>Largest node-slot count of any program: the size of a lane's value array.</summary>
    public required int MaxNodeCount { get; init; }

    /// <summary>
    /// True when every edge scale is 1 (shared-weight programs, the search's case): interpreters then add
    /// node values without testing or applying scales. Worked out on first use (threads racing there
    /// work out the same answer); the arrays are not changed after a batch is built.
    /// </summary>
    public bool EdgeScalesAllOne => _edgeScales == AllOne || (_edgeScales == NotWorkedOut && WorkOutEdgeScales());
    private const int NotWorkedOut = 0, AllOne = 1, NotAllOne = 2;
    private int _edgeScales;

    private bool WorkOutEdgeScales()
    {
        bool allOne = Array.TrueForAll(EdgeScale, scale => scale == 1f);
        _edgeScales = allOne ? AllOne : NotAllOne;
        return allOne;
    }

    public int ProgramCount => InstructionStart.Length - 1;
    public int InstructionCountOf(int program) => InstructionStart[program + 1] - InstructionStart[program];
    public int TotalEdgeCount => EdgeSource.Length;

    /// <summary>Compiles every genome of a population (on all cores) into one batch, in population order.</summary>
    public static ProgramBatch Compile(IReadOnlyList<Genome> population, WeightMode mode) => PopulationCompiler.Compile(population, mode);

    /// <summary>A batch of one genome.</summary>
    public static ProgramBatch CompileOne(Genome genome, WeightMode mode) => Concatenate(new[] { ProgramCompiler.Compile(genome, mode) });

    public static ProgramBatch Concatenate(IReadOnlyList<NetworkProgram> programs)
    {
        if (programs.Count == 0) throw new ArgumentException("a batch needs at least one program", nameof(programs));
        int nIn = programs[0].InputCount, nOut = programs[0].OutputCount;
        int instructions = 0, edges = 0, maxNodes = 0;
        foreach (var p in programs)
        {
            if (p.InputCount != nIn || p.OutputCount != nOut)
                throw new ArgumentException("all programs of a batch must have the same shape", nameof(programs));
            instructions += p.InstructionCount;
            edges += p.EdgeSource.Length;
            maxNodes = Math.Max(maxNodes, p.NodeCount);
        }

        var start = new int[programs.Count + 1];
        var activation = new int[instructions];
        var firstEdge = new int[instructions];
        var edgeCount = new int[instructions];
        var edgeSource = new int[edges];
        var edgeScale = new float[edges];
        var outputSlot = new int[programs.Count * nOut];
        int instructionAt = 0, edgeAt = 0;
        for (int g = 0; g < programs.Count; g++)
        {
            var p = programs[g];
            start[g] = instructionAt;
            for (int i = 0; i < p.InstructionCount; i++)
            {
                activation[instructionAt + i] = p.Activation[i];
                firstEdge[instructionAt + i] = p.FirstEdge[i] + edgeAt;
                edgeCount[instructionAt + i] = p.EdgeCount[i];
            }
            p.EdgeSource.CopyTo(edgeSource, edgeAt);
            p.EdgeScale.CopyTo(edgeScale, edgeAt);
            p.OutputSlot.CopyTo(outputSlot, g * nOut);
            instructionAt += p.InstructionCount;
            edgeAt += p.EdgeSource.Length;
        }
        start[programs.Count] = instructionAt;

        return new ProgramBatch
        {
            InputCount = nIn,
            OutputCount = nOut,
            InstructionStart = start,
            Activation = activation,
            FirstEdge = firstEdge,
            EdgeCount = edgeCount,
            EdgeSource = edgeSource,
            EdgeScale = edgeScale,
            OutputSlot = outputSlot,
            MaxNodeCount = maxNodes,
        };
    }

    /// <summary>
    /// Programs <c>[first, first + count)</c> as a batch of their own, equal array for array to compiling
    /// those genomes alone: the shard one device or worker evaluates. Its fitness rows are rows
    /// <c>first..first + count - 1</c> of the whole batch's, because evaluation depends only on the program,
    /// the request and the lane, never on a program's position in the batch.
    /// </summary>
    public ProgramBatch Slice(int first, int count)
    {
        if (first < 0 || count < 1 || first > ProgramCount - count)
            throw new ArgumentOutOfRangeException(nameof(count), $"programs [{first}, {first + count}) are not within the batch's {ProgramCount}");
        if (first == 0 && count == ProgramCount) return this;
        int s0 = InstructionStart[first], s1 = InstructionStart[first + count];
        int e0 = s1 > s0 ? FirstEdge[s0] : 0;
        int e1 = s1 > s0 ? FirstEdge[s1 - 1] + EdgeCount[s1 - 1] : 0;
        var start = new int[count + 1];
        int maxInstructions = 0;
        for (int g = 0; g <= count; g++)
        {
            start[g] = InstructionStart[first + g] - s0;
            if (g > 0) maxInstructions = Math.Max(maxInstructions, start[g] - start[g - 1]);
        }
        var firstEdge = FirstEdge[s0..s1];
        for (int i = 0; i < firstEdge.Length; i++) firstEdge[i] -= e0;
        return new ProgramBatch
        {
            InputCount = InputCount,
            OutputCount = OutputCount,
            InstructionStart = start,
            Activation = Activation[s0..s1],
            FirstEdge = firstEdge,
            EdgeCount = EdgeCount[s0..s1],
            EdgeSource = EdgeSource[e0..e1],
            EdgeScale = EdgeScale[e0..e1],
            OutputSlot = OutputSlot[(first * OutputCount)..((first + count) * OutputCount)],
            MaxNodeCount = 1 + InputCount + maxInstructions,
        };
    }

    /// <summary>Program g as a stand-alone <see cref="NetworkProgram"/> (for the reference interpreter and tests).</summary>
    public NetworkProgram ProgramAt(int g)
    {
        int s = InstructionStart[g], n = InstructionCountOf(g);
        int e0 = n > 0 ? FirstEdge[s] : 0;
        int e1 = n > 0 ? FirstEdge[s + n - 1] + EdgeCount[s + n - 1] : 0;
        return new NetworkProgram
        {
            InputCount = InputCount,
            OutputCount = OutputCount,
            Activation = Activation[s..(s + n)],
            FirstEdge = FirstEdge[s..(s + n)].Select(e => e - e0).ToArray(),
            EdgeCount = EdgeCount[s..(s + n)],
            EdgeSource = EdgeSource[e0..e1],
            EdgeScale = EdgeScale[e0..e1],
            OutputSlot = OutputSlot[(g * OutputCount)..((g + 1) * OutputCount)],
        };
    }
}
