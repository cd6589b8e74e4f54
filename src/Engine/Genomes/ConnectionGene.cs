namespace Wann.Engine.Genomes;

/// <summary>
/// A connection of a genome. <see cref="Weight"/> is 1 for pure WANNs; imported or tuned networks keep
/// their own values, used only when a network is evaluated with stored weights.
/// </summary>
public readonly record struct ConnectionGene(long Innovation, int Source, int Destination, bool Enabled, float Weight)
{
    public ConnectionGene WithEnabled(bool enabled) => this with { Enabled = enabled };
}
