using System.Collections.Concurrent;
using Wann.Engine.Evaluation;
using Wann.Engine.Lanes;
using Wann.Engine.Programs;

namespace Wann.Kernels.Cpu;

/// <summary>The CPU backend's forward passes without a task: lanes = weights x input vectors, packed into SIMD vectors.</summary>
internal static class SimdForward
{
    /// <summary>Forward passes of every genome at every weight on every input vector (lanes = weights x vectors).</summary>
    public static float[] Run(ProgramBatch batch, float[] weights, float[] inputs, int threads)
    {
        var packing = new LanePacking(batch, weights, inputs);
        int lanes = packing.Lanes, nOut = batch.OutputCount, width = VectorLane.Count;
        // Every element is written below, so the array need not be zeroed first.
        var outputs = GC.AllocateUninitializedArray<float>(batch.ProgramCount * lanes * nOut);
        ForEachGenome(batch, packing, threads, () => new float[packing.Blocks * width], (g, values, laneValues) =>
        {
            for (int o = 0; o < nOut; o++)
            {
                int slot = batch.OutputSlot[g * nOut + o];
                for (int b = 0; b < packing.Blocks; b++) values[slot * packing.Blocks + b].Store(laneValues.AsSpan(b * width, width));
                if (nOut == 1)
                {
                    laneValues.AsSpan(0, lanes).CopyTo(outputs.AsSpan(g * lanes, lanes));
                    continue;
                }
                for (int l = 0; l < lanes; l++) outputs[(g * lanes + l) * nOut + o] = laneValues[l];
            }
        });
        return outputs;
    }

    /// <summary>
    /// The same forward passes scored per row in the vectors (<see cref="SoftmaxScore"/>) and folded per (genome,
    /// weight) as <see cref="ClassScores.MeanOf"/> folds: no output leaves the thread that computed it.
    /// </summary>
    public static ClassScores Classify(ProgramBatch batch, float[] weights, float[] inputs, int[] labels, int threads)
    {
        var packing = new LanePacking(batch, weights, inputs);
        int nOut = batch.OutputCount, width = VectorLane.Count, blocks = packing.Blocks, rows = labels.Length;
        var laneLabel = packing.PerVector(labels);
        var meanLoss = new float[batch.ProgramCount * weights.Length];
        var correct = new int[meanLoss.Length];
        ForEachGenome(batch, packing, threads, () => new ClassScratch(blocks * width, nOut), (g, values, scratch) =>
        {
            for (int b = 0; b < blocks; b++)
            {
                for (int k = 0; k < nOut; k++) scratch.Row[k] = values[batch.OutputSlot[g * nOut + k] * blocks + b];
                SoftmaxScore.Of(new VectorRow(scratch.Row), nOut, laneLabel[b], out VectorLane loss, out VectorLane hit);
                loss.Store(scratch.Loss.AsSpan(b * width, width));
                hit.Store(scratch.Hit.AsSpan(b * width, width));
            }
            for (int w = 0; w < weights.Length; w++)
            {
                meanLoss[g * weights.Length + w] = ClassScores.MeanOf(scratch.Loss.AsSpan(w * rows, rows));
                int right = 0;
                foreach (float hit in scratch.Hit.AsSpan(w * rows, rows)) right += (int)hit;
                correct[g * weights.Length + w] = right;
            }
        });
        return new ClassScores(meanLoss, correct, rows);
    }

    private sealed class ClassScratch(int lanes, int classes)
    {
        public readonly float[] Loss = new float[lanes], Hit = new float[lanes];
        public readonly VectorLane[] Row = new VectorLane[classes];
    }

    private readonly struct VectorRow(VectorLane[] row) : IClassRow<VectorLane>
    {
        public VectorLane Output(int k) => row[k];
    }

    /// <summary>Each lane's weight and input vector, packed into SIMD vectors: lane l is weight l / vectors on vector l % vectors.</summary>
    private sealed class LanePacking
    {
        private readonly int _vectors;

        public LanePacking(ProgramBatch batch, float[] weights, float[] inputs)
        {
            int nIn = batch.InputCount;
            _vectors = inputs.Length / nIn;
            Lanes = weights.Length * _vectors;
            Blocks = (Lanes + VectorLane.Count - 1) / VectorLane.Count;
            Weight = new VectorLane[Blocks];
            Input = new VectorLane[Blocks * nIn];
            int width = VectorLane.Count;
            var buffer = new float[width];
            for (int b = 0; b < Blocks; b++)
            {
                for (int i = 0; i < width; i++) buffer[i] = b * width + i < Lanes ? weights[(b * width + i) / _vectors] : 0f;
                Weight[b] = VectorLane.Load(buffer);
                for (int k = 0; k < nIn; k++)
                {
                    for (int i = 0; i < width; i++) buffer[i] = b * width + i < Lanes ? inputs[(b * width + i) % _vectors * nIn + k] : 0f;
                    Input[k * Blocks + b] = VectorLane.Load(buffer);
                }
            }
        }

        public int Lanes { get; }
        public int Blocks { get; }
        public VectorLane[] Weight { get; }
        /// <summary>[input x Blocks + block], as the interpreter's input slots hold them.</summary>
        public VectorLane[] Input { get; }

        /// <summary>A value per input vector, packed as the lanes are (padding lanes get 0).</summary>
        public VectorLane[] PerVector(int[] values)
        {
            int width = VectorLane.Count;
            var packed = new VectorLane[Blocks];
            var buffer = new float[width];
            for (int b = 0; b < Blocks; b++)
            {
                for (int i = 0; i < width; i++) buffer[i] = b * width + i < Lanes ? values[(b * width + i) % _vectors] : 0f;
                packed[b] = VectorLane.Load(buffer);
            }
            return packed;
        }
    }

    /// <summary>Runs every genome's forward pass and hands its node values to <paramref name="use"/>, genomes spread over the threads.</summary>
    private static void ForEachGenome<TScratch>(ProgramBatch batch, LanePacking packing, int threads, Func<TScratch> newScratch,
        SpanAction<int, TScratch> use)
    {
        int blocks = packing.Blocks;
        // Genomes in runs of several per work item: one network takes about a microsecond, the same order
        // as handing out a work item.
        var runs = Partitioner.Create(0, batch.ProgramCount, Math.Max(1, Math.Min(16, batch.ProgramCount / (4 * threads))));
        Parallel.ForEach(runs, new ParallelOptions { MaxDegreeOfParallelism = threads },
            () =>
            {
                var values = new AlignedLanes(batch.MaxNodeCount * blocks);
                // Bias and inputs are the same for every genome and no instruction writes their slots.
                values.Span[..blocks].Fill(VectorLane.From(1f));
                packing.Input.AsSpan().CopyTo(values.Span.Slice(blocks));
                return (Values: values, Scratch: newScratch());
            },
            (run, _, local) =>
            {
                var values = local.Values.Span;
                for (int g = run.Item1; g < run.Item2; g++)
                {
                    ForwardPass.Run(batch, batch.InstructionStart[g], batch.InstructionStart[g + 1], blocks, values, packing.Weight);
                    use(g, values, local.Scratch);
                }
                return local;
            },
            _ => { });
    }

    private delegate void SpanAction<in TArg, in TScratch>(TArg genome, Span<VectorLane> values, TScratch scratch);
}
