using System.Diagnostics;
using ILGPU;
using ILGPU.Runtime;
using Wann.Engine;
using Wann.Engine.Evaluation;
using Wann.Engine.Programs;

namespace Wann.Kernels.Gpu;

/// <summary>
/// Forward passes on a device, one thread per (genome, weight, group of up to <see cref="ColumnsWhenMany"/> input
/// vectors, so a decoded edge serves each of them): the batch, weights and inputs
/// uploaded once, launches planned as for rollouts, then either the outputs copied back once and put in population
/// order, or (classification) each row scored where its outputs are and the scores folded per (genome, weight) on
/// the device, so only two numbers per (genome, weight) are copied back.
/// </summary>
internal sealed class DeviceForwardPasses(Accelerator accelerator, DeviceBuffers buffers, LaunchGeometry geometry, DeviceKernels kernels, DeviceGuard guard)
{
    private const int FoldGroupSize = 128;

    /// <summary>Input vectors a thread runs where there are at least this many (fewer: one a thread).</summary>
    public const int ColumnsWhenMany = 4;

    public EvaluationTiming? LastTiming { get; private set; }

    public float[] Forward(ProgramBatch batch, float[] weights, float[] inputs)
    {
        int nOut = batch.OutputCount, genomes = batch.ProgramCount;
        var clock = Stopwatch.StartNew();
        var run = Prepare(batch, weights, inputs, batch.OutputCount);
        long outputsPerGenome = (long)run.Shape.WeightCount * run.Shape.VectorCount * nOut;
        var outputView = buffers.Outputs.View(genomes * outputsPerGenome);
        guard.Synchronize("upload");
        double upload = clock.Elapsed.TotalSeconds;

        clock.Restart();
        foreach (var launch in run.Launches)
        {
            var shape = run.ShapeOf(launch);
            var outputs = outputView.SubView(launch.First * outputsPerGenome, launch.Count * outputsPerGenome);
            var config = LaunchGeometry.Config(launch, run.Shape.LaneStride);
            if (launch.Shared)
            {
                var kernel = kernels.SharedForward(run.Unit, run.Four);
                guard.Run("forward", () => kernel(accelerator.DefaultStream, config, run.Program, run.Weights, run.Inputs, outputs, shape));
            }
            else
            {
                var kernel = kernels.GlobalForward(run.Unit, run.Four);
                guard.Run("forward", () => kernel(accelerator.DefaultStream, config, run.Program, run.Weights, run.Inputs, outputs, shape, run.Scratch));
            }
        }
        guard.Synchronize("forward");
        double kernelSeconds = clock.Elapsed.TotalSeconds;

        clock.Restart();
        var sorted = new float[genomes * outputsPerGenome];
        outputView.CopyToCPU(sorted);
        double download = clock.Elapsed.TotalSeconds;
        var result = new float[sorted.Length];
        InPopulationOrder(sorted, result, run.Order, (int)outputsPerGenome);
        LastTiming = new EvaluationTiming(upload, kernelSeconds, download, run.Launches.Count);
        return result;
    }

    public ClassScores Classify(ProgramBatch batch, float[] weights, float[] inputs, int[] labels)
    {
        int genomes = batch.ProgramCount;
        var clock = Stopwatch.StartNew();
        var run = Prepare(batch, weights, inputs, 1);
        int rows = run.Shape.VectorCount;
        if (labels.Length != rows) throw new ArgumentException($"{labels.Length} labels for {rows} input vectors", nameof(labels));
        long rowsPerGenome = (long)weights.Length * rows;
        var scores = new RowScoreViews
        {
            Labels = buffers.Labels.Upload(labels),
            Loss = buffers.RowLoss.View(genomes * rowsPerGenome),
            Hit = buffers.RowHit.View(genomes * rowsPerGenome),
        };
        int pairs = genomes * weights.Length;
        var meanLossView = buffers.MeanLoss.View(pairs);
        var correctView = buffers.Correct.View(pairs);
        guard.Synchronize("upload");
        double upload = clock.Elapsed.TotalSeconds;

        clock.Restart();
        foreach (var launch in run.Launches)
        {
            var shape = run.ShapeOf(launch);
            var part = scores with
            {
                Loss = scores.Loss.SubView(launch.First * rowsPerGenome, launch.Count * rowsPerGenome),
                Hit = scores.Hit.SubView(launch.First * rowsPerGenome, launch.Count * rowsPerGenome),
            };
            var config = LaunchGeometry.Config(launch, run.Shape.LaneStride);
            if (launch.Shared)
            {
                var kernel = kernels.SharedClassify(run.Unit, run.Four);
                guard.Run("classify", () => kernel(accelerator.DefaultStream, config, run.Program, run.Weights, run.Inputs, part, shape));
            }
            else
            {
                var kernel = kernels.GlobalClassify(run.Unit, run.Four);
                guard.Run("classify", () => kernel(accelerator.DefaultStream, config, run.Program, run.Weights, run.Inputs, part, shape, run.Scratch));
            }
        }
        var fold = kernels.FoldRowScores();
        int group = Math.Min(FoldGroupSize, accelerator.MaxNumThreadsPerGroup);
        var foldConfig = new KernelConfig((pairs + group - 1) / group, group);
        guard.Run("fold", () => fold(accelerator.DefaultStream, foldConfig, scores.Loss, scores.Hit, meanLossView, correctView, rows, pairs));
        guard.Synchronize("classify");
        double kernelSeconds = clock.Elapsed.TotalSeconds;

        clock.Restart();
        var sortedLoss = new float[pairs];
        var sortedCorrect = new int[pairs];
        meanLossView.CopyToCPU(sortedLoss);
        correctView.CopyToCPU(sortedCorrect);
        double download = clock.Elapsed.TotalSeconds;
        var meanLoss = new float[pairs];
        var correct = new int[pairs];
        InPopulationOrder(sortedLoss, meanLoss, run.Order, weights.Length);
        InPopulationOrder(sortedCorrect, correct, run.Order, weights.Length);
        LastTiming = new EvaluationTiming(upload, kernelSeconds, download, run.Launches.Count + 1);
        return new ClassScores(meanLoss, correct, rows);
    }

