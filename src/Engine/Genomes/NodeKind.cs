namespace Wann.Engine.Genomes;

public enum NodeKind : byte
{
    Bias = 0,
    Input = 1,
    Output = 2,
    Hidden = 3,
}
