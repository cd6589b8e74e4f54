using Wann.Kernels.Tasks.Biped;
using Xunit.Abstractions;

namespace Wann.Kernels.Tests.Biped;

/// <summary>The exact Box2D port against the twelve episodes recorded with pybox2d 2.3.10 (tests/golden/bipedal-walker).</summary>
public sealed class BipedGoldenEpisodeTests(ITestOutputHelper output)
{
    public static TheoryData<string> Episodes => new(GoldenEpisode.Names);

    // Time-of-impact sub-steps Box2D performed in each episode, counted by the shelf's replay program built
    // with -DCOUNT_TOI (shared/reference/bipedal-walker/README.md, "CCD (TOI) events").
    private static readonly Dictionary<string, long> RecordedToiEvents = new()
    {
        ["champion_w-2_seed0"] = 161, ["champion_w-2_seed1"] = 179, ["champion_w-2_seed2"] = 105,
        ["champion_w-2_seed3"] = 178, ["champion_w-2_seed4"] = 169, ["champion_w-2_seed5"] = 156,
        ["random_seed10"] = 22, ["random_seed11"] = 39, ["random_seed12"] = 13,
        ["champion_w-1_seed20"] = 88, ["champion_w-1_seed21"] = 51, ["champion_w-1_seed22"] = 138,
    };

    [Theory]
    [MemberData(nameof(Episodes))]
    public void Replay_ReproducesEveryRecordedStep_BitForBit(string name)
    {
        BipedRecordedEpisode episode = GoldenEpisode.Load(name);
        EpisodeReplay.Result result = EpisodeReplay.Run(episode);
        output.WriteLine($"{name}: {result.MatchingSteps} of {result.TotalSteps} steps exact; {result.FirstDifference ?? "no difference"}; " +
            $"at most {result.MaxContacts} contacts at once, {result.ToiEvents} TOI events");
        Assert.True(result.FirstDifference is null, $"{name}: {result.MatchingSteps} of {result.TotalSteps} steps exact; first difference {result.FirstDifference}");
        Assert.Equal(RecordedToiEvents[name], result.ToiEvents);
    }
}
