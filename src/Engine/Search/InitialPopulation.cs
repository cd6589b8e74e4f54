using Wann.Engine.Activations;
using Wann.Engine.Genomes;
using Wann.Engine.Randomness;

namespace Wann.Engine.Search;

/// <summary>
/// The first generation: bias, inputs and outputs (all linear), and every bias/input -> output
/// connection with weight 1, each enabled with probability prob_initEnable.
/// </summary>
public static class InitialPopulation
{
    /// <param name="expression">Expression rule of every genome (default: the original's); descendants inherit it.</param>
    public static (List<Genome> Population, InnovationCounter Counter) Create(NetworkShape shape, int size, double probEnable, SeededRandom random,
        ConnectionExpression? expression = null)
    {
        int sources = shape.Inputs + 1;
        var population = new List<Genome>(size);
        for (int p = 0; p < size; p++)
        {
            var nodes = new List<NodeGene>(1 + shape.Inputs + shape.Outputs)
            {
                new(0, NodeKind.Bias, ActivationFunction.Linear),
            };
            for (int i = 1; i <= shape.Inputs; i++) nodes.Add(new NodeGene(i, NodeKind.Input, ActivationFunction.Linear));
            for (int o = 0; o < shape.Outputs; o++) nodes.Add(new NodeGene(sources + o, NodeKind.Output, ActivationFunction.Linear));

            var connections = new List<ConnectionGene>(sources * shape.Outputs);
            for (int o = 0; o < shape.Outputs; o++)
                for (int s = 0; s < sources; s++)
                    connections.Add(new ConnectionGene(o * sources + s, s, sources + o, random.NextDouble() < probEnable, 1f));
            population.Add(new Genome(shape, nodes, connections, expression));
        }
        return (population, new InnovationCounter(sources + shape.Outputs, (long)sources * shape.Outputs));
    }
}
