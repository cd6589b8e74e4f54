using Wann.Engine.Evaluation;
using Wann.Engine.Lanes;

namespace Wann.Engine.Tests;

/// <summary>The float classification score of a row (the rule every backend computes) against the double host formulas it replaced.</summary>
public sealed class SoftmaxScoreTests
{
    private readonly struct Row(float[] outputs) : IClassRow<FloatLane>
    {
        public FloatLane Output(int k) => new(outputs[k]);
    }

    private static (float Loss, float Correct) Score(float[] outputs, int label)
    {
        SoftmaxScore.Of(new Row(outputs), outputs.Length, new FloatLane(label), out var loss, out var correct);
        return (loss.Value, correct.Value);
    }

    [Fact]
    public void Loss_AgreesWithTheDoubleFormula_AndCorrect_WithArgMax()
    {
        var random = new Random(3);
        for (int t = 0; t < 5000; t++)
        {
            int classes = 1 + random.Next(12);
            float scale = MathF.ScaleB(1f, random.Next(-8, 8));
            var outputs = Enumerable.Range(0, classes).Select(_ => (float)(random.NextDouble() * 2 - 1) * scale).ToArray();
            if (t % 7 == 0) outputs[random.Next(classes)] = outputs[random.Next(classes)];   // ties
            int label = random.Next(classes);
            var (loss, correct) = Score(outputs, label);
            double expected = Scoring.CrossEntropy(outputs, label);
            Assert.True(Math.Abs(loss - expected) <= 1e-6 + 4e-6 * Math.Abs(expected), $"loss {loss:R}, double {expected:R}");
            Assert.Equal(Scoring.ArgMax(outputs) == label ? 1f : 0f, correct);
        }
    }

    [Fact]
    public void NonFiniteOutputs_GiveWhatTheDoubleFormulaGives()
    {
        float nan = float.NaN, inf = float.PositiveInfinity;
        foreach (var outputs in new[] { new[] { nan, 1f, 2f }, new[] { 1f, nan, 2f }, new[] { 1f, inf, 2f }, new[] { -inf, -inf, -inf }, new[] { nan, nan, nan } })
            for (int label = 0; label < 3; label++)
            {
                var (loss, correct) = Score(outputs, label);
                Assert.True(float.IsNaN(loss), $"{string.Join(",", outputs)} label {label}: {loss}");
                Assert.True(double.IsNaN(Scoring.CrossEntropy(outputs, label)));
                Assert.Equal(Scoring.ArgMax(outputs) == label ? 1f : 0f, correct);
            }
        // A class the network rules out completely costs an infinite loss, as in double.
        Assert.Equal(float.PositiveInfinity, Score(new[] { 0f, -inf, 1f }, 1).Loss);
        Assert.Equal(0f, Score(new[] { 0f, -inf, 1f }, 1).Correct);
    }

    [Fact]
    public void MeanOf_AddsInRowOrder_InFloat()
    {
        var losses = new[] { 1e8f, 1f, -1e8f, 3f };
        Assert.Equal((((0f + 1e8f) + 1f) + -1e8f + 3f) / 4f, ClassScores.MeanOf(losses));
        Assert.Equal(0.75f, ClassScores.MeanOf(losses));
    }

    [Fact]
    public void FromOutputs_ScoresEachGenomeAndWeight()
    {
        // Two genomes x two weights x two rows x three classes.
        var outputs = new float[] { 0, 0, 5, 5, 0, 0, /**/ 1, 2, 3, 3, 2, 1, /**/ 0, 0, 0, 0, 0, 0, /**/ 9, 0, 0, 0, 9, 0 };
        var scores = ClassScores.FromOutputs(outputs, 2, 2, new[] { 2, 0 }, 3);
        Assert.Equal(new[] { 2, 2, 1, 0 }, scores.Correct);   // all-equal outputs predict the first class
        Assert.Equal(2, scores.Rows);
        Assert.Equal(ClassScores.MeanOf(new[] { Score(new[] { 1f, 2f, 3f }, 2).Loss, Score(new[] { 3f, 2f, 1f }, 0).Loss }), scores.MeanLoss[1]);
        Assert.Equal(MathF.Log(3f), scores.MeanLoss[2], 6);
    }
}
