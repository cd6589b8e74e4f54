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
