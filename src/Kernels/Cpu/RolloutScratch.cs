using Wann.Kernels.Tasks;

namespace Wann.Kernels.Cpu;

/// <summary>One thread's reusable buffers for rollouts, sized for the largest program of the batch and the task's state.</summary>
internal sealed class RolloutScratch
{
    public RolloutScratch(int maxNodes, int blocks, int stateSize)
    {
        int lanes = blocks * VectorLane.Count;
        StateSize = stateSize;
        Values = new AlignedLanes(maxNodes * blocks);
        Reward = new VectorLane[blocks];
        Steps = new VectorLane[blocks];
        Alive = new VectorLane[blocks];
        Weight = new VectorLane[blocks];
        States = new PinnedLanes(blocks * stateSize);
        Origin = new int[lanes];
        EpisodeOffset = new int[lanes];
        Staging = Enumerable.Range(0, stateSize + LaneFields).Select(_ => new float[lanes]).ToArray();
        StepBuffer = new float[lanes];
        LaneBuffer = new float[lanes];
    }

    /// <summary>Per-lane fields besides the task's state that move with a lane: reward, steps, alive, weight.</summary>
    public const int LaneFields = 4;

    public readonly int StateSize;
    public readonly AlignedLanes Values;
    public readonly VectorLane[] Reward, Steps, Alive, Weight;
    /// <summary>Task state of vector b: [b x StateSize + slot].</summary>
    public readonly PinnedLanes States;
    /// <summary>Item-local lane index that each current lane position holds; -1 for padding.</summary>
    public readonly int[] Origin;
    /// <summary>Where the episode data of the repetition each current lane position runs starts (see <see cref="VectorEpisode"/>).</summary>
    public readonly int[] EpisodeOffset;
    /// <summary>Per-lane staging for repacking: the state slots, then reward, steps, alive, weight.</summary>
    public readonly float[][] Staging;
    public readonly float[] StepBuffer, LaneBuffer;
    public long StepCount;

    public VectorState StateOf(int block) => new(States, block * StateSize, StateSize);

    /// <summary>
    /// The repetition the lane at <paramref name="position"/> runs: its origin's, counted from the work item's
    /// first lane <paramref name="laneBase"/>. Padding lanes (origin -1) read repetition 0: they never count.
    /// </summary>
    public static int RepetitionAt(int[] origin, int position, int laneBase, int repetitions)
    {
        int lane = origin[position];
        return lane < 0 ? 0 : (laneBase + lane) % repetitions;
    }

    /// <summary>Recomputes <see cref="EpisodeOffset"/> for lane positions [0, <paramref name="positions"/>) from their origins.</summary>
    public void UpdateEpisodeOffsets(EpisodeTable episodes, int laneBase, int positions)
    {
        for (int p = 0; p < positions; p++)
            EpisodeOffset[p] = episodes.OffsetOf(RepetitionAt(Origin, p, laneBase, episodes.Repetitions));
    }

    /// <summary>The episode view of vector <paramref name="block"/>.</summary>
    public VectorEpisode EpisodeOf(EpisodeTable episodes, int block) => new(episodes.Values, EpisodeOffset, block * VectorLane.Count);

    private LaneByLane? _laneByLane;

    /// <summary>This thread's lane-by-lane stepper for scalar-physics tasks, made on first use.</summary>
    public LaneByLane LaneByLane(int columns) => _laneByLane ??= new LaneByLane(StateSize, columns);
}
