using Wann.Engine.Activations;
using Wann.Engine.Genomes;

namespace Wann.Pins.Pins;

/// <summary>
/// The fixed synthetic networks of the task pins, built from their own generator (<see cref="PinRandom"/>) rather than by the
/// search's mutation operators, so a change to mutation moves the search pin and not every task pin. Genome g
/// has 2 + 2 (g mod 5) hidden nodes wired feed-forward (1 to 3 inputs each, some connections disabled, so both
/// expression rules matter), 1 to 4 inputs per output, activations cycling through every id, and a stored weight
/// on every connection from a fixed set (used only with stored weights).
/// </summary>
public static class PinPopulation
{
    private static readonly float[] StoredWeights = { -2f, -1.25f, -0.75f, -0.3f, 0.25f, 0.6f, 1f, 1.7f };

    /// <summary>Networks <paramref name="first"/> to <paramref name="first"/> + <paramref name="count"/> - 1 for <paramref name="shape"/>.</summary>
    public static List<Genome> Build(NetworkShape shape, int first, int count) =>
        Enumerable.Range(first, count).Select(g => Genome(shape, g)).ToList();

    private static Genome Genome(NetworkShape shape, int g)
    {
        var random = new PinRandom(0xC0FFEE_0000UL + (ulong)g);
        int Draw(int n) => random.Next(n);
        int ids = Enum.GetValues<ActivationFunction>().Length;
        ActivationFunction Cycle(int k) => (ActivationFunction)(k % ids + 1);

        int nIn = shape.Inputs, nOut = shape.Outputs, hidden = 2 + 2 * (g % 5);
        var nodes = new List<NodeGene> { new(0, NodeKind.Bias, ActivationFunction.Linear) };
        for (int i = 1; i <= nIn; i++) nodes.Add(new NodeGene(i, NodeKind.Input, ActivationFunction.Linear));
        for (int o = 0; o < nOut; o++) nodes.Add(new NodeGene(1 + nIn + o, NodeKind.Output, Cycle(g * nOut + o)));
        int firstHidden = 1 + nIn + nOut;
        for (int h = 0; h < hidden; h++) nodes.Add(new NodeGene(firstHidden + h, NodeKind.Hidden, Cycle(7 * g + h)));

        var connections = new List<ConnectionGene>();
        void Connect(int source, int destination)
        {
            if (connections.Any(c => c.Source == source && c.Destination == destination)) return;
            bool enabled = Draw(6) != 0;
            connections.Add(new ConnectionGene(connections.Count, source, destination, enabled, StoredWeights[Draw(StoredWeights.Length)]));
        }
        // A hidden node takes from the bias, the inputs and the hidden nodes before it; an output from any of those.
        int SourceBefore(int hiddenCount)
        {
            int k = Draw(1 + nIn + hiddenCount);
            return k <= nIn ? k : firstHidden + (k - nIn - 1);
        }
        for (int h = 0; h < hidden; h++)
            for (int e = 1 + Draw(3); e > 0; e--) Connect(SourceBefore(h), firstHidden + h);
        for (int o = 0; o < nOut; o++)
        {
            Connect(firstHidden + hidden - 1 - Draw(Math.Min(hidden, 2)), 1 + nIn + o);
            for (int e = Draw(4); e > 0; e--) Connect(SourceBefore(hidden), 1 + nIn + o);
        }
        var genome = new Genome(shape, nodes, connections);
        if (genome.Validate() is { } problem) throw new InvalidOperationException($"pin genome {g}: {problem}");
        return genome;
    }
}
