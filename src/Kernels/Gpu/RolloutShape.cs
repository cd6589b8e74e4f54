namespace Wann.Kernels.Gpu;

/// <summary>Sizes that are constant for one rollout launch.</summary>
public struct RolloutShape
{
    /// <summary>Launch position of this launch's first genome (an index into <see cref="ProgramViews.Order"/>).</summary>
    public int FirstPosition;
    public int GenomeCount;
    public int LanesPerGenome;
    /// <summary>Threads per genome: lanes rounded up to whole warps, so a warp never mixes two programs.</summary>
    public int LaneStride;
    public int Repetitions;
    /// <summary>Floats of episode data per repetition.</summary>
    public int EpisodeSize;
    /// <summary>Slots of task state per lane (cleared before Reset where they live in a buffer).</summary>
    public int StateSize;
    public int EpisodeLength;
    public int InputCount;
    public int OutputCount;
}
