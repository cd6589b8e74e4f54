namespace Wann.Pins.Pins;

/// <summary>
/// The 10,000 fixed floats the function pins run over: signed zeros, NaN, infinities, the largest and smallest
/// normals and subnormals, the formulas' boundaries and their float neighbours, integers and half-integers,
/// then pseudo-random values (any bit pattern, [-8, 8], [-100, 100], magnitudes 1e-8 to 1e8) from
/// <see cref="PinRandom"/>.
/// </summary>
public static class PinInputs
{
    public const int Count = 10_000;

    public static IReadOnlyList<float> Values { get; } = Build();

    private static float[] Build()
    {
        var values = new List<float>
        {
            0f, -0f, float.NaN, float.PositiveInfinity, float.NegativeInfinity, float.MaxValue, -float.MaxValue,
            float.Epsilon, -float.Epsilon, BitConverter.Int32BitsToSingle(0x007FFFFF), -BitConverter.Int32BitsToSingle(0x007FFFFF),
            BitConverter.Int32BitsToSingle(0x00800000), -BitConverter.Int32BitsToSingle(0x00800000),
        };
        // Where the formulas switch branch or saturate (LaneMath's cut-offs, the step and relu at 0), where sin
        // and cos are exact, and where float integers end; each with its neighbours on both sides.
        float[] boundaries =
        {
            1f / 6f, 0.25f, 1f / 3f, 0.5f, 0.625f, 0.75f, 1f, 1.5f, 2f, 2.4f, 3f, 4f, 10f, 12.5f, 20f, 40f,
            86.5f, 87f, 88.72f, 100f, 126f, 127f, 128f, 1e4f, 8388608f, 16777216f,
            MathF.PI / 4, MathF.PI / 2, MathF.PI, 2 * MathF.PI, MathF.Log(2) / 2, 1e-4f, 1e-20f, 1e30f,
        };
        foreach (float b in boundaries)
            foreach (float s in new[] { b, -b })
                values.AddRange(new[] { s, MathF.BitDecrement(s), MathF.BitIncrement(s) });
        for (int i = -64; i <= 64; i++) values.Add(i);
        for (int i = -33; i <= 32; i++) values.Add(i + 0.5f);

        var random = new PinRandom(0x5EED_2026_0028);
        int anyBits = 2000 + values.Count;
        while (values.Count < anyBits) values.Add(BitConverter.Int32BitsToSingle((int)(random.Next() >> 32)));
        while (values.Count < Count)
        {
            double u = random.NextDouble();
            values.Add((values.Count % 4) switch
            {
                0 or 1 => (float)(16 * u - 8),
                2 => (float)(200 * u - 100),
                _ => (random.Next(2) == 0 ? 1f : -1f) * (float)Math.Pow(10, 16 * u - 8),
            });
        }
        return values.ToArray();
    }
}
