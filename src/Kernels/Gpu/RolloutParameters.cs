using ILGPU;

namespace Wann.Kernels.Gpu;

/// <summary>The program batch as device views (see <see cref="Wann.Engine.Programs.ProgramBatch"/> for the layout).</summary>
public struct ProgramViews
{
    public ArrayView<int> InstructionStart;
    public ArrayView<int> Activation;
    public ArrayView<int> FirstEdge;
    public ArrayView<int> EdgeCount;
    public ArrayView<int> EdgeSource;
    public ArrayView<float> EdgeScale;
    public ArrayView<int> OutputSlot;
}

/// <summary>Per-lane inputs and outputs of a rollout launch.</summary>
public struct LaneViews
{
    /// <summary>Shared weight of each lane index within a genome (lane = weight index x repetitions + repetition).</summary>
    public ArrayView<float> Weight;
    /// <summary>Start components: [component x repetitions + repetition].</summary>
    public ArrayView<float> Start;
    /// <summary>Total reward per lane: [genome x lanesPerGenome + lane], genomes counted from the chunk's first.</summary>
    public ArrayView<float> Reward;
    /// <summary>Steps each lane lasted, same layout as <see cref="Reward"/>.</summary>
    public ArrayView<int> Steps;
    /// <summary>Node values when they do not fit in shared memory: [slot x threads + thread]. Empty on the fast path.</summary>
    public ArrayView<float> Scratch;
}

/// <summary>Sizes that are constant for one launch.</summary>
public struct RolloutShape
{
    public int FirstGenome;
    public int GenomeCount;
    public int LanesPerGenome;
    /// <summary>Threads per genome: lanes rounded up to whole warps, so a warp never mixes two programs.</summary>
    public int LaneStride;
    public int Repetitions;
    public int StartComponents;
    public int EpisodeLength;
    public int InputCount;
    public int OutputCount;
}
