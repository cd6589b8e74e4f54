using Wann.Engine.Activations;
using Wann.Engine.Evaluation;
using Wann.Engine.Formats;
using Wann.Engine.Config;
using Wann.Engine.Genomes;
using Wann.Engine.Programs;
using Wann.Engine.Search;
using Wann.Engine.Tasks;
using Wann.Kernels.Cpu;
using Wann.Kernels.Reference;
using Wann.Kernels.Tasks;

namespace Wann.Kernels.Tests.Biped;

/// <summary>
/// The walker on the SIMD backend against the reference path over whole episodes: the original champion (long
/// walks, falls at other weights) and grown networks (early falls, lanes ending at every step), so vectors
/// mix lanes that walk, fall and pad, and are repacked as they end. Rewards and step counts keep every bit.
/// </summary>
public sealed class BipedRolloutTests
{
    private static readonly TaskSpec Biped = TaskRegistry.Get("biped", "test");

    [Fact]
    public void TheChampion_OnTheCpuBackend_ScoresAsTheReference()
    {
        var champion = OutMatrixFormat.Parse(File.ReadAllText(TestPaths.Reference("biped.out")), Biped.Shape, "biped.out");
        var batch = ProgramBatch.Compile(new List<Genome> { champion }, WeightMode.Shared);
        var request = new EvaluationRequest(Biped, StandardWeights.Copy(), 3, 11, 0);
        AssertSame(new ReferenceEvaluator(2).Evaluate(batch, request), new SimdEvaluator(2).Evaluate(batch, request));
    }

    [Fact]
    public void GrownNetworks_OnTheCpuBackend_ScoreAsTheReference()
    {
        var population = SyntheticPopulation.Grow(Biped.Shape, 6, 12, 5, Enum.GetValues<ActivationFunction>());
        var batch = ProgramBatch.Compile(population, WeightMode.Shared);
        var request = new EvaluationRequest(Biped with { EpisodeLength = 400 }, StandardWeights.Copy(), 2, 3, 7);
        AssertSame(new ReferenceEvaluator(2).Evaluate(batch, request), new SimdEvaluator(2).Evaluate(batch, request));
    }

    private static void AssertSame(FitnessTable expected, FitnessTable actual)
    {
        Assert.Equal(expected.StepCount, actual.StepCount);
        for (int i = 0; i < expected.Rewards.Length; i++)
            Assert.True(BitConverter.SingleToInt32Bits(expected.Rewards[i]) == BitConverter.SingleToInt32Bits(actual.Rewards[i]),
                $"lane {i}: cpu {actual.Rewards[i]:R}, reference {expected.Rewards[i]:R}");
    }
}
