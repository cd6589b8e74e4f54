using Wann.Engine.Genomes;

namespace Wann.Engine.Formats;

/// <summary>
/// What a checkpoint must hold for a search to continue from it, checked as strictly as a config: its
/// checksum has no key, so anyone who edits a checkpoint can sign it again, and only its contents say
/// whether it can be. The population is popSize genomes of one shape; the generation lies within maxGen;
/// the id counters are above every id in use and within what the generations run could have taken (a
/// child takes at most one node id and two innovations); the best network is of the population's shape,
/// from a past generation, with a fitness that is a number (minus infinity when all its lanes failed);
/// genomes grow by at most one node and two connections a generation.
/// </summary>
public static class CheckpointContents
{
    /// <summary>Throws a <see cref="WannException"/> naming <paramref name="where"/> and the first problem.</summary>
    public static void Validate(Checkpoint checkpoint, string where)
    {
        var settings = checkpoint.Settings;
        var state = checkpoint.State;
        long generation = state.Generation;
        void Require(bool ok, string problem)
        {
            if (!ok) throw new WannException($"{where}: {problem}");
        }

        Require(generation >= 0 && generation <= settings.MaxGenerations, $"generation {generation} is outside 0..maxGen {settings.MaxGenerations}");
        Require(state.Population.Count == settings.PopulationSize, $"the population holds {state.Population.Count} genomes, but popSize is {settings.PopulationSize}");
        var shape = state.Population[0].Shape;
        long firstNodeId = 1L + shape.Inputs + shape.Outputs, firstInnovation = (shape.Inputs + 1L) * shape.Outputs;
        long maxNodes = firstNodeId + generation, maxConnections = firstInnovation + 2 * generation;
        long maxNodeId = -1, maxInnovation = -1;
        void Check(Genome genome, string what)
        {
            Require(genome.Shape == shape, $"{what} is {genome.Shape}, genome 0 is {shape}");
            Require(genome.Nodes.Count <= maxNodes, $"{what} has {genome.Nodes.Count} nodes, more than {maxNodes} after {generation} generations");
            Require(genome.Connections.Count <= maxConnections, $"{what} has {genome.Connections.Count} connections, more than {maxConnections} after {generation} generations");
            foreach (var node in genome.Nodes)
            {
                Require(node.Id >= 0, $"{what} has node id {node.Id}");
                maxNodeId = Math.Max(maxNodeId, node.Id);
            }
            foreach (var connection in genome.Connections)
            {
                Require(connection.Innovation >= 0, $"{what} has innovation {connection.Innovation}");
                maxInnovation = Math.Max(maxInnovation, connection.Innovation);
            }
        }
        for (int g = 0; g < state.Population.Count; g++) Check(state.Population[g], $"genome {g}");
        if (state.Best is { } best)
        {
            Check(best.Genome, "the best network");
            Require(!double.IsNaN(best.Fitness) && best.Fitness != double.PositiveInfinity, $"best fitness {best.Fitness} is not a fitness");
            Require(best.Generation >= 0 && best.Generation < generation, $"the best network's generation {best.Generation} is not one of the {generation} run");
        }

        // A child takes at most one node id and two innovations, so after G generations of popSize children
        // the counters are at most these; anything above was not made by a search (and could overflow).
        long children = (long)settings.PopulationSize * generation;
        long nextNode = state.Counter.NextNodeId, nextInnovation = state.Counter.NextInnovation;
        Require(nextNode > maxNodeId && nextNode >= firstNodeId && nextNode <= firstNodeId + children,
            $"next node id {nextNode} is outside {Math.Max(maxNodeId + 1, firstNodeId)}..{firstNodeId + children} (ids in use up to {maxNodeId}, {generation} generations of {settings.PopulationSize})");
        Require(nextInnovation > maxInnovation && nextInnovation >= firstInnovation && nextInnovation <= firstInnovation + 2 * children,
            $"next innovation {nextInnovation} is outside {Math.Max(maxInnovation + 1, firstInnovation)}..{firstInnovation + 2 * children} (innovations in use up to {maxInnovation}, {generation} generations of {settings.PopulationSize})");
    }

    /// <summary>Throws when the checkpoint's networks do not fit its task (<paramref name="taskShape"/>, of task <paramref name="taskName"/>).</summary>
    public static void ValidateShape(Checkpoint checkpoint, NetworkShape taskShape, string taskName, string where)
    {
        var shape = checkpoint.State.Population[0].Shape;
        if (shape != taskShape) throw new WannException($"{where}: the genomes are {shape} but task '{taskName}' needs {taskShape}");
        if (checkpoint.State.Best is { } best && best.Genome.Shape != taskShape)
            throw new WannException($"{where}: the best network is {best.Genome.Shape} but task '{taskName}' needs {taskShape}");
    }
}
