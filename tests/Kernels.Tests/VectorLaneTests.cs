using Wann.Engine.Activations;
using Wann.Engine.Lanes;
using Wann.Kernels.Cpu;

namespace Wann.Kernels.Tests;

public sealed class VectorLaneTests
{
    public static TheoryData<int> ActivationIds => new(Enumerable.Range(1, 11));

    [Theory]
    [MemberData(nameof(ActivationIds))]
    public void VectorActivations_AreBitIdenticalToTheScalarLane(int id)
    {
        int width = VectorLane.Count;
        var inputs = new List<float>();
        for (float x = -40f; x <= 40f; x += 0.0137f) inputs.Add(x);
        inputs.AddRange(new[] { 0f, -0f, 1e-7f, -1e-7f, 0.0624f, 0.0626f, 88f, -88f, 1000f });
        while (inputs.Count % width != 0) inputs.Add(0.5f);
        var output = new float[width];
        for (int i = 0; i < inputs.Count; i += width)
        {
            var v = VectorLane.Load(inputs.ToArray().AsSpan(i, width));
            Activation.Apply(id, v).Store(output);
            for (int k = 0; k < width; k++)
            {
                // Same operations on every lane type: bit-identical, not merely close.
                float expected = Activation.Apply(id, inputs[i + k]);
                Assert.True(BitConverter.SingleToInt32Bits(expected) == BitConverter.SingleToInt32Bits(output[k]) || (float.IsNaN(expected) && float.IsNaN(output[k])),
                    $"act {id} at {inputs[i + k]}: {output[k]} vs {expected}");
            }
        }
    }

    [Fact]
    public void SameBits_TellsSignedZerosApartAndMatchesANaNWithItself()
    {
        // What the walker's exact early stop relies on: Equal calls -0 and +0 equal and a NaN unequal to itself.
        float[] a = [0f, -0f, float.NaN, 1f, 1f, -2.5f, float.PositiveInfinity, 1e-45f];
        float[] b = [-0f, -0f, float.NaN, 1f, BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(1f) + 1), -2.5f, float.PositiveInfinity, 0f];
        bool[] same = [false, true, true, true, false, true, true, false];
        var output = new float[VectorLane.Count];
        for (int i = 0; i < a.Length; i++)
        {
            Assert.Equal(same[i], FloatLane.SameBits(new FloatLane(a[i]), new FloatLane(b[i])).Value > 0f);
            VectorLane.SameBits(VectorLane.From(a[i]), VectorLane.From(b[i])).Store(output);
            Assert.All(output, lane => Assert.Equal(same[i], BitConverter.SingleToInt32Bits(lane) != 0));
        }
    }

    [Fact]
    public void NaN_BehavesAsOnTheScalarLane()
    {
        var nan = VectorLane.From(float.NaN);
        var output = new float[VectorLane.Count];
        foreach (int id in new[] { 2, 9 })
        {
            Activation.Apply(id, nan).Store(output);
            Assert.All(output, o => Assert.Equal(Activation.Apply(id, float.NaN), o));
        }
        Activation.Apply(5, nan).Store(output);
        Assert.All(output, o => Assert.True(float.IsNaN(o)));
        VectorLane.IfPositive(nan, VectorLane.From(1f), VectorLane.From(2f)).Store(output);
        Assert.All(output, o => Assert.Equal(FloatLane.IfPositive(new(float.NaN), new(1f), new(2f)).Value, o));
    }
}
