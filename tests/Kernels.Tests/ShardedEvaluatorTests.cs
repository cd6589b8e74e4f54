using Wann.Engine.Activations;
using Wann.Engine.Datasets;
using Wann.Engine.Evaluation;
using Wann.Engine.Genomes;
using Wann.Engine.Programs;
using Wann.Engine.Search;
using Wann.Engine;
using Wann.Kernels.Backends;
using Wann.Kernels.Cpu;
using Wann.Kernels.Gpu;
using Wann.Kernels.Tasks;

namespace Wann.Kernels.Tests;

/// <summary>Several devices as one: a batch split across them gives the very table one device gives.</summary>
public sealed class ShardedEvaluatorTests
{
    private static readonly ActivationFunction[] AllActivations = Enumerable.Range(1, 11).Select(i => (ActivationFunction)i).ToArray();

    private static EvaluationRequest SwingUp(int repetitions = 2, long generation = 4) =>
        new(CartPoleSwingUp.Spec with { EpisodeLength = 30 }, new[] { -1.5f, 0.5f, 2f }, repetitions, 91, generation);

    private static ProgramBatch Population(int genomes, ulong seed) =>
        ProgramBatch.Compile(SyntheticPopulation.Grow(new NetworkShape(5, 1), genomes, 12, seed, AllActivations), WeightMode.Shared);

    public static TheoryData<int, double, double> Splits => new()
    {
        { 37, 0, 0 },    // equal split, odd count
        { 37, 1, 5 },    // uneven: 6 and 31
        { 40, 1, 0 },    // all on the first
        { 1, 0, 0 },     // one genome: one member idle
    };

    [Theory]
    [MemberData(nameof(Splits))]
    public void TwoIlgpuAccelerators_GiveOneBackendsTable(int genomes, double speedA, double speedB)
    {
        var batch = Population(genomes, (ulong)genomes);
        var request = SwingUp();
        var single = new SimdEvaluator().Evaluate(batch, request);
        using var sharded = new ShardedEvaluator(new IBackend[] { new GpuEvaluator(BackendKind.IlgpuCpu), new GpuEvaluator(BackendKind.IlgpuCpu) },
            new[] { speedA, speedB });
        var table = sharded.Evaluate(batch, request);
        Assert.Equal(genomes, sharded.LastSplit.Sum());
        Assert.Equal(single.Rewards, table.Rewards);
        Assert.Equal(single.StepCount, table.StepCount);
    }

    [Fact]
    public void CpuAndIlgpu_AcrossGenerations_MatchOneBackendAsSpeedsChange()
    {
        using var sharded = (ShardedEvaluator)BackendList.Create("cpu,ilgpu-cpu");
        using var single = new SimdEvaluator();
        for (int generation = 0; generation < 3; generation++)
        {
            var batch = Population(70 + generation, (ulong)(10 + generation));
            var request = SwingUp(3, generation);
            var expected = single.Evaluate(batch, request);
            var table = sharded.Evaluate(batch, request);
            Assert.Equal(expected.Rewards, table.Rewards);
            Assert.Equal(expected.StepCount, table.StepCount);
        }
        // The ILGPU CPU accelerator is far slower than the SIMD backend: after a measured generation it gets less.
        Assert.True(sharded.LastSplit[1] < sharded.LastSplit[0], $"split {string.Join("/", sharded.LastSplit)}");
    }

    [Fact]
    public void Classification_SplitAcrossCpuAndIlgpu_IsIdentical()
    {
        var random = new Random(3);
        int images = 60;
        var pixels = Enumerable.Range(0, images * 64).Select(_ => (float)random.NextDouble()).ToArray();
        var labels = Enumerable.Range(0, images).Select(i => i % 10).ToArray();
        var set = new ImageDataset(8, 8, pixels, labels);
        var data = new ClassificationData(set, set, 10);
        var batch = ProgramBatch.Compile(SyntheticPopulation.Grow(new NetworkShape(64, 10), 23, 30, 5, AllActivations), WeightMode.Shared);
        var request = new EvaluationRequest(ClassificationTasks.Digits, new[] { -1f, 1f, 2f }, 2, 17, 6);

        using var one = new ClassificationEvaluator(new SimdEvaluator(), data, batchSize: 40);
        using var two = new ClassificationEvaluator(
            new ShardedEvaluator(new IBackend[] { new SimdEvaluator(), new GpuEvaluator(BackendKind.IlgpuCpu) }, new[] { 2.0, 1.0 }), data, batchSize: 40);
        var expected = one.Evaluate(batch, request);
        var table = two.Evaluate(batch, request);
        Assert.Equal(expected.Rewards, table.Rewards);
        Assert.Equal(expected.StepCount, table.StepCount);
    }

