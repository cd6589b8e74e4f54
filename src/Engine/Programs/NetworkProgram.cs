namespace Wann.Engine.Programs;

/// <summary>
/// One compiled topology as flat arrays, the form every backend reads.
/// Node slots: 0 is the bias (value 1), 1..InputCount are the inputs, then one slot per instruction in
/// feed-forward order (slot = 1 + InputCount + instruction index). Instruction i computes
/// <c>value = act_i( w * sum_k EdgeScale[k] * value[EdgeSource[k]] )</c> over edges
/// <c>k in [FirstEdge[i], FirstEdge[i] + EdgeCount[i])</c>, w being the lane's shared weight.
/// </summary>
public sealed class NetworkProgram
{
    public required int InputCount { get; init; }
    public required int OutputCount { get; init; }
    public required int[] Activation { get; init; }
    public required int[] FirstEdge { get; init; }
    public required int[] EdgeCount { get; init; }
    public required int[] EdgeSource { get; init; }
    public required float[] EdgeScale { get; init; }
    /// <summary>Slot of each output node, in output order.</summary>
    public required int[] OutputSlot { get; init; }

    public int InstructionCount => Activation.Length;
    public int NodeCount => 1 + InputCount + InstructionCount;
    public int FirstComputedSlot => 1 + InputCount;
}
