using System.Runtime.InteropServices;
using Wann.Engine.Activations;

namespace Wann.Engine.Programs;

/// <summary>
/// A <see cref="ProgramBatch"/> as bytes, for a batch that crosses a process boundary (a cluster shard),
/// and the checks that make arrays from elsewhere a batch any backend can run without reading outside
/// them. Layout (little-endian): the 8 bytes <c>WANNPRG1</c>, InputCount, OutputCount, then
/// InstructionStart, Activation, FirstEdge, EdgeCount, EdgeSource, EdgeScale and OutputSlot, each as an
/// int32 length followed by its elements (int32, or float32 for EdgeScale).
/// </summary>
public static class ProgramBatchFormat
{
    private static readonly byte[] Magic = "WANNPRG1"u8.ToArray();

    /// <summary>Most inputs or outputs a program may have (a checkpoint's genome is held to the same).</summary>
    public const int MaxPorts = 1 << 20;

    public static byte[] ToBytes(ProgramBatch batch)
    {
        long length = Magic.Length + 8 + 4L * (7 + batch.InstructionStart.Length + 3L * batch.Activation.Length + 2L * batch.EdgeSource.Length + batch.OutputSlot.Length);
        var bytes = new byte[checked((int)length)];
        var writer = new SpanWriter(bytes);
        writer.Write(Magic);
        writer.Write(batch.InputCount);
        writer.Write(batch.OutputCount);
        writer.Write(batch.InstructionStart);
        writer.Write(batch.Activation);
        writer.Write(batch.FirstEdge);
        writer.Write(batch.EdgeCount);
        writer.Write(batch.EdgeSource);
        writer.Write(MemoryMarshal.Cast<float, int>(batch.EdgeScale));
        writer.Write(batch.OutputSlot);
        return bytes;
    }

