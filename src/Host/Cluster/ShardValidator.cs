using Wann.Engine.Activations;
using Wann.Engine.Evaluation;
using Wann.Engine.Programs;
using Wann.Engine.Tasks;
using Wann.Kernels.Tasks;

namespace Wann.Host.Cluster;

/// <summary>
/// Checks a shard as it arrives and turns it into a batch and a request: the protocol version, a known
/// rollout task of the shard's shape, array sizes, every offset and slot inside its program, known
/// activations, finite weights. A shard that fails is refused with one line saying what is wrong.
/// </summary>
public static class ShardValidator
{
    private const int MaxEpisodeLength = 1_000_000;

    /// <param name="speaks">The protocol version of the worker checking it.</param>
    public static (ProgramBatch Batch, EvaluationRequest Request) Check(ShardRequest shard, int speaks = ClusterProtocol.Version)
    {
        if (shard is null) Refuse("empty message");
        if (shard.ProtocolVersion != speaks)
            Refuse($"protocol version {shard.ProtocolVersion}, this worker speaks {speaks} (run the same wann version on host and workers)");
        var known = TaskRegistry.Find(shard.Task ?? "");
        if (known is null || known.Kind != TaskKind.Rollout || !known.CanRun)
            Refuse($"task '{shard.Task}' is not a rollout task this worker runs");
        if (shard.EpisodeLength is < 1 or > MaxEpisodeLength) Refuse($"episode length {shard.EpisodeLength} is outside 1..{MaxEpisodeLength}");
        if (shard.InputCount != known.Shape.Inputs || shard.OutputCount != known.Shape.Outputs)
            Refuse($"programs of {shard.InputCount} inputs and {shard.OutputCount} outputs do not fit task {known.Name}");
        var weights = shard.Weights ?? Array.Empty<float>();
        if (weights.Length == 0 || !Array.TrueForAll(weights, float.IsFinite)) Refuse("weights: expected at least one, all finite");
        if (shard.Repetitions < 1) Refuse($"repetitions {shard.Repetitions}: expected at least 1");
        if (shard.FirstGenome < 0) Refuse($"first genome {shard.FirstGenome} is negative");

        // Orleans may deliver null for an array field a sender left out: count it as empty, and so wrong.
        var start = shard.InstructionStart ?? Array.Empty<int>();
        var activations = shard.Activation ?? Array.Empty<int>();
        var firstEdge = shard.FirstEdge ?? Array.Empty<int>();
        var edgeCount = shard.EdgeCount ?? Array.Empty<int>();
        var edgeSource = shard.EdgeSource ?? Array.Empty<int>();
        var edgeScale = shard.EdgeScale ?? Array.Empty<float>();
        var outputSlot = shard.OutputSlot ?? Array.Empty<int>();
        int programs = start.Length - 1;
        if (programs < 1) Refuse("no programs");
        if ((long)programs * weights.Length * shard.Repetitions > ClusterProtocol.MaxLanes) Refuse("more lanes than one shard may hold");
        int instructions = activations.Length, edges = edgeSource.Length;
        if (firstEdge.Length != instructions || edgeCount.Length != instructions) Refuse("activation, first-edge and edge-count arrays differ in length");
        if (edgeScale.Length != edges) Refuse("edge source and edge scale arrays differ in length");
        if (outputSlot.Length != (long)programs * shard.OutputCount) Refuse("output slot array has the wrong length");
        if (start[0] != 0 || start[programs] != instructions) Refuse("instruction offsets do not span the instructions");

        int expectedEdge = 0, maxNodes = 0;
        for (int g = 0; g < programs; g++)
        {
            if (start[g + 1] < start[g]) Refuse($"program {g}: instruction offsets go backwards");
            int inputsEnd = 1 + shard.InputCount;
            int nodes = inputsEnd + start[g + 1] - start[g];
            maxNodes = Math.Max(maxNodes, nodes);
            for (int i = start[g]; i < start[g + 1]; i++)
            {
                int slot = inputsEnd + i - start[g];
                int activation = activations[i];
                if (activation is < 1 or > 255 || !Enum.IsDefined((ActivationFunction)activation))
                    Refuse($"program {g}: unknown activation {activation}");
                // Edges are laid out back to back, in instruction order: anything else would read another program's edges.
                if (firstEdge[i] != expectedEdge || edgeCount[i] < 0 || edgeCount[i] > edges - expectedEdge)
                    Refuse($"program {g}: edge range of instruction {i - start[g]} is not where it belongs");
                for (int e = expectedEdge; e < expectedEdge + edgeCount[i]; e++)
                    if (edgeSource[e] < 0 || edgeSource[e] >= slot)
                        Refuse($"program {g}: instruction {i - start[g]} reads slot {edgeSource[e]}, outside 0..{slot - 1}");
                expectedEdge += edgeCount[i];
            }
            for (int o = 0; o < shard.OutputCount; o++)
                if (outputSlot[g * shard.OutputCount + o] is var s && (s < 0 || s >= nodes))
                    Refuse($"program {g}: output {o} reads slot {s}, outside 0..{nodes - 1}");
        }
        if (expectedEdge != edges) Refuse("edges left over after the last instruction");

        var batch = new ProgramBatch
        {
            InputCount = shard.InputCount,
            OutputCount = shard.OutputCount,
            InstructionStart = start,
            Activation = activations,
            FirstEdge = firstEdge,
            EdgeCount = edgeCount,
            EdgeSource = edgeSource,
            EdgeScale = edgeScale,
            OutputSlot = outputSlot,
            MaxNodeCount = maxNodes,
        };
        var task = known with { EpisodeLength = shard.EpisodeLength };
        return (batch, new EvaluationRequest(task, weights, shard.Repetitions, shard.Seed, shard.Generation));
    }

    /// <summary>The shard of programs <c>[first, first + count)</c> of a batch, for a request.</summary>
    public static ShardRequest From(ProgramBatch batch, int first, int count, EvaluationRequest request)
    {
        var slice = batch.Slice(first, count);
        return new ShardRequest
        {
            Task = request.Task.Name,
            EpisodeLength = request.Task.EpisodeLength,
            Weights = request.Weights,
            Repetitions = request.Repetitions,
            Seed = request.Seed,
            Generation = request.Generation,
            FirstGenome = first,
            InputCount = slice.InputCount,
            OutputCount = slice.OutputCount,
            InstructionStart = slice.InstructionStart,
            Activation = slice.Activation,
            FirstEdge = slice.FirstEdge,
            EdgeCount = slice.EdgeCount,
            EdgeSource = slice.EdgeSource,
            EdgeScale = slice.EdgeScale,
            OutputSlot = slice.OutputSlot,
        };
    }

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private static void Refuse(string problem) => throw new ShardRefusedException($"shard refused: {problem}");
}
