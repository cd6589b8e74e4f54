using Wann.Engine.Evaluation;
using Wann.Engine.Formats;
using Wann.Engine.Genomes;
using Wann.Engine.Programs;
using Wann.Engine.Tuning;

namespace Wann.Engine.Tests;

public sealed class ConditionTests
{
    private static Genome Swing() => OutMatrixFormat.Parse(File.ReadAllText(TestPaths.Reference("swing.out")), new NetworkShape(5, 1), "swing.out");

    [Fact]
    public void RandomWeights_AreUniformInPlusMinusTwo_AndDifferPerTrialAndConnection()
    {
        var all = new List<double>();
        var first = ConditionTrials.RandomWeights(52, seed: 1, trial: 0);
        Assert.Equal(first, ConditionTrials.RandomWeights(52, seed: 1, trial: 0));
        for (int t = 0; t < 400; t++)
        {
            var w = ConditionTrials.RandomWeights(52, seed: 1, trial: t);
            Assert.All(w, v => Assert.InRange(v, -2.0, 2.0));
            Assert.Equal(52, w.Distinct().Count());
            if (t > 0) Assert.NotEqual(first, w);
            all.AddRange(w);
        }
        // U(-2, 2): mean 0, variance 4/3; 20800 draws put the sample mean within ±0.05 and variance within ±0.06 (about 4 sd).
        double mean = all.Average(), variance = all.Sum(v => (v - mean) * (v - mean)) / (all.Count - 1);
        Assert.InRange(mean, -0.05, 0.05);
        Assert.InRange(variance, 4.0 / 3 - 0.06, 4.0 / 3 + 0.06);
        Assert.True(all.Min() < -1.99 && all.Max() > 1.99);
    }

    [Fact]
    public void RandomShared_IsOneWeightPerTrial_InRange_AndTrialsAreUncorrelated()
    {
        var w = Enumerable.Range(0, 2000).Select(t => (double)ConditionTrials.RandomShared(seed: 7, trial: t)).ToArray();
        Assert.All(w, v => Assert.InRange(v, -2.0, 2.0));
        double mean = w.Average();
        double lag1 = Enumerable.Range(0, w.Length - 1).Sum(t => (w[t] - mean) * (w[t + 1] - mean)) / w.Sum(v => (v - mean) * (v - mean));
        Assert.InRange(lag1, -0.1, 0.1); // independent draws: |r| < 0.1 is 4.5 sd at n = 2000
        Assert.NotEqual(w, Enumerable.Range(0, 2000).Select(t => (double)ConditionTrials.RandomShared(seed: 8, trial: t)).ToArray());
    }

    [Fact]
    public void TunableConnections_ProgramEqualsTheCompiledGenomeWithThoseWeights()
    {
        var genome = Swing();
        var connections = new TunableConnections(genome);
        Assert.Equal(genome.EnabledConnectionCount, connections.Count);
        var weights = ConditionTrials.RandomWeights(connections.Count, 3, 0);
        var swapped = connections.Program(weights);
        var compiled = ProgramCompiler.Compile(connections.Genome(weights), WeightMode.Stored);
        Assert.Equal(compiled.EdgeSource, swapped.EdgeSource);
        Assert.Equal(compiled.EdgeScale, swapped.EdgeScale);
        Assert.Equal(compiled.Activation, swapped.Activation);
        Assert.Equal(compiled.OutputSlot, swapped.OutputSlot);
    }

    [Theory]
    [InlineData("random-weights", ConditionKind.RandomWeights, 0f)]
    [InlineData("random-shared", ConditionKind.RandomShared, 0f)]
    [InlineData("shared:-1.5", ConditionKind.Shared, -1.5f)]
    [InlineData("Tuned-Shared", ConditionKind.TunedShared, 0f)]
    [InlineData("stored", ConditionKind.Stored, 0f)]
    public void Condition_ParsesEveryForm(string text, ConditionKind kind, float weight)
    {
        var condition = Condition.Parse(text, "--condition");
        Assert.Equal(kind, condition.Kind);
        Assert.Equal(weight, condition.Weight);
    }

    [Theory]
    [InlineData("random")]
    [InlineData("shared:")]
    [InlineData("shared:abc")]
    [InlineData("shared:nan")]
    public void Condition_RejectsBadText_NamingTheFlag(string text) =>
        Assert.StartsWith("--condition:", Assert.Throws<WannException>(() => Condition.Parse(text, "--condition")).Message);

    [Fact]
    public void TuningCheckpoint_RoundTripsTheOptimizerExactly()
    {
        var pepg = new Pepg(4, new PepgSettings(), 3);
        for (int g = 0; g < 3; g++) pepg.Tell(pepg.Ask().Select(x => x.Sum()).ToArray());
        var state = new TuningState(0.78f, pepg, new[] { 0.1, -0.2, 1.0 / 3, 4e-17 }, 812.5, 2);
        var settings = new WeightTuningSettings { Population = 64 };
        string text = TuningCheckpointFormat.Format(new TuningCheckpointFormat.Checkpoint("{}", "swingup", "weights", 9, settings, 0.78f, state));
        var back = TuningCheckpointFormat.Parse(text, "c.json");
        Assert.Equal(state.Best, back.State!.Best);
        Assert.Equal(812.5, back.State.BestScore);
        Assert.Equal(pepg.Ask(), back.State.Optimizer.Ask());
        Assert.Equal(0.78f, back.SharedWeight);
        Assert.Contains("checksum", Assert.Throws<WannException>(() => TuningCheckpointFormat.Parse(text.Replace("812.5", "912.5"), "c.json")).Message);
    }
}
