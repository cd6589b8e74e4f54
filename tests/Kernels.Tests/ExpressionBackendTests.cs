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
/// Both expression rules on every backend: the rule only decides which edges a program holds, so the
/// backends must agree under either one exactly as they do today (bit for bit on cpu, reference, ilgpu-cpu
/// and CUDA; within float rounding on OpenCL, where a device exists).
/// </summary>
public sealed class ExpressionBackendTests
{
    private static readonly ActivationFunction[] AllActivations = Enumerable.Range(1, 11).Select(i => (ActivationFunction)i).ToArray();

    /// <summary>Grown genomes (many with disabled hidden-to-hidden genes) under <paramref name="rule"/>.</summary>
    private static List<Genome> Population(ConnectionExpression rule, int genomes, int connections, ulong seed) =>
        SyntheticPopulation.Grow(new NetworkShape(5, 1), genomes, connections, seed, AllActivations).Select(g => g.WithExpression(rule)).ToList();

    public static TheoryData<bool> Rules => new() { true, false };

    [Fact]
    public void TheRulesCompileDifferentPrograms_SoTheTestsBelowCoverBoth()
    {
        long original = ProgramBatch.Compile(Population(ConnectionExpression.Original, 20, 16, 31), WeightMode.Shared).TotalEdgeCount;
        long enabledOnly = ProgramBatch.Compile(Population(ConnectionExpression.EnabledOnly, 20, 16, 31), WeightMode.Shared).TotalEdgeCount;
        Assert.True(original > enabledOnly, $"{original} edges under the original's rule, {enabledOnly} under enabled-only");
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public void SimdAndReference_AreIdentical_UnderEitherRule(bool expressDisabledHidden)
    {
        var rule = ConnectionExpression.For(expressDisabledHidden);
        var batch = ProgramBatch.Compile(Population(rule, 20, 16, 31), WeightMode.Shared);
        var request = new EvaluationRequest(CartPoleSwingUp.Spec with { EpisodeLength = 40 }, new[] { -2f, -1f, -0.5f, 0.5f, 1f, 2f }, 3, 12, 4);
        var fast = new SimdEvaluator().Evaluate(batch, request);
        var reference = new ReferenceEvaluator().Evaluate(batch, request);
        Assert.Equal(reference.StepCount, fast.StepCount);
        Assert.Equal(reference.Rewards, fast.Rewards);

        var random = new Random(3);
        var inputs = Enumerable.Range(0, 11 * 5).Select(_ => (float)(random.NextDouble() * 4 - 2)).ToArray();
        Assert.Equal(new ReferenceEvaluator().Forward(batch, request.Weights, inputs), new SimdEvaluator().Forward(batch, request.Weights, inputs));
    }

    public static TheoryData<string, bool> GpuCases => new()
    {
        { "ilgpu-cpu", true },
        { "ilgpu-cpu", false },
        { "cuda", true },
        { "cuda", false },
        { "opencl", true },
        { "opencl", false },
    };

    [SkippableTheory]
    [MemberData(nameof(GpuCases))]
    public void GpuKernels_AgreeWithTheSimdBackend_UnderEitherRule(string backend, bool expressDisabledHidden)
    {
        var kind = BackendNames.Parse(backend);
        using (var context = GpuDevices.CreateContext())
            Skip.IfNot(GpuDevices.Has(context, kind), $"no {backend} device on this machine");
        using var gpu = new GpuEvaluator(kind);
        var batch = ProgramBatch.Compile(Population(ConnectionExpression.For(expressDisabledHidden), 10, 16, 37), WeightMode.Shared);
        var request = new EvaluationRequest(CartPoleSwingUp.Spec with { EpisodeLength = 30 }, new[] { -2f, -0.5f, 1f }, 3, 8, 2);
        var expected = new SimdEvaluator().Evaluate(batch, request);
        var actual = gpu.Evaluate(batch, request);
        Assert.Equal(expected.StepCount, actual.StepCount);
        // CUDA loads its kernels with every float operation rounded on its own (KernelLoader), so it is exact too.
        if (backend is "ilgpu-cpu" or "cuda") { Assert.Equal(expected.Rewards, actual.Rewards); return; }
        for (int i = 0; i < expected.Rewards.Length; i++)
            Assert.True(MathF.Abs(actual.Rewards[i] - expected.Rewards[i]) <= 1e-3f * MathF.Max(1f, MathF.Abs(expected.Rewards[i])), $"lane {i}");
    }
}
