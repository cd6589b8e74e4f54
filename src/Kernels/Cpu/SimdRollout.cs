using Wann.Engine.Evaluation;
using Wann.Engine.Programs;
using Wann.Kernels.Tasks;

namespace Wann.Kernels.Cpu;

/// <summary>
/// The CPU backend's rollouts: the lanes of one genome (its weights x repetitions) packed into SIMD vectors,
/// so one decode of an instruction serves all of them; genomes are spread over the cores. Network forward
/// and task physics both run on the vectors.
/// </summary>
/// <param name="scalarPhysics">Step every task lane by lane, one float lane at a time (a test seam: tests hold the two paths to the same results).</param>
internal sealed class SimdRollout(ProgramBatch batch, EvaluationRequest request, int threads, bool scalarPhysics = false) : IRolloutTaskVisitor<FitnessTable>
{
    /// <summary>Most vectors of lanes one work item runs: large enough to amortise decoding, small enough to share one network's many episodes among cores.</summary>
    private const int MaxBlocksPerItem = 4;

    public FitnessTable Visit<TTask>(TTask task) where TTask : struct, IRolloutTask
    {
        var layout = new LaneLayout(request);
        var episodes = EpisodeTable.Compute(task, request);
        var table = new FitnessTable(batch.ProgramCount, request.Weights.Length, request.Repetitions);
        // Work item = one genome's lanes, or a chunk of them when a genome has many (eval of one network).
        int chunks = (layout.Blocks + MaxBlocksPerItem - 1) / MaxBlocksPerItem;
        long steps = 0;
        var progress = request.Progress;
        // A cancelled token stops the loop before its next work item (Parallel.For throws OperationCanceledException).
        var options = new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = progress?.Cancellation ?? default };
        Parallel.For(0, batch.ProgramCount * chunks, options,
            () => new RolloutScratch(batch.MaxNodeCount, Math.Min(layout.Blocks, MaxBlocksPerItem), task.StateSize),
            (item, _, scratch) =>
            {
                int g = item / chunks, firstBlock = item % chunks * MaxBlocksPerItem;
                int blockCount = Math.Min(MaxBlocksPerItem, layout.Blocks - firstBlock);
                RunLanes(task, g, firstBlock, blockCount, layout, episodes, scratch);
                int firstLane = firstBlock * VectorLane.Count;
                int laneCount = Math.Min(blockCount * VectorLane.Count, layout.Lanes - firstLane);
                scratch.LaneBuffer.AsSpan(0, laneCount).CopyTo(table.Rewards.AsSpan(g * layout.Lanes + firstLane, laneCount));
                progress?.Finish(laneCount);
                return scratch;
            },
            scratch => Interlocked.Add(ref steps, scratch.StepCount));
        table.StepCount = steps;
        return table;
    }

    /// <summary>Per-evaluation lane constants shared by every genome: lane weights and which lanes are padding.</summary>
    private sealed class LaneLayout
    {
        public readonly int Lanes, Blocks;
        public readonly VectorLane[] Weight, InitiallyAlive;

        public LaneLayout(EvaluationRequest request)
        {
            int width = VectorLane.Count;
            var lanes = new LaneIndexing(request.Weights.Length, request.Repetitions);
            Lanes = lanes.LanesPerGenome;
            Blocks = (Lanes + width - 1) / width;
            Weight = new VectorLane[Blocks];
            InitiallyAlive = new VectorLane[Blocks];
            var weight = new float[width];
            var alive = new float[width];
            for (int b = 0; b < Blocks; b++)
            {
                for (int i = 0; i < width; i++)
                {
                    int lane = b * width + i;
                    // Padding lanes are dead from the start.
                    weight[i] = lane < Lanes ? request.Weights[lanes.WeightOf(lane)] : 0f;
                    alive[i] = lane < Lanes ? 1f : 0f;
                }
                Weight[b] = VectorLane.Load(weight);
                InitiallyAlive[b] = VectorLane.Load(alive);
            }
        }
    }

    /// <summary>
    /// Lane vectors [firstBlock, firstBlock + blocks) of genome <paramref name="g"/> for a whole episode;
    /// their rewards land in scratch.LaneBuffer.
    /// </summary>
    private void RunLanes<TTask>(TTask task, int g, int firstBlock, int blocks, LaneLayout layout, EpisodeTable episodes, RolloutScratch scratch)
        where TTask : struct, IRolloutTask
    {
        int nIn = batch.InputCount, nOut = batch.OutputCount, episodeLength = request.Task.EpisodeLength;
        int firstInstruction = batch.InstructionStart[g], instructionEnd = batch.InstructionStart[g + 1];
        var values = scratch.Values.Span;
        var reward = scratch.Reward.AsSpan();
        var steps = scratch.Steps.AsSpan();
        var alive = scratch.Alive.AsSpan();
        var weight = scratch.Weight.AsSpan();
        var origin = scratch.Origin;
        var outputSlot = batch.OutputSlot.AsSpan(g * nOut, nOut);
        var zero = VectorLane.From(0f);
        var one = VectorLane.From(1f);

        int width = VectorLane.Count, laneBase = firstBlock * width;
        int lanesHere = Math.Min(blocks * width, layout.Lanes - laneBase);
        for (int l = 0; l < blocks * width; l++) origin[l] = l < lanesHere ? l : -1;
        scratch.UpdateEpisodeOffsets(episodes, laneBase, blocks * width);
        // Lane by lane on request; the scratch is reused by the thread's next work item.
        var byLane = scalarPhysics ? scratch.LaneByLane(Math.Max(nIn, nOut)) : null;
        for (int b = 0; b < blocks; b++)
        {
            // Every task starts from zeroed slots, on every backend.
            scratch.States.Span.Slice(b * task.StateSize, task.StateSize).Clear();
            if (byLane is not null)
                byLane.Reset(task, scratch, b, episodes, laneBase);
            else
            {
                var state = scratch.StateOf(b);
                task.Reset<VectorLane, VectorState, VectorEpisode>(ref state, scratch.EpisodeOf(episodes, b));
            }
            alive[b] = layout.InitiallyAlive[firstBlock + b];
            weight[b] = layout.Weight[firstBlock + b];
            reward[b] = zero;
            steps[b] = zero;
        }

        // Vectors [0, active) hold every lane still running; the repacker keeps them full. Node values are
        // rebuilt every step, so only per-lane state moves, and the value layout uses the current count as its stride.
        int active = blocks;
        var outputs = new TaskOutputs<VectorLane>();
        for (int t = 0; t < episodeLength && active > 0; t++)
        {
            for (int b = 0; b < active; b++) values[b] = one; // bias slot
            for (int b = 0; b < active; b++)
            {
                if (byLane is not null)
                {
                    byLane.Observe(task, scratch, b, episodes, laneBase, nIn, values, active);
                    continue;
                }
                var state = scratch.StateOf(b);
                var episode = scratch.EpisodeOf(episodes, b);
                for (int k = 0; k < nIn; k++)
                    values[(1 + k) * active + b] = task.Observation<VectorLane, VectorState, VectorEpisode>(ref state, episode, k);
            }

            ForwardPass.Run(batch, firstInstruction, instructionEnd, active, values, weight);

            int running = 0;
            for (int b = 0; b < active; b++)
            {
                for (int o = 0; o < nOut && o < TaskOutputs<VectorLane>.Capacity; o++) outputs.Set(o, values[outputSlot[o] * active + b]);
                outputs.Ended = VectorLane.Not(VectorLane.Greater(alive[b], zero));
                VectorLane r, done;
                if (byLane is not null)
                    r = byLane.Step(task, scratch, b, episodes, laneBase, outputs, nOut, out done);
                else
                {
                    var state = scratch.StateOf(b);
                    r = task.Step(ref state, scratch.EpisodeOf(episodes, b), outputs, out done);
                }
                // The protocol's tally (EpisodeProtocol.Count), on the rollout's arrays; the outputs above are filled
                // here rather than through EpisodeProtocol.Step, which measured 4-7 % slower on swing-up (M2).
                var tally = new EpisodeTally<VectorLane> { Reward = reward[b], Steps = steps[b], Alive = alive[b] };
                EpisodeProtocol.Count(ref tally, r, done);
                (reward[b], steps[b], alive[b]) = (tally.Reward, tally.Steps, tally.Alive);
                running += alive[b].CountNonZero();
            }
            if ((running + width - 1) / width < active)
            {
                active = LaneRepacker.Repack(scratch, active, running);
                scratch.UpdateEpisodeOffsets(episodes, laneBase, active * width);
            }
        }
        LaneRepacker.HandIn(scratch, active, onlyEnded: false);

        for (int l = 0; l < lanesHere; l++) scratch.StepCount += (long)scratch.StepBuffer[l];
    }
}
