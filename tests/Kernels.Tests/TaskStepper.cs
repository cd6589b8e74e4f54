using Wann.Engine.Lanes;
using Wann.Kernels.Reference;
using Wann.Kernels.Tasks;

namespace Wann.Kernels.Tests;

/// <summary>One lane of a task on the reference path, stepped by hand: reset from given episode data, then step and observe.</summary>
internal sealed class TaskStepper<TTask> where TTask : struct, IRolloutTask
{
    private readonly TTask _task;
    private readonly float[] _slots;
    private readonly ScalarEpisode _episode;

    /// <param name="episode">The episode data (start values); missing trailing components are 0.</param>
    public TaskStepper(TTask task, params float[] episode)
    {
        _task = task;
        _slots = new float[task.StateSize];
        var values = new float[Math.Max(1, task.EpisodeSize)];
        episode.AsSpan(0, Math.Min(episode.Length, values.Length)).CopyTo(values);
        _episode = new ScalarEpisode(EpisodeTable.FromValues(1, task.EpisodeSize, values), 0);
        var state = new ScalarState(_slots);
        task.Reset<FloatLane, ScalarState, ScalarEpisode>(ref state, _episode);
    }

    /// <summary>State slot <paramref name="slot"/> as the task numbers it.</summary>
    public float this[int slot] => _slots[slot];

    public FloatLane Step(TaskOutputs<FloatLane> outputs, out FloatLane done)
    {
        var state = new ScalarState(_slots);
        return _task.Step(ref state, _episode, outputs, out done);
    }

    public FloatLane Observe(int index)
    {
        var state = new ScalarState(_slots);
        return _task.Observation<FloatLane, ScalarState, ScalarEpisode>(ref state, _episode, index);
    }

    /// <summary>Component <paramref name="component"/> of the episode data the task writes for a key.</summary>
    public static float EpisodeValue(TTask task, ulong seed, long generation, int repetition, int component)
    {
        var values = new float[task.EpisodeSize];
        task.WriteEpisode(seed, generation, repetition, values);
        return values[component];
    }
}

/// <summary>Network outputs for a task step, from plain floats.</summary>
internal static class TaskOutputsOf
{
    public static TaskOutputs<FloatLane> Values(params float[] values)
    {
        var outputs = new TaskOutputs<FloatLane>();
        for (int i = 0; i < values.Length; i++) outputs.Set(i, new FloatLane(values[i]));
        return outputs;
    }
}
