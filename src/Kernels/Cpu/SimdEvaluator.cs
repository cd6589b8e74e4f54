using System.Collections.Concurrent;
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
        public readonly AlignedLanes Values = new(maxNodes * blocks);
        public readonly VectorLane[] Reward = new VectorLane[blocks];
        public readonly VectorLane[] Steps = new VectorLane[blocks];
        public readonly VectorLane[] Alive = new VectorLane[blocks];
        public readonly TaskState<VectorLane>[] States = new TaskState<VectorLane>[blocks];
        public readonly VectorLane[] Weight = new VectorLane[blocks];
        /// <summary>Item-local lane index that each current lane position holds; -1 for padding.</summary>
        public readonly int[] Origin = new int[blocks * VectorLane.Count];
        /// <summary>Per-lane staging for repacking: 6 state slots, reward, steps, alive, weight.</summary>
        public readonly float[][] Staging = Enumerable.Range(0, 10).Select(_ => new float[blocks * VectorLane.Count]).ToArray();
        public readonly float[] StepBuffer = new float[blocks * VectorLane.Count];
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
        var values = scratch.Values.Span;
        var reward = scratch.Reward.AsSpan();
        var steps = scratch.Steps.AsSpan();
        var alive = scratch.Alive.AsSpan();
        var states = scratch.States.AsSpan();
        var weight = scratch.Weight.AsSpan();
        var origin = scratch.Origin.AsSpan();
        var outputSlot = batch.OutputSlot.AsSpan(g * nOut, nOut);
        var zero = VectorLane.From(0f);
        var one = VectorLane.From(1f);

        int width = VectorLane.Count;
        int lanesHere = Math.Min(blocks * width, layout.Lanes - firstBlock * width);
        for (int b = 0; b < blocks; b++)
        {
            states[b] = default;
            task.Reset(ref states[b], layout.Start[firstBlock + b]);
            alive[b] = layout.InitiallyAlive[firstBlock + b];
            weight[b] = layout.Weight[firstBlock + b];
            reward[b] = zero;
            steps[b] = zero;
        }
        for (int l = 0; l < blocks * width; l++) origin[l] = l < lanesHere ? l : -1;

        // Blocks [0, active) hold every lane still running. Whenever the running lanes fit in fewer
        // vectors, they are repacked (ended lanes hand in their results first), so a vector of lanes keeps
        // doing useful work even though episodes end at different times. Node values are rebuilt every
        // step, so only per-lane state moves, and the value layout uses the current count as its stride.
        int active = blocks;
        var outputs = new TaskOutputs<VectorLane>();
        for (int t = 0; t < episodeLength && active > 0; t++)
        {
            for (int b = 0; b < active; b++) values[b] = one; // bias slot
            for (int k = 0; k < nIn; k++)
            {
                var inputs = values.Slice((1 + k) * active, active);
                for (int b = 0; b < active; b++) inputs[b] = task.Observation(states[b], k);
            }

            ForwardPass.Run(batch, firstInstruction, instructionEnd, active, values, weight);

            int running = 0;
            for (int b = 0; b < active; b++)
            {
                for (int o = 0; o < nOut && o < TaskOutputs<VectorLane>.Capacity; o++) outputs.Set(o, values[outputSlot[o] * active + b]);
                var r = task.Step(ref states[b], outputs, out var done);
                reward[b] += VectorLane.IfPositive(alive[b], r, zero);
                steps[b] += alive[b];
                alive[b] = VectorLane.IfPositive(done, zero, alive[b]);
                running += alive[b].CountNonZero();
            }
            if ((running + width - 1) / width < active) active = Repack(scratch, active, running);
        }
        HandIn(scratch, active, onlyEnded: false);

        for (int l = 0; l < lanesHere; l++) scratch.StepCount += (long)scratch.StepBuffer[l];
    }

    /// <summary>Writes the reward and step count of lanes in blocks [0, active) to their original positions (only ended lanes, or all).</summary>
    private static void HandIn(Scratch scratch, int active, bool onlyEnded)
    {
        int width = VectorLane.Count;
        Span<float> reward = stackalloc float[width], steps = stackalloc float[width], alive = stackalloc float[width];
        for (int b = 0; b < active; b++)
        {
            scratch.Reward[b].Store(reward);
            scratch.Steps[b].Store(steps);
            scratch.Alive[b].Store(alive);
            for (int i = 0; i < width; i++)
            {
                int lane = scratch.Origin[b * width + i];
                if (lane < 0 || (onlyEnded && alive[i] != 0f)) continue;
                scratch.LaneBuffer[lane] = reward[i];
                scratch.StepBuffer[lane] = steps[i];
            }
        }
    }

    /// <summary>Moves the <paramref name="running"/> lanes still in an episode to the front vectors; returns the new vector count.</summary>
    private static int Repack(Scratch scratch, int active, int running)
    {
        HandIn(scratch, active, onlyEnded: true);
        int width = VectorLane.Count;
        var staging = scratch.Staging;
        for (int b = 0; b < active; b++)
        {
            ref var state = ref scratch.States[b];
            var at = new Range(b * width, (b + 1) * width);
            state.S0.Store(staging[0].AsSpan(at));
            state.S1.Store(staging[1].AsSpan(at));
            state.S2.Store(staging[2].AsSpan(at));
            state.S3.Store(staging[3].AsSpan(at));
            state.S4.Store(staging[4].AsSpan(at));
            state.S5.Store(staging[5].AsSpan(at));
            scratch.Reward[b].Store(staging[6].AsSpan(at));
            scratch.Steps[b].Store(staging[7].AsSpan(at));
            scratch.Alive[b].Store(staging[8].AsSpan(at));
            scratch.Weight[b].Store(staging[9].AsSpan(at));
        }
        // Stable compaction of running lanes, in place: a lane only ever moves to a lower position.
        int next = 0;
        for (int l = 0; l < active * width; l++)
        {
            if (scratch.Origin[l] < 0 || staging[8][l] == 0f) continue;
            for (int f = 0; f < staging.Length; f++) staging[f][next] = staging[f][l];
            scratch.Origin[next++] = scratch.Origin[l];
        }
        int packed = (running + width - 1) / width;
        for (int l = next; l < packed * width; l++)
        {
            for (int f = 0; f < staging.Length; f++) staging[f][l] = 0f;
            scratch.Origin[l] = -1;
        }
        for (int b = 0; b < packed; b++)
        {
            var at = new Range(b * width, (b + 1) * width);
            ref var state = ref scratch.States[b];
            state.S0 = VectorLane.Load(staging[0].AsSpan(at));
            state.S1 = VectorLane.Load(staging[1].AsSpan(at));
            state.S2 = VectorLane.Load(staging[2].AsSpan(at));
            state.S3 = VectorLane.Load(staging[3].AsSpan(at));
            state.S4 = VectorLane.Load(staging[4].AsSpan(at));
            state.S5 = VectorLane.Load(staging[5].AsSpan(at));
            scratch.Reward[b] = VectorLane.Load(staging[6].AsSpan(at));
            scratch.Steps[b] = VectorLane.Load(staging[7].AsSpan(at));
            scratch.Alive[b] = VectorLane.Load(staging[8].AsSpan(at));
            scratch.Weight[b] = VectorLane.Load(staging[9].AsSpan(at));
        }
        return packed;
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

        // Every element is written below, so the array need not be zeroed first.
        var outputs = GC.AllocateUninitializedArray<float>(batch.ProgramCount * lanes * nOut);
        // Genomes in runs of several per work item: one network takes about a microsecond, the same order
        // as handing out a work item.
        var runs = Partitioner.Create(0, batch.ProgramCount, Math.Max(1, Math.Min(16, batch.ProgramCount / (4 * _threads))));
        Parallel.ForEach(runs, new ParallelOptions { MaxDegreeOfParallelism = _threads },
            () =>
            {
                var values = new AlignedLanes(batch.MaxNodeCount * blocks);
                // Bias and inputs are the same for every genome and no instruction writes their slots.
                values.Span[..blocks].Fill(VectorLane.From(1f));
                laneInput.AsSpan().CopyTo(values.Span.Slice(blocks));
                return (Values: values, Lanes: new float[blocks * width]);
            },
            (run, _, scratch) =>
            {
                var values = scratch.Values.Span;
                for (int g = run.Item1; g < run.Item2; g++)
                {
                    ForwardPass.Run(batch, batch.InstructionStart[g], batch.InstructionStart[g + 1], blocks, values, laneWeight);
                    for (int o = 0; o < nOut; o++)
                    {
                        int slot = batch.OutputSlot[g * nOut + o];
                        for (int b = 0; b < blocks; b++) values[slot * blocks + b].Store(scratch.Lanes.AsSpan(b * width, width));
                        if (nOut == 1)
                        {
                            scratch.Lanes.AsSpan(0, lanes).CopyTo(outputs.AsSpan(g * lanes, lanes));
                            continue;
                        }
                        for (int l = 0; l < lanes; l++) outputs[(g * lanes + l) * nOut + o] = scratch.Lanes[l];
                    }
                }
                return scratch;
            },
            _ => { });
        return outputs;
    }
}
