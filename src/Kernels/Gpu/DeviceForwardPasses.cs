using System.Diagnostics;
using ILGPU.Runtime;
using Wann.Engine;
using Wann.Engine.Evaluation;
using Wann.Engine.Programs;

namespace Wann.Kernels.Gpu;

/// <summary>
/// Forward passes on a device, one thread per (genome, weight, input vector): the batch, weights and inputs
/// uploaded once, launches planned as for rollouts, the outputs copied back once and put in population order.
/// </summary>
internal sealed class DeviceForwardPasses(Accelerator accelerator, DeviceBuffers buffers, LaunchGeometry geometry, DeviceKernels kernels, DeviceGuard guard)
{
    public EvaluationTiming? LastTiming { get; private set; }

    public float[] Forward(ProgramBatch batch, float[] weights, float[] inputs)
    {
        int nIn = batch.InputCount, nOut = batch.OutputCount, vectors = inputs.Length / nIn;
        int lanes = weights.Length * vectors;
        int genomes = batch.ProgramCount;
        long outputsPerGenome = (long)lanes * nOut;
        if (genomes * outputsPerGenome > Array.MaxLength)
            throw new WannException($"{genomes} genomes x {lanes} lanes x {nOut} outputs is more than one array can hold ({Array.MaxLength}); run fewer at once");
        int laneStride = geometry.LaneStride(lanes);
        bool unit = batch.EdgeScalesAllOne;

        var clock = Stopwatch.StartNew();
        var order = LaunchPlanner.OrderByNodeCount(batch);
        var program = buffers.Upload(batch, order);
        var weightView = buffers.Weight.Upload(weights);
        var inputView = buffers.Inputs.Upload(inputs);
        var outputView = buffers.Outputs.View(genomes * outputsPerGenome);
        // Outputs of one launch are indexed from its first genome in int arithmetic: keep each launch's below 2^31.
        var limits = geometry.Limits(buffers.Scratch.Capacity * sizeof(float)) with
        {
            MaxThreadsPerLaunch = Math.Min(LaunchLimits.DefaultMaxThreads, int.MaxValue / Math.Max(1, outputsPerGenome) * laneStride),
        };
        var launches = LaunchPlanner.Plan(batch, order, laneStride, limits);
        var scratch = buffers.Scratch.View(LaunchGeometry.ScratchSlots(launches, laneStride));
        guard.Synchronize("upload");
        double upload = clock.Elapsed.TotalSeconds;

        clock.Restart();
        foreach (var launch in launches)
        {
            var shape = new ForwardShape
            {
                FirstPosition = launch.First,
                GenomeCount = launch.Count,
                WeightCount = weights.Length,
                VectorCount = vectors,
                LaneStride = laneStride,
                InputCount = nIn,
                OutputCount = nOut,
            };
            var outputs = outputView.SubView(launch.First * outputsPerGenome, launch.Count * outputsPerGenome);
            var config = LaunchGeometry.Config(launch, laneStride);
            if (launch.Shared)
            {
                var kernel = kernels.SharedForward(unit);
                guard.Run("forward", () => kernel(accelerator.DefaultStream, config, program, weightView, inputView, outputs, shape));
            }
            else
            {
                var kernel = kernels.GlobalForward(unit);
                guard.Run("forward", () => kernel(accelerator.DefaultStream, config, program, weightView, inputView, outputs, shape, scratch));
            }
        }
        guard.Synchronize("forward");
        double kernelSeconds = clock.Elapsed.TotalSeconds;

        clock.Restart();
        var sorted = new float[genomes * outputsPerGenome];
        outputView.CopyToCPU(sorted);
        double download = clock.Elapsed.TotalSeconds;
        var result = new float[sorted.Length];
        int block = (int)outputsPerGenome;
        Parallel.For(0, genomes, new ParallelOptions { MaxDegreeOfParallelism = genomes < 4096 ? 1 : -1 },
            position => Array.Copy(sorted, position * block, result, order[position] * block, block));
        LastTiming = new EvaluationTiming(upload, kernelSeconds, download, launches.Count);
        return result;
    }
}
