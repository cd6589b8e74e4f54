using ILGPU;

namespace Wann.Kernels.Gpu;

/// <summary>
/// A generation's program batch as the kernels read it (see <see cref="Wann.Engine.Programs.ProgramBatch"/>).
/// Each computed node is one packed header word, <c>edgeCount &lt;&lt; 8 | activation</c>: a program's edges are
/// contiguous in node order, so a node's first edge is the previous node's end and need not be read.
/// </summary>
public struct ProgramViews
{
    /// <summary>Program g owns nodes [InstructionStart[g], InstructionStart[g + 1]).</summary>
    public ArrayView<int> InstructionStart;
    /// <summary>Index of program g's first edge.</summary>
    public ArrayView<int> FirstEdge;
    /// <summary>Per computed node: edge count in the high 24 bits, activation id in the low 8.</summary>
    public ArrayView<int> NodeHeader;
    public ArrayView<int> EdgeSource;
    /// <summary>Stored weight per edge; not read by the shared-weight kernels.</summary>
    public ArrayView<float> EdgeScale;
    public ArrayView<int> OutputSlot;
    /// <summary>Program evaluated at each launch position: genomes sorted by node count, so launches group similar sizes.</summary>
    public ArrayView<int> Order;
}
