using Wann.Engine.Activations;
using Wann.Engine.Evaluation;
using Wann.Engine.Genomes;
using Wann.Engine.Programs;
using Wann.Engine.Search;
using Wann.Kernels.Backends;
using Wann.Kernels.Cpu;
using Wann.Kernels.Gpu;
using Wann.Kernels.Reference;
using Wann.Kernels.Tasks;

namespace Wann.Kernels.Tests;

/// <summary>
/// The ILGPU kernels against the reference interpreter and the SIMD backend. On ILGPU's CPU accelerator
/// (always present) and on CUDA (kernels loaded with every float operation rounded, see KernelLoader) they run
/// the very same IEEE operations, so results are identical. On OpenCL (run where a device exists, skipped
/// elsewhere) the compiler may fuse multiply-adds, so it must agree within float rounding: 1e-5 relative for a
/// forward pass, tight for short episodes, 1 % for full ones.
/// </summary>
public sealed class GpuKernelTests
{
    private static readonly ActivationFunction[] AllActivations = Enumerable.Range(1, 11).Select(i => (ActivationFunction)i).ToArray();

    public static TheoryData<string, bool> Backends => new()
    {
        { "ilgpu-cpu", false },
        { "ilgpu-cpu", true },
        { "cuda", false },
        { "cuda", true },
        { "opencl", false },
    };

    private static GpuEvaluator Open(string backend, bool globalMemory)
    {
        var kind = BackendNames.Parse(backend);
        using (var context = GpuDevices.CreateContext())
            Skip.IfNot(GpuDevices.Has(context, kind), $"no {backend} device on this machine");
        return new GpuEvaluator(kind, globalMemory);
    }

    // CUDA kernels are loaded with every float operation rounded on its own (PtxRounding), so they are exact too.
    private static bool Exact(string backend) => backend is "ilgpu-cpu" or "cuda";

    [SkippableTheory]
    [MemberData(nameof(Backends))]
    public void Forward_EqualsTheReferenceInterpreter(string backend, bool globalMemory)
    {
        using var gpu = Open(backend, globalMemory);
        var population = SyntheticPopulation.Grow(new NetworkShape(5, 2), 12, 25, 17, AllActivations);
        foreach (var genome in population)
            for (int i = 0; i < genome.Connections.Count; i += 2)
                genome.Connections[i] = genome.Connections[i] with { Weight = 0.75f - 0.2f * (i % 5) };
        var weights = new[] { -2f, -1f, -0.5f, 0.5f, 1f, 2f };
        var random = new Random(5);
        var inputs = Enumerable.Range(0, 16 * 5).Select(_ => (float)(random.NextDouble() * 4 - 2)).ToArray();
        foreach (var mode in new[] { WeightMode.Shared, WeightMode.Stored })
        {
            var batch = ProgramBatch.Compile(population, mode);
            var expected = new ReferenceEvaluator().Forward(batch, weights, inputs);
            var actual = gpu.Forward(batch, weights, inputs);
            Assert.Equal(expected.Length, actual.Length);
            if (Exact(backend)) { Assert.Equal(expected, actual); continue; }
            for (int i = 0; i < expected.Length; i++)
                Assert.True(MathF.Abs(actual[i] - expected[i]) <= 1e-5f * MathF.Max(1f, MathF.Abs(expected[i])), $"{mode} output {i}: {actual[i]} vs {expected[i]}");
        }
    }

    [SkippableTheory]
    [MemberData(nameof(Backends))]
    public void ShortEpisodes_EqualTheSimdBackend(string backend, bool globalMemory)
    {
        using var gpu = Open(backend, globalMemory);
        var batch = BackendAgreementTests.RandomBatch(10, 14, 23);
        var request = new EvaluationRequest(CartPoleSwingUp.Spec with { EpisodeLength = 30 }, new[] { -2f, -0.5f, 1f }, 3, 8, 2);
        var expected = new SimdEvaluator().Evaluate(batch, request);
        var actual = gpu.Evaluate(batch, request);
        Assert.Equal(expected.StepCount, actual.StepCount);
        if (Exact(backend)) { Assert.Equal(expected.Rewards, actual.Rewards); return; }
        for (int i = 0; i < expected.Rewards.Length; i++)
            Assert.True(MathF.Abs(actual.Rewards[i] - expected.Rewards[i]) <= 1e-3f * MathF.Max(1f, MathF.Abs(expected.Rewards[i])), $"lane {i}");
    }

