using Wann.Engine.Activations;

namespace Wann.Engine.Tests;

public sealed class ActivationTests
{
    [Theory]
    [InlineData(1, 0.7f, 0.7f)]
    [InlineData(1, -3f, -3f)]
    [InlineData(2, 0.3f, 1f)]
    [InlineData(2, 0f, 0f)]
    [InlineData(2, -0.3f, 0f)]
    [InlineData(3, 0.5f, 1f)]            // sin(pi/2)
    [InlineData(3, 1f / 6f, 0.5f)]       // sin(pi/6)
    [InlineData(4, 0f, 1f)]
    [InlineData(4, 2f, 0.13533528f)]     // exp(-2)
    [InlineData(5, 0.5f, 0.46211716f)]   // tanh(0.5)
    [InlineData(6, 0f, 0.5f)]
    [InlineData(6, 2f, 0.8807971f)]      // logistic(2)
    [InlineData(7, 1.25f, -1.25f)]
    [InlineData(8, -2.5f, 2.5f)]
    [InlineData(9, -1f, 0f)]
    [InlineData(9, 1.5f, 1.5f)]
    [InlineData(10, 1f, -1f)]            // cos(pi)
    [InlineData(10, 1f / 3f, 0.5f)]      // cos(pi/3)
    [InlineData(11, -3f, 9f)]
    public void Apply_MatchesTheOriginalFormula(int id, float x, float expected) =>
        Assert.Equal(expected, Activation.Apply(id, x), 5);

    [Fact]
    public void Sigmoid_IsTheLogisticFunction()
    {
        for (float x = -6f; x <= 6f; x += 0.25f)
            Assert.Equal(1.0 / (1.0 + Math.Exp(-x)), Activation.Apply(6, x), 5);
    }

    [Fact]
    public void UnknownId_GivesNaN_InsteadOfThrowing() => Assert.True(float.IsNaN(Activation.Apply(12, 1f)));

    [Fact]
    public void EveryEnumValue_HasAValidIdAndAName()
    {
        foreach (var f in Enum.GetValues<ActivationFunction>())
        {
            Assert.True(Activation.IsValidId((int)f));
            Assert.DoesNotContain("act", Activation.Name(f));
        }
    }
}
