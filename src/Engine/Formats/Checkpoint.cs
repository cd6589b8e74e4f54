using Wann.Engine.Config;
using Wann.Engine.Search;

namespace Wann.Engine.Formats;

/// <summary>Everything a stopped search needs to continue exactly: its settings, seed and state.</summary>
public sealed record Checkpoint(Hyperparameters Settings, ulong Seed, SearchState State)
{
    /// <summary>
    /// A copy that the search can run on from while it is written elsewhere: counters and random state are
    /// copied; the population and best genomes are shared, since the search never changes a genome of a
    /// past generation (breeding clones before it mutates).
    /// </summary>
    public static Checkpoint Snapshot(Hyperparameters settings, ulong seed, SearchState state) =>
        new(settings, seed, new SearchState(state.Generation, state.Population,
            new InnovationCounter(state.Counter.NextNodeId, state.Counter.NextInnovation),
            Randomness.SeededRandom.FromState(state.Random.State), state.Best));
}
