namespace Wann.Kernels.Cpu;

/// <summary>
/// Keeps a SIMD rollout's vectors full: when the lanes still running fit in fewer vectors, ended lanes hand
/// in their results and the running ones (task state included, slot by slot) move to the front vectors.
/// </summary>
internal static class LaneRepacker
{
    /// <summary>Writes the reward and step count of lanes in vectors [0, active) to their original positions (only ended lanes, or all).</summary>
    public static void HandIn(RolloutScratch scratch, int active, bool onlyEnded)
    {
        int width = VectorLane.Count;
        Span<float> reward = stackalloc float[width], steps = stackalloc float[width], alive = stackalloc float[width];
        for (int b = 0; b < active; b++)
        {
            scratch.Reward[b].Store(reward);
            scratch.Steps[b].Store(steps);
            scratch.Alive[b].Store(alive);
            for (int i = 0; i < width; i++)
            {
                int lane = scratch.Origin[b * width + i];
                if (lane < 0 || (onlyEnded && alive[i] != 0f)) continue;
                scratch.LaneBuffer[lane] = reward[i];
                scratch.StepBuffer[lane] = steps[i];
            }
        }
    }

    /// <summary>Moves the <paramref name="running"/> lanes still in an episode to the front vectors; returns the new vector count.</summary>
    public static int Repack(RolloutScratch scratch, int active, int running)
    {
        HandIn(scratch, active, onlyEnded: true);
        int width = VectorLane.Count, slots = scratch.StateSize;
        var staging = scratch.Staging;
        int reward = slots, steps = slots + 1, alive = slots + 2, weight = slots + 3;
        for (int b = 0; b < active; b++)
        {
            var at = new Range(b * width, (b + 1) * width);
            for (int s = 0; s < slots; s++) scratch.States[b * slots + s].Store(staging[s].AsSpan(at));
            scratch.Reward[b].Store(staging[reward].AsSpan(at));
            scratch.Steps[b].Store(staging[steps].AsSpan(at));
            scratch.Alive[b].Store(staging[alive].AsSpan(at));
            scratch.Weight[b].Store(staging[weight].AsSpan(at));
        }
        // Stable compaction of running lanes, in place: a lane only ever moves to a lower position.
        int next = 0;
        for (int l = 0; l < active * width; l++)
        {
            if (scratch.Origin[l] < 0 || staging[alive][l] == 0f) continue;
            for (int f = 0; f < staging.Length; f++) staging[f][next] = staging[f][l];
            scratch.Origin[next++] = scratch.Origin[l];
        }
        int packed = (running + width - 1) / width;
        for (int l = next; l < packed * width; l++)
        {
            for (int f = 0; f < staging.Length; f++) staging[f][l] = 0f;
            scratch.Origin[l] = -1;
        }
        for (int b = 0; b < packed; b++)
        {
            var at = new Range(b * width, (b + 1) * width);
            for (int s = 0; s < slots; s++) scratch.States[b * slots + s] = VectorLane.Load(staging[s].AsSpan(at));
            scratch.Reward[b] = VectorLane.Load(staging[reward].AsSpan(at));
            scratch.Steps[b] = VectorLane.Load(staging[steps].AsSpan(at));
            scratch.Alive[b] = VectorLane.Load(staging[alive].AsSpan(at));
            scratch.Weight[b] = VectorLane.Load(staging[weight].AsSpan(at));
        }
        return packed;
    }
}
