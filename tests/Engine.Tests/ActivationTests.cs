using Wann.Engine.Activations;

namespace Wann.Engine.Tests;

/// <summary>
/// Every activation against its formula in double precision (<see cref="DoubleReference"/>), in units in the last
/// place of the correctly rounded result. The bounds are what the float code achieves, measured on the grids below;
/// the exact bits are pinned apart (tests/pins/functions.json), so these say how close, the pins that nothing moved.
/// </summary>
public sealed class ActivationTests
{
    /// <summary>
    /// Ulps from the double formula where <paramref name="x"/> is in range; null where the float code departs from
    /// it on purpose (checked by <see cref="Saturation_IsAsDocumented"/>).
    /// </summary>
    private static long? UlpBound(int id, float x) => id switch
    {
        // Identity, sign, the step, relu and the square are exact (the square is one correctly rounded product).
        1 or 2 or 7 or 8 or 9 or 11 => 0,
        3 or 10 => 4,
        // exp(-x^2/2): the rounding of x * x grows with x^2; beyond |x| = 13.15 the result is flushed to 0.
        4 => Math.Abs(x) <= 4 ? 4 : Math.Abs(x) <= 13 ? 64 : null,
        5 => 1,
        // 1 / (1 + e^-x): e^-x is capped at e^87.
        6 => x >= -87 ? 2 : null,
        _ => throw new ArgumentOutOfRangeException(nameof(id)),
    };

    /// <summary>
    /// sin(pi x) and cos(pi x) also pass within 2^-23 absolute: for x in (-1, 0), x - floor(x) = 1 + x rounds to
    /// the float grid near 1 (at most 2^-25, times pi), so near a zero of the result its ulps mean little.
    /// </summary>
    private static double AbsoluteBound(int id) => id is 3 or 10 ? Math.Pow(2, -23) : 0;

    private static IEnumerable<float> Grid(double from, double to, double step)
    {
        for (double x = from; x <= to; x += step) yield return (float)x;
    }

    public static TheoryData<int> Ids() => new(Enum.GetValues<ActivationFunction>().Select(f => (int)f));

    [Theory]
    [MemberData(nameof(Ids))]
    public void Apply_IsWithinItsUlpBound_OfTheDoubleFormula(int id)
    {
        var points = Grid(-4, 4, 0.00173).Concat(Grid(-13, 13, 0.00191)).Concat(Grid(-100, 100, 0.0391)).Concat(Grid(-1000, 1000, 0.173))
            .Concat(new[] { 0f, -0f, 0.5f, 1f / 6f, 1f / 3f, 1f, 2f, -3f, 0.625f, -0.625f });
        int checkedPoints = 0;
        foreach (float x in points)
        {
            if (UlpBound(id, x) is not { } bound) continue;
            float actual = Activation.Apply(id, x);
            double exact = DoubleReference.Activation(id, x);
            long ulps = Ulps.FromExact(actual, exact);
            Assert.True(ulps <= bound || Math.Abs(actual - exact) <= AbsoluteBound(id),
                $"activation {id} at {x:R}: {actual:R}, exactly {exact:R}: {ulps} ulps (bound {bound})");
            checkedPoints++;
        }
        Assert.True(checkedPoints > 10_000, $"{checkedPoints} points");
    }

    [Theory]
    [InlineData(1, 0.7f, 0.7f)]
    [InlineData(2, 0.3f, 1f)]
    [InlineData(2, 0f, 0f)]
    [InlineData(2, -0.3f, 0f)]
    [InlineData(3, 0.5f, 1f)]            // sin(pi/2)
    [InlineData(3, 7f, 0f)]              // sin(7 pi)
    [InlineData(4, 0f, 1f)]
    [InlineData(6, 0f, 0.5f)]
    [InlineData(7, 1.25f, -1.25f)]
    [InlineData(8, -2.5f, 2.5f)]
    [InlineData(9, -1f, 0f)]
    [InlineData(9, 1.5f, 1.5f)]
    [InlineData(10, 1f, -1f)]            // cos(pi)
    [InlineData(10, 0.5f, 0f)]           // cos(pi/2)
    [InlineData(11, -3f, 9f)]
    public void Apply_IsExact_WhereTheFormulaIsExact(int id, float x, float expected) =>
        Assert.Equal(expected, Activation.Apply(id, x)); // exact equality (a zero of either sign)

    [Fact]
    public void Saturation_IsAsDocumented()
    {
        foreach (float x in Grid(13.16, 1000, 0.0173))
        {
            Assert.Equal(0f, Activation.Apply(4, x));
            Assert.Equal(0f, Activation.Apply(4, -x));
        }
        foreach (float x in Grid(-1000, -87, 0.0173))
            Assert.InRange(Activation.Apply(6, x), 0f, 1.7e-38f);
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
