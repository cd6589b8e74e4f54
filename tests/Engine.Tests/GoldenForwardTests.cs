using Wann.Engine.Formats;
using Wann.Engine.Genomes;
using Wann.Engine.Programs;

namespace Wann.Engine.Tests;

/// <summary>
/// The reference interpreter against outputs computed by the original release's own code
/// (tests/golden/make_golden.py runs its act() on the champions).
/// </summary>
public sealed class GoldenForwardTests
{
    [Theory]
    [InlineData("swing", 5, 1, "w1", 1f, false)]
    [InlineData("swing", 5, 1, "wm1.5", -1.5f, false)]
    [InlineData("swing", 5, 1, "stored", 1f, true)]
    [InlineData("biped", 24, 4, "w1", 1f, false)]
    [InlineData("biped", 24, 4, "wm1.5", -1.5f, false)]
    [InlineData("biped", 24, 4, "stored", 1f, true)]
    [InlineData("racer", 16, 3, "w1", 1f, false)]
    [InlineData("racer", 16, 3, "wm1.5", -1.5f, false)]
    [InlineData("racer", 16, 3, "stored", 1f, true)]
    public void Champion_MatchesTheOriginalCode(string net, int nIn, int nOut, string label, float weight, bool stored)
    {
        var genome = OutMatrixFormat.Parse(File.ReadAllText(TestPaths.Reference(net + ".out")), new NetworkShape(nIn, nOut), net);
        var program = ProgramCompiler.Compile(genome, stored ? WeightMode.Stored : WeightMode.Shared);
        var inputs = GoldenCsv.Read(TestPaths.Golden($"forward-{net}-inputs.csv"));
        var expected = GoldenCsv.Read(TestPaths.Golden($"forward-{net}-{label}.csv"));
        Assert.Equal(16, inputs.Length);
        for (int row = 0; row < inputs.Length; row++)
        {
            var actual = ReferenceInterpreter.Evaluate(program, inputs[row], weight);
            for (int o = 0; o < nOut; o++)
            {
                double tolerance = 1e-3 * Math.Max(Math.Abs(expected[row][o]), 1e-2);
                Assert.True(Math.Abs(actual[o] - expected[row][o]) <= tolerance,
                    $"{net} {label} row {row} output {o}: {actual[o]} vs original {expected[row][o]}");
            }
        }
    }
}