    [Fact]
    public void Slices_EqualTheGenomesCompiledAlone()
    {
        var population = SyntheticPopulation.Grow(new NetworkShape(5, 1), 9, 10, 2, AllActivations);
        var batch = ProgramBatch.Compile(population, WeightMode.Shared);
        foreach (var (first, count) in new[] { (0, 9), (0, 1), (3, 4), (8, 1), (2, 7) })
        {
            var slice = batch.Slice(first, count);
            var alone = ProgramBatch.Compile(population.Skip(first).Take(count).ToList(), WeightMode.Shared);
            Assert.Equal(alone.InstructionStart, slice.InstructionStart);
            Assert.Equal(alone.Activation, slice.Activation);
            Assert.Equal(alone.FirstEdge, slice.FirstEdge);
            Assert.Equal(alone.EdgeCount, slice.EdgeCount);
            Assert.Equal(alone.EdgeSource, slice.EdgeSource);
            Assert.Equal(alone.EdgeScale, slice.EdgeScale);
            Assert.Equal(alone.OutputSlot, slice.OutputSlot);
            Assert.Equal(alone.MaxNodeCount, slice.MaxNodeCount);
        }
        Assert.Throws<ArgumentOutOfRangeException>(() => batch.Slice(8, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => batch.Slice(0, 0));
    }

    [Theory]
    [InlineData(10, new[] { 1.0, 1.0, 1.0 }, new[] { 4, 3, 3 })]
    [InlineData(10, new[] { 3.0, 1.0 }, new[] { 8, 2 })]
    [InlineData(1, new[] { 1.0, 1.0 }, new[] { 1, 0 })]
    [InlineData(5, new[] { 0.0, 0.0 }, new[] { 3, 2 })]
    [InlineData(7, new[] { 0.0, 2.0 }, new[] { 0, 7 })]
    [InlineData(0, new[] { 1.0 }, new[] { 0 })]
    public void Split_IsProportionalAndWhole(int genomes, double[] speeds, int[] expected) =>
        Assert.Equal(expected, ShardSplit.Counts(genomes, speeds));

    private static readonly DeviceChoice[] TwoGpus = { new(BackendKind.Cuda, 0), new(BackendKind.Cuda, 1) };

    [Fact]
    public void BackendLists_Parse()
    {
        Assert.Equal(new[] { new DeviceChoice(BackendKind.Cuda, 0), new DeviceChoice(BackendKind.Cuda, 1) }, BackendList.Parse("cuda:0,cuda:1", () => TwoGpus));
        Assert.Equal(new[] { new DeviceChoice(BackendKind.Cpu), new DeviceChoice(BackendKind.IlgpuCpu) }, BackendList.Parse("cpu, ilgpu-cpu", () => TwoGpus));
        Assert.Equal(new[] { new DeviceChoice(BackendKind.Cuda, 1) }, BackendList.Parse("cuda:1", () => TwoGpus));
        Assert.Equal(TwoGpus, BackendList.Parse("all", () => TwoGpus));
        Assert.Equal(TwoGpus.Append(new DeviceChoice(BackendKind.Cpu)), BackendList.Parse("all+cpu", () => TwoGpus));
        Assert.Equal(new[] { new DeviceChoice(BackendKind.Cpu) }, BackendList.Parse("all+cpu", Array.Empty<DeviceChoice>));
        Assert.Equal(new[] { new DeviceChoice(BackendKind.Auto) }, BackendList.Parse("auto", () => TwoGpus));
    }

    [Theory]
    [InlineData("cuda:0,,cuda:1", "an empty name")]
    [InlineData("cpu:1", "only cuda, opencl and ilgpu-cpu take a device number")]
    [InlineData("cuda:x", "'x' is not a device number")]
    [InlineData("cuda:-1", "'-1' is not a device number")]
    [InlineData("auto,cpu", "cannot be part of a list")]
    [InlineData("cuda:1,cuda:1", "named twice")]
    [InlineData("cpu,all", "stands alone")]
    [InlineData("all", "no CUDA or OpenCL device here")]
    [InlineData("tpu,cpu", "unknown backend 'tpu'")]
    public void BadBackendLists_AreOneClearError(string text, string expected)
    {
        var error = Assert.Throws<WannException>(() => BackendList.Parse(text, Array.Empty<DeviceChoice>));
        Assert.StartsWith("--backend", error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void MissingDeviceNumber_IsOneClearError()
    {
        var error = Assert.Throws<WannException>(() => BackendList.Create("cpu,ilgpu-cpu:5"));
        Assert.Contains("ilgpu-cpu:5: no such device here", error.Message);
    }
}
