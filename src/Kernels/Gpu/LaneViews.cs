using ILGPU;

namespace Wann.Kernels.Gpu;

/// <summary>Per-lane inputs and outputs of one rollout launch.</summary>
public struct LaneViews
{
    /// <summary>Shared weight of each lane index within a genome (lane = weight index x repetitions + repetition).</summary>
    public ArrayView<float> Weight;
    /// <summary>Episode data (see <see cref="Tasks.EpisodeTable"/>): [repetition x episode size + index].</summary>
    public ArrayView<float> Episodes;
    /// <summary>Total reward per lane of this launch: [position in launch x lanesPerGenome + lane].</summary>
    public ArrayView<float> Reward;
    /// <summary>Steps each lane lasted, same layout as <see cref="Reward"/>.</summary>
    public ArrayView<int> Steps;
    /// <summary>Node values when they do not fit in shared memory: [slot x threads + thread]. Unused on the fast path.</summary>
    public ArrayView<float> Scratch;
    /// <summary>Task state slots when a task's state does not fit in registers: [slot x threads + thread]. Unused otherwise.</summary>
    public ArrayView<float> State;
    /// <summary>The queued schedule's counter (one int, zeroed before the launch): the next lane of this launch to run. Unused by the grid schedule.</summary>
    public ArrayView<int> NextLane;
}
