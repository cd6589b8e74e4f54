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
        States = new VectorLane[blocks * stateSize];
        Origin = new int[lanes];
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
    public readonly VectorLane[] States;
    /// <summary>Item-local lane index that each current lane position holds; -1 for padding.</summary>
    public readonly int[] Origin;
    /// <summary>Per-lane staging for repacking: the state slots, then reward, steps, alive, weight.</summary>
    public readonly float[][] Staging;
    public readonly float[] StepBuffer, LaneBuffer;
    public long StepCount;

    public VectorState StateOf(int block) => new(States, block * StateSize);

    /// <summary>
    /// The repetition the lane at <paramref name="position"/> runs: its origin's, counted from the work item's
    /// first lane <paramref name="laneBase"/>. Padding lanes (origin -1) read repetition 0: they never count.
    /// </summary>
    public static int RepetitionAt(int[] origin, int position, int laneBase, int repetitions)
    {
        int lane = origin[position];
        return lane < 0 ? 0 : (laneBase + lane) % repetitions;
    }

    private LaneByLane? _laneByLane;

    /// <summary>This thread's lane-by-lane stepper for scalar-physics tasks, made on first use.</summary>
    public LaneByLane LaneByLane(int columns) => _laneByLane ??= new LaneByLane(StateSize, columns);
}
