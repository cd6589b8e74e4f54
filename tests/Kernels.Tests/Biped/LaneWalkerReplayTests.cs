using Wann.Kernels.Tasks.Biped.Lanes;
using Xunit.Abstractions;

namespace Wann.Kernels.Tests.Biped;

/// <summary>The lane-generic walker (the registered task's physics) against the twelve recorded episodes, open loop.</summary>
public sealed class LaneWalkerReplayTests(ITestOutputHelper output)
{
    public static TheoryData<string> Episodes => new(GoldenEpisode.Names);

    [Theory]
    [MemberData(nameof(Episodes))]
    public void WithGlibcTrig_ReplaysTheRecording(string name)
    {
        var episode = GoldenEpisode.Load(name);
        var r = LaneReplay<GlibcTrig>.Run(episode);
        output.WriteLine(r.ToString());
        Assert.Equal(-1, r.FirstBodyDifference);
        Assert.Equal(-1, r.FirstHullDifference);
        Assert.Equal(-1, r.FirstDoneDifference);
        Assert.Equal(episode.Steps.Length, r.Steps);
    }

    [Theory]
    [MemberData(nameof(Episodes))]
    public void WithLaneTrig_Diagnose(string name)
    {
        var r = LaneReplay<LaneTrig>.Run(GoldenEpisode.Load(name));
        output.WriteLine(r.ToString());
    }
}
