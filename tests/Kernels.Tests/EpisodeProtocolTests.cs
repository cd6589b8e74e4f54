using Wann.Engine.Lanes;
using Wann.Kernels.Tasks;

namespace Wann.Kernels.Tests;

public class EpisodeProtocolTests
{
    [Fact]
    public void Count_TakesTheStepThatEndsTheEpisode_AndNothingAfterIt()
    {
        var tally = EpisodeTally<FloatLane>.Start(FloatLane.True);
        EpisodeProtocol.Count(ref tally, new FloatLane(1.5f), done: FloatLane.False);
        EpisodeProtocol.Count(ref tally, new FloatLane(2f), done: FloatLane.True);
        EpisodeProtocol.Count(ref tally, new FloatLane(100f), done: FloatLane.False);
        Assert.Equal(3.5f, tally.Reward.Value);
        Assert.Equal(2f, tally.Steps.Value);
        Assert.False(FloatLane.Any(tally.Alive));
    }

    [Fact]
    public void Count_LeavesAPaddingLane_AtZero()
    {
        var tally = EpisodeTally<FloatLane>.Start(FloatLane.False);
        EpisodeProtocol.Count(ref tally, new FloatLane(7f), done: FloatLane.False);
        Assert.Equal(0f, tally.Reward.Value);
        Assert.Equal(0f, tally.Steps.Value);
    }
}
