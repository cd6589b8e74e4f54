namespace Wann.Engine.Tests;

/// <summary>Float results measured in units in the last place against an exact (double) reference.</summary>
public static class Ulps
{
    /// <summary>
    /// How many floats lie between <paramref name="actual"/> and the correctly rounded <paramref name="exact"/>
    /// (0: correctly rounded; +0 and -0 are one apart). NaN is 0 from NaN and infinitely far from any number.
    /// </summary>
    public static long FromExact(float actual, double exact)
    {
        float rounded = (float)exact;
        if (float.IsNaN(actual) || float.IsNaN(rounded)) return float.IsNaN(actual) && float.IsNaN(rounded) ? 0 : long.MaxValue;
        return Math.Abs(Ordered(actual) - Ordered(rounded));
    }

    // The floats in order as integers: positive floats by their bits, negative ones mirrored below -0.
    private static long Ordered(float x)
    {
        int bits = BitConverter.SingleToInt32Bits(x);
        return bits >= 0 ? bits : -(long)(bits & int.MaxValue) - 1;
    }
}
