using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Wann.Engine.Activations;
using Wann.Engine.Evaluation;
using Wann.Engine.Programs;
using Wann.Kernels.Tasks;

namespace Wann.Kernels.Cpu;

/// <summary>
/// The CPU backend: interprets a <see cref="ProgramBatch"/> with the lanes of one genome (its weights x
/// repetitions) packed into SIMD vectors, so one decode of an instruction serves all of them; genomes are
/// spread over the cores. Network forward and task physics both run on the vectors.
/// </summary>
public sealed class SimdEvaluator : IEvaluator, IForwardEvaluator
{
    private readonly int _threads;

    public SimdEvaluator(int? threads = null) => _threads = Math.Max(1, threads ?? Environment.ProcessorCount);

    public string Name => "cpu";
    public string Device => $"CPU SIMD, {VectorLane.Count} lanes per vector{(Vector.IsHardwareAccelerated ? "" : " (not hardware accelerated)")}, {_threads} threads";

    public FitnessTable Evaluate(ProgramBatch batch, EvaluationRequest request) =>
        RolloutTasks.Dispatch(request.Task, new Run(batch, request, _threads));

    public void Dispose() { }

    /// <summary>Most vectors of lanes one work item runs: large enough to amortise decoding, small enough to share one network's many episodes among cores.</summary>
    private const int MaxBlocksPerItem = 4;

    /// <summary>Per-evaluation constants shared by every genome: lane weights, start states and padding.</summary>
    private sealed class LaneLayout
    {
        public readonly int Lanes, Blocks;
        public readonly VectorLane[] Weight, InitiallyAlive;
        public readonly TaskStart<VectorLane>[] Start;

        public LaneLayout(EvaluationRequest request, EpisodeStarts starts)
        {
            int width = VectorLane.Count, reps = request.Repetitions;
            Lanes = request.LanesPerGenome;
            Blocks = (Lanes + width - 1) / width;
            Weight = new VectorLane[Blocks];
            InitiallyAlive = new VectorLane[Blocks];
            Start = new TaskStart<VectorLane>[Blocks];
            var buffer = new float[width];
            for (int b = 0; b < Blocks; b++)
            {
                // Lane l = weight index * reps + repetition, the fitness table's order; padding lanes are dead.
                Fill(buffer, b, l => l < Lanes ? request.Weights[l / reps] : 0f);
                Weight[b] = VectorLane.Load(buffer);
                Fill(buffer, b, l => l < Lanes ? 1f : 0f);
                InitiallyAlive[b] = VectorLane.Load(buffer);
                for (int c = 0; c < starts.Components; c++)
                {
                    Fill(buffer, b, l => l < Lanes ? starts[c, l % reps] : 0f);
                    Start[b].Set(c, VectorLane.Load(buffer));
                }
            }
        }

        private static void Fill(float[] buffer, int block, Func<int, float> laneValue)
        {
            for (int i = 0; i < buffer.Length; i++) buffer[i] = laneValue(block * buffer.Length + i);
        }
    }

    /// <summary>Reusable per-thread buffers, sized for the largest program of the batch.</summary>
    private sealed class Scratch(int maxNodes, int blocks)
    {
        public readonly VectorLane[] Values = new VectorLane[maxNodes * blocks];
        public readonly VectorLane[] Reward = new VectorLane[blocks];
        public readonly VectorLane[] Steps = new VectorLane[blocks];
        public readonly VectorLane[] Alive = new VectorLane[blocks];
        public readonly TaskState<VectorLane>[] States = new TaskState<VectorLane>[blocks];
        public readonly float[] LaneBuffer = new float[blocks * VectorLane.Count];
        public long StepCount;
    }