    /// <summary>What both kinds of forward pass launch: the uploaded batch, weights and inputs, and the launches planned.</summary>
    private sealed record Prepared(int[] Order, ProgramViews Program, ArrayView<float> Weights, ArrayView<float> Inputs, bool Unit,
        List<LaunchPlan> Launches, ArrayView<float> Scratch, ForwardShape Shape)
    {
        public bool Four => Shape.Columns == ColumnsWhenMany;

        public ForwardShape ShapeOf(LaunchPlan launch) => Shape with { FirstPosition = launch.First, GenomeCount = launch.Count };
    }

    /// <param name="valuesPerRow">What a launch writes per (genome, weight, vector): indices into it are int arithmetic, so a launch keeps them below 2^31.</param>
    private Prepared Prepare(ProgramBatch batch, float[] weights, float[] inputs, int valuesPerRow)
    {
        int nIn = batch.InputCount, vectors = inputs.Length / nIn;
        int lanes = weights.Length * vectors;
        long valuesPerGenome = (long)lanes * valuesPerRow;
        if (batch.ProgramCount * valuesPerGenome > Array.MaxLength)
            throw new WannException($"{batch.ProgramCount} genomes x {lanes} lanes x {valuesPerRow} outputs is more than one array can hold ({Array.MaxLength}); run fewer at once");
        int columns = vectors >= ColumnsWhenMany ? ColumnsWhenMany : 1;
        int threadsPerWeight = (vectors + columns - 1) / columns;
        int laneStride = geometry.LaneStride(weights.Length * threadsPerWeight);

        var order = LaunchPlanner.OrderByNodeCount(batch);
        var program = buffers.Upload(batch, order);
        var weightView = buffers.Weight.Upload(weights);
        var inputView = buffers.Inputs.Upload(inputs);
        var limits = geometry.Limits(buffers.Scratch.Capacity * sizeof(float)) with
        {
            MaxThreadsPerLaunch = Math.Min(LaunchLimits.DefaultMaxThreads, int.MaxValue / Math.Max(1, valuesPerGenome) * laneStride),
            Columns = columns,
        };
        var launches = LaunchPlanner.Plan(batch, order, laneStride, limits);
        var scratch = buffers.Scratch.View(LaunchGeometry.ScratchSlots(launches, laneStride));
        var shape = new ForwardShape
        {
            WeightCount = weights.Length,
            VectorCount = vectors,
            Columns = columns,
            ThreadsPerWeight = threadsPerWeight,
            LaneStride = laneStride,
            InputCount = nIn,
            OutputCount = batch.OutputCount,
        };
        return new Prepared(order, program, weightView, inputView, batch.EdgeScalesAllOne, launches, scratch, shape);
    }

    /// <summary>Blocks of <paramref name="block"/> values per genome, from launch order back to population order.</summary>
    private static void InPopulationOrder<T>(T[] sorted, T[] result, int[] order, int block)
    {
        int genomes = order.Length;
        Parallel.For(0, genomes, new ParallelOptions { MaxDegreeOfParallelism = genomes < 4096 ? 1 : -1 },
            position => Array.Copy(sorted, position * block, result, order[position] * block, block));
    }
}