    /// <summary>The batch <paramref name="bytes"/> hold, checked by <see cref="Check"/>; any problem is a <see cref="WannException"/>.</summary>
    public static ProgramBatch Parse(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < Magic.Length || !bytes[..Magic.Length].SequenceEqual(Magic)) throw new WannException("not a program batch (it does not start with WANNPRG1)");
        var reader = new SpanReader(bytes[Magic.Length..]);
        int inputs = reader.Int(), outputs = reader.Int();
        var start = reader.Ints("instruction offsets");
        var activation = reader.Ints("activations");
        var firstEdge = reader.Ints("first edges");
        var edgeCount = reader.Ints("edge counts");
        var edgeSource = reader.Ints("edge sources");
        var edgeScale = MemoryMarshal.Cast<int, float>(reader.Ints("edge scales")).ToArray();
        var outputSlot = reader.Ints("output slots");
        if (!reader.AtEnd) throw new WannException("bytes left over after the program batch");
        return Check(inputs, outputs, start, activation, firstEdge, edgeCount, edgeSource, edgeScale, outputSlot);
    }

    /// <summary>
    /// Makes a batch of arrays from elsewhere, checking every invariant the backends rely on: array lengths,
    /// instruction offsets that span the instructions in order, known activations, each instruction's edges
    /// right after the previous instruction's, edge sources and output slots inside their program's slots,
    /// finite edge scales. A broken batch is a <see cref="WannException"/> saying what is wrong.
    /// </summary>
    public static ProgramBatch Check(int inputCount, int outputCount, int[] instructionStart, int[] activation, int[] firstEdge, int[] edgeCount,
        int[] edgeSource, float[] edgeScale, int[] outputSlot)
    {
        if (inputCount is < 0 or > MaxPorts || outputCount is < 0 or > MaxPorts) Refuse($"{inputCount} inputs and {outputCount} outputs: each must be 0..{MaxPorts}");
        int programs = instructionStart.Length - 1;
        if (programs < 1) Refuse("no programs");
        int instructions = activation.Length, edges = edgeSource.Length;
        if (firstEdge.Length != instructions || edgeCount.Length != instructions) Refuse("activation, first-edge and edge-count arrays differ in length");
        if (edgeScale.Length != edges) Refuse("edge source and edge scale arrays differ in length");
        if (outputSlot.Length != (long)programs * outputCount) Refuse("output slot array has the wrong length");
        if (instructionStart[0] != 0 || instructionStart[programs] != instructions) Refuse("instruction offsets do not span the instructions");
        if (!Array.TrueForAll(edgeScale, float.IsFinite)) Refuse("an edge scale is not finite");

        // All offsets first: one past the instructions, further on, would be read before the last offset is.
        for (int g = 0; g < programs; g++)
            if (instructionStart[g + 1] < instructionStart[g] || instructionStart[g + 1] > instructions)
                Refuse($"program {g}: instruction offsets go backwards or beyond the {instructions} instructions");

        int expectedEdge = 0, maxNodes = 0;
        for (int g = 0; g < programs; g++)
        {
            int inputsEnd = 1 + inputCount;
            int nodes = inputsEnd + instructionStart[g + 1] - instructionStart[g];
            maxNodes = Math.Max(maxNodes, nodes);
            for (int i = instructionStart[g]; i < instructionStart[g + 1]; i++)
            {
                int slot = inputsEnd + i - instructionStart[g];
                if (!Activation.IsValidId(activation[i])) Refuse($"program {g}: unknown activation {activation[i]}");
                // Edges are laid out back to back, in instruction order: anything else would read another program's edges.
                if (firstEdge[i] != expectedEdge || edgeCount[i] < 0 || edgeCount[i] > edges - expectedEdge)
                    Refuse($"program {g}: edge range of instruction {i - instructionStart[g]} is not where it belongs");
                for (int e = expectedEdge; e < expectedEdge + edgeCount[i]; e++)
                    if (edgeSource[e] < 0 || edgeSource[e] >= slot)
                        Refuse($"program {g}: instruction {i - instructionStart[g]} reads slot {edgeSource[e]}, outside 0..{slot - 1}");
                expectedEdge += edgeCount[i];
            }
            for (int o = 0; o < outputCount; o++)
                if (outputSlot[g * outputCount + o] is var s && (s < 0 || s >= nodes))
                    Refuse($"program {g}: output {o} reads slot {s}, outside 0..{nodes - 1}");
        }
        if (expectedEdge != edges) Refuse("edges left over after the last instruction");

        return new ProgramBatch
        {
            InputCount = inputCount,
            OutputCount = outputCount,
            InstructionStart = instructionStart,
            Activation = activation,
            FirstEdge = firstEdge,
            EdgeCount = edgeCount,
            EdgeSource = edgeSource,
            EdgeScale = edgeScale,
            OutputSlot = outputSlot,
            MaxNodeCount = maxNodes,
        };
    }

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private static void Refuse(string problem) => throw new WannException(problem);

    private ref struct SpanWriter(Span<byte> bytes)
    {
        private readonly Span<byte> _bytes = bytes;
        private int _at;

        public void Write(ReadOnlySpan<byte> bytes)
        {
            bytes.CopyTo(_bytes[_at..]);
            _at += bytes.Length;
        }

        public void Write(int value)
        {
            BitConverter.TryWriteBytes(_bytes[_at..], value);
            _at += 4;
        }

        public void Write(ReadOnlySpan<int> values)
        {
            Write(values.Length);
            Write(MemoryMarshal.AsBytes(values));
        }
    }

    private ref struct SpanReader(ReadOnlySpan<byte> bytes)
    {
        private readonly ReadOnlySpan<byte> _bytes = bytes;
        private int _at;

        public readonly bool AtEnd => _at == _bytes.Length;

        public int Int()
        {
            if (_bytes.Length - _at < 4) throw new WannException("the program batch ends early");
            int value = BitConverter.ToInt32(_bytes[_at..]);
            _at += 4;
            return value;
        }

        /// <summary>An array, its length checked against the bytes that are left before anything is allocated.</summary>
        public int[] Ints(string what)
        {
            int count = Int();
            if (count < 0 || count > (_bytes.Length - _at) / 4) throw new WannException($"the program batch's {what} claim {count} values, more than it holds");
            var values = MemoryMarshal.Cast<byte, int>(_bytes.Slice(_at, 4 * count)).ToArray();
            _at += 4 * count;
            return values;
        }
    }
}
