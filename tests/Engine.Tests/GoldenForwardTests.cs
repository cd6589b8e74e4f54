using Wann.Engine.Formats;
using Wann.Engine.Genomes;
using Wann.Engine.Programs;

namespace Wann.Engine.Tests;

/// <summary>
/// The reference interpreter on the original champions, against a double-precision forward pass
/// (<see cref="DoubleReference"/>) in units in the last place, and that double pass against the outputs of the
/// original release's own code (tests/golden/make_golden.py runs its act() in float64 on the champions).
/// </summary>
public sealed class GoldenForwardTests
{
    /// <param name="ulpBound">
    /// The float interpreter's largest distance from the double pass over the 16 golden rows, as measured (rounded
    /// up): errors of early nodes grow through deep networks and where sums cancel near 0 (biped at w = 1: 300).
    /// </param>
    [Theory]
    [InlineData("swing", 5, 1, "w1", 1f, false, 32)]
    [InlineData("swing", 5, 1, "wm1.5", -1.5f, false, 8)]
    [InlineData("swing", 5, 1, "stored", 1f, true, 16)]
    [InlineData("biped", 24, 4, "w1", 1f, false, 512)]
    [InlineData("biped", 24, 4, "wm1.5", -1.5f, false, 64)]
    [InlineData("biped", 24, 4, "stored", 1f, true, 16)]
    [InlineData("racer", 16, 3, "w1", 1f, false, 256)]
    [InlineData("racer", 16, 3, "wm1.5", -1.5f, false, 128)]
    [InlineData("racer", 16, 3, "stored", 1f, true, 64)]
    public void Champion_IsWithinUlpsOfTheDoublePass_WhichMatchesTheOriginalCode(string net, int nIn, int nOut, string label, float weight, bool stored, long ulpBound)
    {
        var genome = OutMatrixFormat.Parse(File.ReadAllText(TestPaths.Reference(net + ".out")), new NetworkShape(nIn, nOut), net);
        var program = ProgramCompiler.Compile(genome, stored ? WeightMode.Stored : WeightMode.Shared);
        var inputs = GoldenCsv.ReadDoubles(TestPaths.Golden($"forward-{net}-inputs.csv"));
        var original = GoldenCsv.ReadDoubles(TestPaths.Golden($"forward-{net}-{label}.csv"));
        Assert.Equal(16, inputs.Length);
        // The original's values are float64 throughout; ours read its stored weights into float32, which moves
        // the stored-weight outputs by up to 1.4e-5 relative (racer); shared weights are exact in float32.
        double agreement = stored ? 2e-5 : 1e-12;
        for (int row = 0; row < inputs.Length; row++)
        {
            var exact = DoubleReference.Forward(program, inputs[row], weight);
            var floatInputs = inputs[row].Select(v => (float)v).ToArray();
            var exactOnFloatInputs = DoubleReference.Forward(program, floatInputs.Select(v => (double)v).ToArray(), weight);
            var actual = ReferenceInterpreter.Evaluate(program, floatInputs, weight);
            for (int o = 0; o < nOut; o++)
            {
                double expected = original[row][o];
                Assert.True(Math.Abs(exact[o] - expected) <= agreement * Math.Max(Math.Abs(expected), 1e-2),
                    $"{net} {label} row {row} output {o}: double pass {exact[o]:R}, original {expected:R}");
                long ulps = Ulps.FromExact(actual[o], exactOnFloatInputs[o]);
                Assert.True(ulps <= ulpBound, $"{net} {label} row {row} output {o}: {actual[o]:R}, double pass {exactOnFloatInputs[o]:R}: {ulps} ulps (bound {ulpBound})");
            }
        }
    }
}
