using Wann.Kernels.Tasks.Biped;
using Xunit.Abstractions;

namespace Wann.Kernels.Tests.Biped;

/// <summary>The exact Box2D port against the twelve episodes recorded with pybox2d 2.3.10 (tests/golden/bipedal-walker).</summary>
public sealed class BipedGoldenEpisodeTests(ITestOutputHelper output)
{
    public static TheoryData<string> Episodes => new(GoldenEpisode.Names);

    [Theory]
    [MemberData(nameof(Episodes))]
    public void Replay_ReproducesEveryRecordedStep_BitForBit(string name)
    {
        BipedRecordedEpisode episode = GoldenEpisode.Load(name);
        EpisodeReplay.Result result = EpisodeReplay.Run(episode);
        output.WriteLine($"{name}: {result.MatchingSteps} of {result.TotalSteps} steps exact; {result.FirstDifference ?? "no difference"}");
        Assert.True(result.FirstDifference is null, $"{name}: {result.MatchingSteps} of {result.TotalSteps} steps exact; first difference {result.FirstDifference}");
    }
}
