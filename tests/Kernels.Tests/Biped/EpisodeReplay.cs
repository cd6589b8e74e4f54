using Wann.Kernels.Tasks.Biped;

namespace Wann.Kernels.Tests.Biped;

/// <summary>Open-loop replay of a recorded episode: its actions on its terrain and push, compared step by step.</summary>
public static class EpisodeReplay
{
    /// <summary>Outcome: how many steps (from the reset step on) matched bit for bit, and the first difference.</summary>
    public sealed record Result(int MatchingSteps, int TotalSteps, string? FirstDifference, int MaxContacts = 0, long ToiEvents = 0);

    /// <summary>Replays <paramref name="episode"/> and stops at the first step that differs in any recorded value.</summary>
    public static Result Run(BipedRecordedEpisode episode)
    {
        var walker = new BipedWalker();
        var obs = new double[BipedConstants.ObservationCount];
        int maxContacts = 0;
        for (int k = 0; k < episode.Steps.Length; ++k)
        {
            BipedRecordedStep rec = episode.Steps[k];
            double reward = 0;
            bool done = false;
            if (k == 0) walker.Reset(episode.Terrain, episode.InitialForceX, obs);
            else done = walker.Step(rec.Action, obs, out reward);
            maxContacts = Math.Max(maxContacts, walker.World.Contacts.ContactCount);
            string? diff = Compare(k, rec, obs, reward, done, walker.HullPosition.X, walker.HullPosition.Y);
            if (diff is not null) return new Result(k, episode.Steps.Length, diff, maxContacts, walker.World.ToiEvents);
        }
        return new Result(episode.Steps.Length, episode.Steps.Length, null, maxContacts, walker.World.ToiEvents);
    }

    private static string? Compare(int k, BipedRecordedStep rec, double[] obs, double reward, bool done, float hullX, float hullY)
    {
        for (int i = 0; i < obs.Length; ++i)
            if (!Same(obs[i], rec.Observation[i])) return $"step {k}: obs[{i}] = {obs[i]:R}, recorded {rec.Observation[i]:R}";
        if (k > 0 && !Same(reward, rec.Reward)) return $"step {k}: reward = {reward:R}, recorded {rec.Reward:R}";
        if (k > 0 && done != rec.Done) return $"step {k}: done = {done}, recorded {rec.Done}";
        if (!Same(hullX, rec.HullX) || !Same(hullY, rec.HullY)) return $"step {k}: hull = ({hullX:R}, {hullY:R}), recorded ({rec.HullX:R}, {rec.HullY:R})";
        return null;
    }

    private static bool Same(double a, double b) => BitConverter.DoubleToInt64Bits(a) == BitConverter.DoubleToInt64Bits(b);
}
