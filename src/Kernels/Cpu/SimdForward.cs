using System.Collections.Concurrent;
using Wann.Engine.Programs;

namespace Wann.Kernels.Cpu;

/// <summary>The CPU backend's forward passes without a task: lanes = weights x input vectors, packed into SIMD vectors.</summary>
internal static class SimdForward
{
    /// <summary>Forward passes of every genome at every weight on every input vector (lanes = weights x vectors).</summary>
    public static float[] Run(ProgramBatch batch, float[] weights, float[] inputs, int threads)
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
        var runs = Partitioner.Create(0, batch.ProgramCount, Math.Max(1, Math.Min(16, batch.ProgramCount / (4 * threads))));
        Parallel.ForEach(runs, new ParallelOptions { MaxDegreeOfParallelism = threads },
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
