using System.Globalization;
using Wann.Engine.Evaluation;
using Wann.Engine.Formats;
using Wann.Engine.Programs;
using Wann.Kernels.Cpu;
using Wann.Kernels.Tasks;

namespace Wann.Kernels.Tests;

/// <summary>
/// The original swing-up champion, scored by our backend and by the original release's own code
/// (tests/golden/swingup-champion-scores.csv, 300 episodes per weight): the means must agree within
/// sampling error, since the two use different random start states from the same distribution.
/// </summary>
public sealed class GoldenEpisodeTests
{
    [Fact]
    public void SwingUpChampion_ScoresLikeTheOriginalAtEveryStandardWeight()
    {
        var genome = OutMatrixFormat.Parse(File.ReadAllText(TestPaths.Reference("swing.out")), CartPoleSwingUp.Spec.Shape, "swing.out");
        var golden = File.ReadAllLines(TestPaths.Golden("swingup-champion-scores.csv")).Skip(1)
            .Select(l => l.Split(',').Select(c => double.Parse(c, CultureInfo.InvariantCulture)).ToArray()).ToArray();
        var weights = golden.Select(g => (float)g[0]).ToArray();
        const int episodes = 300;
        var batch = ProgramBatch.CompileOne(genome, WeightMode.Shared);
        var table = new SimdEvaluator().Evaluate(batch, new EvaluationRequest(CartPoleSwingUp.Spec, weights, episodes, 2026, 0));
        for (int w = 0; w < weights.Length; w++)
        {
            var rewards = Enumerable.Range(0, episodes).Select(r => (double)table.Reward(0, w, r)).ToArray();
            double mean = MathNet.Numerics.Statistics.Statistics.Mean(rewards);
            double sd = MathNet.Numerics.Statistics.Statistics.StandardDeviation(rewards);
            double standardError = Math.Sqrt(sd * sd / episodes + golden[w][3] * golden[w][3] / golden[w][1]);
            // Four standard errors of the difference, plus 0.5 for float vs double rounding.
            Assert.True(Math.Abs(mean - golden[w][2]) <= 4 * standardError + 0.5,
                $"weight {weights[w]}: ours {mean:F2}, original {golden[w][2]:F2}, standard error {standardError:F2}");
        }
    }
}