    private sealed class Run(ProgramBatch batch, EvaluationRequest request, int threads) : IRolloutTaskVisitor<FitnessTable>
    {
        public FitnessTable Visit<TTask>(TTask task) where TTask : struct, IRolloutTask
        {
            var layout = new LaneLayout(request, EpisodeStarts.Compute(task, request));
            var table = new FitnessTable(batch.ProgramCount, request.Weights.Length, request.Repetitions);
            // Work item = one genome's lanes, or a chunk of them when a genome has many (eval of one network).
            int chunks = (layout.Blocks + MaxBlocksPerItem - 1) / MaxBlocksPerItem;
            long steps = 0;
            Parallel.For(0, batch.ProgramCount * chunks, new ParallelOptions { MaxDegreeOfParallelism = threads },
                () => new Scratch(batch.MaxNodeCount, Math.Min(layout.Blocks, MaxBlocksPerItem)),
                (item, _, scratch) =>
                {
                    int g = item / chunks, firstBlock = item % chunks * MaxBlocksPerItem;
                    int blockCount = Math.Min(MaxBlocksPerItem, layout.Blocks - firstBlock);
                    RunLanes(task, batch, g, firstBlock, blockCount, request.Task.EpisodeLength, layout, scratch);
                    int firstLane = firstBlock * VectorLane.Count;
                    int laneCount = Math.Min(blockCount * VectorLane.Count, layout.Lanes - firstLane);
                    scratch.LaneBuffer.AsSpan(0, laneCount).CopyTo(table.Rewards.AsSpan(g * layout.Lanes + firstLane, laneCount));
                    return scratch;
                },
                scratch => Interlocked.Add(ref steps, scratch.StepCount));
            table.StepCount = steps;
            return table;
        }
    }

    /// <summary>
    /// Lane vectors [firstBlock, firstBlock + blocks) of genome <paramref name="g"/> for a whole episode;
    /// their rewards land in scratch.LaneBuffer.
    /// </summary>
    private static void RunLanes<TTask>(TTask task, ProgramBatch batch, int g, int firstBlock, int blocks, int episodeLength, LaneLayout layout, Scratch scratch)
        where TTask : struct, IRolloutTask
    {
        int nIn = batch.InputCount, nOut = batch.OutputCount;
        int firstInstruction = batch.InstructionStart[g], instructionEnd = batch.InstructionStart[g + 1];
        var values = scratch.Values.AsSpan();
        var reward = scratch.Reward.AsSpan();
        var steps = scratch.Steps.AsSpan();
        var alive = scratch.Alive.AsSpan();
        var states = scratch.States.AsSpan();
        var weight = layout.Weight.AsSpan(firstBlock, blocks);
        var outputSlot = batch.OutputSlot.AsSpan(g * nOut, nOut);
        var zero = VectorLane.From(0f);
        var one = VectorLane.From(1f);

        for (int b = 0; b < blocks; b++)
        {
            states[b] = default;
            task.Reset(ref states[b], layout.Start[firstBlock + b]);
            alive[b] = layout.InitiallyAlive[firstBlock + b];
            reward[b] = zero;
            steps[b] = zero;
            values[b] = one; // bias slot
        }

        var outputs = new TaskOutputs<VectorLane>();
        for (int t = 0; t < episodeLength; t++)
        {
            for (int k = 0; k < nIn; k++)
            {
                var inputs = values.Slice((1 + k) * blocks, blocks);
                for (int b = 0; b < blocks; b++) inputs[b] = task.Observation(states[b], k);
            }

            ForwardBlocks(batch, firstInstruction, instructionEnd, blocks, values, weight);

            bool anyAlive = false;
            for (int b = 0; b < blocks; b++)
            {
                for (int o = 0; o < nOut && o < TaskOutputs<VectorLane>.Capacity; o++) outputs.Set(o, values[outputSlot[o] * blocks + b]);
                var r = task.Step(ref states[b], outputs, out var done);
                reward[b] += VectorLane.IfPositive(alive[b], r, zero);
                steps[b] += alive[b];
                alive[b] = VectorLane.IfPositive(done, zero, alive[b]);
                anyAlive |= alive[b].AnyNonZero();
            }
            if (!anyAlive) break;
        }

        var laneBuffer = scratch.LaneBuffer.AsSpan();
        int width = VectorLane.Count;
        for (int b = 0; b < blocks; b++) steps[b].Store(laneBuffer.Slice(b * width, width));
        for (int l = 0; l < blocks * width; l++) scratch.StepCount += (long)laneBuffer[l]; // padding lanes never step
        for (int b = 0; b < blocks; b++) reward[b].Store(laneBuffer.Slice(b * width, width));
    }

