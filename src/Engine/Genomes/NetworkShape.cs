namespace Wann.Engine.Genomes;

/// <summary>Input and output counts of a network (the bias is not an input).</summary>
public readonly record struct NetworkShape(int Inputs, int Outputs)
{
    public override string ToString() => $"{Inputs}x{Outputs}";

    /// <summary>Parses "24x4" as 24 inputs and 4 outputs.</summary>
    public static NetworkShape Parse(string text, string what)
    {
        var parts = text.Split('x', 'X');
        if (parts.Length != 2 || !int.TryParse(parts[0], out int nIn) || !int.TryParse(parts[1], out int nOut) || nIn < 1 || nOut < 1)
            throw new WannException($"{what}: '{text}' is not INPUTSxOUTPUTS with both counts at least 1 (e.g. 24x4)");
        return new NetworkShape(nIn, nOut);
    }
}
