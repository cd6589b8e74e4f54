namespace Wann.Kernels.Gpu;

/// <summary>How a rollout launch hands lanes to GPU threads; both give the same bits for every lane.</summary>
public enum GpuSchedule
{
    /// <summary>One thread a lane: a launch covers every lane, and a warp runs until its longest episode ends.</summary>
    Grid,

    /// <summary>
    /// Persistent threads: a launch of about as many threads as the device keeps resident, each taking the next lane
    /// from a counter when its episode ends, so threads whose episodes end early run further lanes instead of idling.
    /// </summary>
    Queue,
}
