using Wann.Engine.Genomes;

namespace Wann.Engine.Programs;

/// <summary>
/// A population with its batch and, for every instruction of the batch, the position of the node it
/// computes in its genome's <see cref="Genome.Nodes"/>: what the next generation's compile needs to reuse a
/// parent's program (<see cref="Lineage"/>).
/// </summary>
public sealed class CompiledPopulation
{
    public required IReadOnlyList<Genome> Genomes { get; init; }
    public required ProgramBatch Batch { get; init; }
    public required WeightMode Mode { get; init; }

    /// <summary>Node position computed by each instruction, aligned with <see cref="ProgramBatch.Activation"/>.</summary>
    public required int[] InstructionNode { get; init; }

    /// <summary>First edge of program <paramref name="g"/> and how many it has.</summary>
    public (int First, int Count) EdgesOf(int g)
    {
        int s0 = Batch.InstructionStart[g], s1 = Batch.InstructionStart[g + 1];
        if (s1 == s0) return (0, 0);
        int first = Batch.FirstEdge[s0];
        return (first, Batch.FirstEdge[s1 - 1] + Batch.EdgeCount[s1 - 1] - first);
    }
}