    [SkippableTheory]
    [InlineData("ilgpu-cpu")]
    [InlineData("cuda")]
    [InlineData("opencl")]
    public void FullEpisodes_OfTheSwingUpChampion_AgreeWithTheSimdBackend(string backend)
    {
        using var gpu = Open(backend, globalMemory: false);
        var genome = Engine.Formats.OutMatrixFormat.Parse(File.ReadAllText(TestPaths.Reference("swing.out")), CartPoleSwingUp.Spec.Shape, "swing.out");
        var batch = ProgramBatch.CompileOne(genome, WeightMode.Shared);
        var request = new EvaluationRequest(CartPoleSwingUp.Spec, new[] { -1f, 0.5f, 2f }, Exact(backend) ? 2 : 32, 99, 0);
        var expected = new SimdEvaluator().Evaluate(batch, request);
        var actual = gpu.Evaluate(batch, request);
        if (Exact(backend)) { Assert.Equal(expected.Rewards, actual.Rewards); return; }
        for (int w = 0; w < 3; w++)
            Assert.True(Math.Abs(actual.MeanAtWeight(0, w) - expected.MeanAtWeight(0, w)) <= 0.01 * Math.Abs(expected.MeanAtWeight(0, w)), $"weight {w}");
    }

    /// <summary>Small, medium and large networks interleaved: sorted into several launches, some in shared memory and some in global scratch.</summary>
    [SkippableTheory]
    [InlineData("ilgpu-cpu")]
    [InlineData("cuda")]
    public void MixedSizes_InSeveralLaunches_EqualTheReference(string backend)
    {
        using var gpu = Open(backend, globalMemory: false);
        gpu.SharedBytesPerGroupLimit = 8 * 1024;
        foreach (var mode in new[] { WeightMode.Shared, WeightMode.Stored })
        {
            var batch = LaunchPlannerTests.MixedBatch(mode);
            var request = new EvaluationRequest(CartPoleSwingUp.Spec with { EpisodeLength = 12 }, new[] { -1.5f, 0.5f, 2f }, 2, 4, 1);
            var expected = new ReferenceEvaluator().Evaluate(batch, request);
            var actual = gpu.Evaluate(batch, request);
            Assert.True(gpu.LastTiming!.Launches >= 3, $"{gpu.LastTiming.Launches} launches");
            Assert.Equal(expected.StepCount, actual.StepCount);
            Assert.Equal(expected.Rewards, actual.Rewards);

            var weights = new[] { -2f, 1f };
            var inputs = Enumerable.Range(0, 3 * 5).Select(i => 0.3f * i - 2f).ToArray();
            Assert.Equal(new ReferenceEvaluator().Forward(batch, weights, inputs), gpu.Forward(batch, weights, inputs));
        }
    }

    [SkippableFact]
    public void BuffersAreReused_AcrossGenerationsOfDifferentSizes()
    {
        using var gpu = Open("ilgpu-cpu", globalMemory: false);
        var request = new EvaluationRequest(CartPoleSwingUp.Spec with { EpisodeLength = 5 }, new[] { 1f }, 2, 1, 0);
        int? afterFirst = null;
        foreach (int genomes in new[] { 8, 3, 8, 5 })
        {
            var batch = BackendAgreementTests.RandomBatch(genomes, 8, (ulong)genomes);
            Assert.Equal(new SimdEvaluator().Evaluate(batch, request).Rewards, gpu.Evaluate(batch, request).Rewards);
            afterFirst ??= gpu.DeviceAllocations;
            // Smaller and equal generations after the first fit in the buffers it allocated.
            Assert.Equal(afterFirst, gpu.DeviceAllocations);
        }
        Assert.True(afterFirst > 0);
    }
}
