using Wann.Engine.Lanes;

namespace Wann.Engine.Tests;

/// <summary>The hand-written transcendental functions against double-precision System.Math.</summary>
public sealed class LaneMathTests
{
    private static IEnumerable<float> Grid(float from, float to, float step)
    {
        for (float x = from; x <= to; x += step) yield return x;
    }

    private static void AssertClose(double expected, float actual, double relative, double absolute, string what)
    {
        double error = Math.Abs(actual - expected);
        Assert.True(error <= absolute || error <= relative * Math.Abs(expected), $"{what}: {actual} vs {expected} (error {error:g3})");
    }

    [Fact]
    public void SinCos_AreAccurate_OverManyTurns()
    {
        foreach (float x in Grid(-300f, 300f, 0.0173f))
        {
            LaneMath.SinCos(new FloatLane(x), out var s, out var c);
            AssertClose(Math.Sin(x), s.Value, 0, 3e-7, $"sin({x})");
            AssertClose(Math.Cos(x), c.Value, 0, 3e-7, $"cos({x})");
        }
    }

    [Fact]
    public void SinPiCosPi_AreAccurate_AndExactAtHalfIntegers()
    {
        foreach (float x in Grid(-50f, 50f, 0.00731f))
        {
            AssertClose(Math.Sin(Math.PI * x), LaneMath.SinPi(new FloatLane(x)).Value, 0, 2.5e-7, $"sinpi({x})");
            AssertClose(Math.Cos(Math.PI * x), LaneMath.CosPi(new FloatLane(x)).Value, 0, 2.5e-7, $"cospi({x})");
        }
        Assert.Equal(1f, LaneMath.SinPi(new FloatLane(0.5f)).Value);
        Assert.Equal(-1f, LaneMath.CosPi(new FloatLane(3f)).Value);
        Assert.Equal(0f, MathF.Abs(LaneMath.SinPi(new FloatLane(7f)).Value));
    }

    [Fact]
    public void Exp_IsAccurate_AndSaturates()
    {
        foreach (float x in Grid(-86f, 88.5f, 0.0291f))
            AssertClose(Math.Exp(x), LaneMath.Exp(new FloatLane(x)).Value, 4e-7, 0, $"exp({x})");
        Assert.Equal(float.PositiveInfinity, LaneMath.Exp(new FloatLane(100f)).Value);
        Assert.Equal(0f, LaneMath.Exp(new FloatLane(-100f)).Value);
        Assert.Equal(1f, LaneMath.Exp(new FloatLane(0f)).Value);
    }

    [Fact]
    public void Log_IsWithinTwoUlps_OverTheWholeNormalRange()
    {
        var random = new Random(5);
        var xs = Enumerable.Range(0, 20000).Select(_ => MathF.ScaleB(1f + (float)random.NextDouble(), random.Next(-126, 128)))
            .Concat(Grid(0.5f, 12f, 0.000731f))
            .Concat(new[] { float.Epsilon * (1 << 23), 1f, 2f, 10f, MathF.Sqrt(2f), float.MaxValue, 1f - 1e-7f, 1f + 1e-7f });
        foreach (float x in xs)
            Assert.True(Ulps.FromExact(LaneMath.Log(new FloatLane(x)).Value, Math.Log(x)) <= 2 || Math.Abs(Math.Log(x)) < 1e-6,
                $"log({x:R}) = {LaneMath.Log(new FloatLane(x)).Value:R}, exact {Math.Log(x):R}");
        Assert.Equal(0f, LaneMath.Log(new FloatLane(1f)).Value);
        Assert.True(float.IsNaN(LaneMath.Log(new FloatLane(float.NaN)).Value));
    }

    [Fact]
    public void Tanh_IsAccurate_AndOdd()
    {
        foreach (float x in Grid(-12f, 12f, 0.00377f))
        {
            AssertClose(Math.Tanh(x), LaneMath.Tanh(new FloatLane(x)).Value, 4e-7, 1e-9, $"tanh({x})");
            Assert.Equal(-LaneMath.Tanh(new FloatLane(x)).Value, LaneMath.Tanh(new FloatLane(-x)).Value);
        }
        Assert.Equal(1f, LaneMath.Tanh(new FloatLane(50f)).Value);
    }

    [Fact]
    public void Logistic_IsAccurate_AtBothTails()
    {
        foreach (float x in Grid(-95f, 95f, 0.0113f))
            AssertClose(1 / (1 + Math.Exp(-x)), LaneMath.Logistic(new FloatLane(x)).Value, 5e-7, 2e-38, $"logistic({x})");
        Assert.Equal(1f, LaneMath.Logistic(new FloatLane(200f)).Value);
        Assert.Equal(0.5f, LaneMath.Logistic(new FloatLane(0f)).Value);
        Assert.True(LaneMath.Logistic(new FloatLane(-200f)).Value < 2e-38f);
    }

    [Fact]
    public void ExpOfNonPositive_MatchesExp()
    {
        foreach (float x in Grid(-100f, 0f, 0.0177f))
            Assert.Equal(LaneMath.Exp(new FloatLane(x)).Value, LaneMath.ExpOfNonPositive(new FloatLane(x)).Value);
        Assert.Equal(1f, LaneMath.ExpOfNonPositive(new FloatLane(0f)).Value);
    }

    [Fact]
    public void NaN_StaysNaN()
    {
        var nan = new FloatLane(float.NaN);
        Assert.True(float.IsNaN(LaneMath.Exp(nan).Value));
        Assert.True(float.IsNaN(LaneMath.Tanh(nan).Value));
        Assert.True(float.IsNaN(LaneMath.SinPi(nan).Value));
        Assert.True(float.IsNaN(LaneMath.CosPi(nan).Value));
        Assert.True(float.IsNaN(LaneMath.Logistic(nan).Value));
        Assert.True(float.IsNaN(LaneMath.ExpOfNonPositive(nan).Value));
        Assert.True(float.IsNaN(LaneMath.Cos(nan).Value));
        Assert.True(float.IsNaN(LaneMath.Clamp(nan, -1f, 1f).Value));
    }
}
