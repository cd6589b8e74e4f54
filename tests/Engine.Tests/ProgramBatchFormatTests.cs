using Wann.Engine.Activations;
using Wann.Engine.Genomes;
using Wann.Engine.Programs;
using Wann.Engine.Search;

namespace Wann.Engine.Tests;

/// <summary>
/// The program format as bytes and its invariants, checked where the format is declared: a compiled batch
/// comes back array for array; a batch that breaks any invariant is refused with one line, never built.
/// </summary>
public sealed class ProgramBatchFormatTests
{
    private static readonly ProgramBatch Batch = ProgramBatch.Compile(
        SyntheticPopulation.Grow(new NetworkShape(5, 2), 12, 10, 3, Enumerable.Range(1, 11).Select(i => (ActivationFunction)i).ToArray()),
        WeightMode.Stored);

    [Fact]
    public void CompiledBatch_RoundTripsArrayForArray()
    {
        var back = ProgramBatchFormat.Parse(ProgramBatchFormat.ToBytes(Batch));
        Assert.Equal((Batch.InputCount, Batch.OutputCount, Batch.MaxNodeCount), (back.InputCount, back.OutputCount, back.MaxNodeCount));
        Assert.Equal(Batch.InstructionStart, back.InstructionStart);
        Assert.Equal(Batch.Activation, back.Activation);
        Assert.Equal(Batch.FirstEdge, back.FirstEdge);
        Assert.Equal(Batch.EdgeCount, back.EdgeCount);
        Assert.Equal(Batch.EdgeSource, back.EdgeSource);
        Assert.Equal(Batch.EdgeScale, back.EdgeScale);
        Assert.Equal(Batch.OutputSlot, back.OutputSlot);
    }

    [Fact]
    public void SliceOfABatch_RoundTrips()
    {
        var slice = Batch.Slice(4, 5);
        Assert.Equal(slice.EdgeSource, ProgramBatchFormat.Parse(ProgramBatchFormat.ToBytes(slice)).EdgeSource);
    }

    private static ProgramBatch With(int[]? start = null, int[]? activation = null, int[]? firstEdge = null, int[]? edgeCount = null,
        int[]? edgeSource = null, float[]? edgeScale = null, int[]? outputSlot = null, int? inputs = null) =>
        ProgramBatchFormat.Check(inputs ?? Batch.InputCount, Batch.OutputCount, start ?? Batch.InstructionStart, activation ?? Batch.Activation,
            firstEdge ?? Batch.FirstEdge, edgeCount ?? Batch.EdgeCount, edgeSource ?? Batch.EdgeSource, edgeScale ?? Batch.EdgeScale, outputSlot ?? Batch.OutputSlot);

    private static T[] Edit<T>(T[] array, int at, T value)
    {
        var copy = (T[])array.Clone();
        copy[at] = value;
        return copy;
    }

    public static TheoryData<string, Func<ProgramBatch>> Broken => new()
    {
        { "no programs", () => With(start: new[] { 0 }) },
        { "unknown activation 99", () => With(activation: Edit(Batch.Activation, 0, 99)) },
        { "reads slot 1000", () => With(edgeSource: Edit(Batch.EdgeSource, 0, 1000)) },
        { "reads slot -1", () => With(edgeSource: Edit(Batch.EdgeSource, 0, -1)) },
        { "edge range of instruction 0 is not where it belongs", () => With(firstEdge: Edit(Batch.FirstEdge, 0, Batch.FirstEdge[0] + 1)) },
        { "edge range of instruction", () => With(edgeCount: Edit(Batch.EdgeCount, 0, int.MaxValue)) },
        { "output 0 reads slot -1", () => With(outputSlot: Edit(Batch.OutputSlot, 0, -1)) },
        { "edge source and edge scale arrays differ", () => With(edgeScale: Array.Empty<float>()) },
        { "an edge scale is not finite", () => With(edgeScale: Edit(Batch.EdgeScale, 0, float.NaN)) },
        { "output slot array has the wrong length", () => With(outputSlot: Array.Empty<int>()) },
        { "instruction offsets do not span", () => With(start: Edit(Batch.InstructionStart, Batch.InstructionStart.Length - 1, Batch.Activation.Length + 1)) },
        { "instruction offsets go backwards", () => With(start: Edit(Batch.InstructionStart, 1, -1)) },
        { "beyond the", () => With(start: Edit(Batch.InstructionStart, 1, Batch.Activation.Length + 5)) },
        { "-1 inputs", () => With(inputs: -1) },
        { "2147483647 inputs", () => With(inputs: int.MaxValue) },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void BrokenBatch_IsRefusedWithOneLine(string expected, Func<ProgramBatch> build)
    {
        var error = Assert.Throws<WannException>(() => build());
        Assert.Contains(expected, error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void DamagedBytes_AreRefused_NeverAllocatedForWhatTheyClaim()
    {
        var bytes = ProgramBatchFormat.ToBytes(Batch);
        var random = new Randomness.SeededRandom(7);
        for (int i = 0; i < 2000; i++)
        {
            var damaged = (byte[])bytes.Clone();
            switch (random.NextInt(3))
            {
                case 0: damaged[random.NextInt(damaged.Length)] ^= (byte)(1 << random.NextInt(8)); break;
                case 1: damaged = damaged[..random.NextInt(damaged.Length)]; break;
                default: BitConverter.TryWriteBytes(damaged.AsSpan(8 + 4 * random.NextInt((damaged.Length - 12) / 4)), int.MaxValue); break;
            }
            try
            {
                ProgramBatchFormat.Parse(damaged);
            }
            catch (WannException e)
            {
                Assert.DoesNotContain('\n', e.Message);
            }
        }
    }
}
