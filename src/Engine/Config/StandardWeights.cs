namespace Wann.Engine.Config;

/// <summary>The paper's six shared weights, at which every network is judged unless a configuration says otherwise.</summary>
public static class StandardWeights
{
    private static readonly float[] Values = { -2f, -1f, -0.5f, 0.5f, 1f, 2f };

    /// <summary>A fresh copy (callers may keep or change it).</summary>
    public static float[] Copy() => (float[])Values.Clone();

    public static int Count => Values.Length;
}