    /// <summary>
    /// One forward pass of program instructions [firstInstruction, instructionEnd) over lane vectors laid out
    /// [slot x blocks + block], bias and inputs already in place. Same operations in the same order as the
    /// reference interpreter (sum += scale * value, then the activation of weight * sum).
    /// </summary>
    private static void ForwardBlocks(ProgramBatch batch, int firstInstruction, int instructionEnd, int blocks, Span<VectorLane> values, ReadOnlySpan<VectorLane> weight)
    {
        var activation = batch.Activation;
        var firstEdge = batch.FirstEdge;
        var edgeCount = batch.EdgeCount;
        var edgeSource = batch.EdgeSource;
        var edgeScale = batch.EdgeScale;
        int slot = 1 + batch.InputCount;
        ref VectorLane valueBase = ref MemoryMarshal.GetReference(values);
        for (int i = firstInstruction; i < instructionEnd; i++, slot++)
        {
            // The node's own slot accumulates its sum: a feed-forward node never reads itself.
            var destination = values.Slice(slot * blocks, blocks);
            destination.Clear();
            ref VectorLane sum = ref MemoryMarshal.GetReference(destination);
            int end = firstEdge[i] + edgeCount[i];
            for (int e = firstEdge[i]; e < end; e++)
            {
                // Compiled programs only point at earlier slots of the same program, so these stay in range.
                ref VectorLane source = ref Unsafe.Add(ref valueBase, edgeSource[e] * blocks);
                float scale = edgeScale[e];
                if (scale == 1f)
                {
                    // WANN mode: every scale is 1 and 1 * value is exact, so the multiply is skipped.
                    for (int b = 0; b < blocks; b++) Unsafe.Add(ref sum, b) += Unsafe.Add(ref source, b);
                }
                else
                {
                    var scaleLanes = VectorLane.From(scale);
                    for (int b = 0; b < blocks; b++) Unsafe.Add(ref sum, b) += scaleLanes * Unsafe.Add(ref source, b);
                }
            }
            for (int b = 0; b < blocks; b++) destination[b] = weight[b] * destination[b];
            Activation.ApplyInPlace(activation[i], destination);
        }
    }

    /// <summary>Forward passes of every genome at every weight on every input vector (lanes = weights x vectors).</summary>
    public float[] Forward(ProgramBatch batch, float[] weights, float[] inputs)
    {
        int nIn = batch.InputCount, nOut = batch.OutputCount, width = VectorLane.Count;
        int vectors = inputs.Length / nIn;
        int lanes = weights.Length * vectors;
        int blocks = (lanes + width - 1) / width;
        var laneWeight = new VectorLane[blocks];
        var laneInput = new VectorLane[blocks * nIn];
        var buffer = new float[width];
        for (int b = 0; b < blocks; b++)
        {
            for (int i = 0; i < width; i++) buffer[i] = b * width + i < lanes ? weights[(b * width + i) / vectors] : 0f;
            laneWeight[b] = VectorLane.Load(buffer);
            for (int k = 0; k < nIn; k++)
            {
                for (int i = 0; i < width; i++) buffer[i] = b * width + i < lanes ? inputs[(b * width + i) % vectors * nIn + k] : 0f;
                laneInput[k * blocks + b] = VectorLane.Load(buffer);
            }
        }

        var outputs = new float[batch.ProgramCount * lanes * nOut];
        Parallel.For(0, batch.ProgramCount, new ParallelOptions { MaxDegreeOfParallelism = _threads },
            () => (Values: new VectorLane[batch.MaxNodeCount * blocks], Lanes: new float[blocks * width]),
            (g, _, scratch) =>
            {
                var values = scratch.Values.AsSpan();
                for (int b = 0; b < blocks; b++) values[b] = VectorLane.From(1f);
                laneInput.AsSpan().CopyTo(values.Slice(blocks));
                ForwardBlocks(batch, batch.InstructionStart[g], batch.InstructionStart[g + 1], blocks, values, laneWeight);
                for (int o = 0; o < nOut; o++)
                {
                    int slot = batch.OutputSlot[g * nOut + o];
                    for (int b = 0; b < blocks; b++) values[slot * blocks + b].Store(scratch.Lanes.AsSpan(b * width, width));
                    for (int l = 0; l < lanes; l++) outputs[(g * lanes + l) * nOut + o] = scratch.Lanes[l];
                }
                return scratch;
            },
            _ => { });
        return outputs;
    }
}
