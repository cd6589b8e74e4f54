using Wann.Kernels.Tasks;

namespace Wann.Kernels.Cpu;

/// <summary>
/// Episode data for one vector of lanes, gathered per lane from the repetition that lane runs. Lanes move
/// between vectors when they are repacked, so the view reads each lane's origin rather than its position.
/// </summary>
public readonly struct VectorEpisode(EpisodeTable table, int[] origin, int firstPosition, int laneBase) : IEpisodeView<VectorLane>
{
    public VectorLane this[int index]
    {
        get
        {
            int width = VectorLane.Count;
            Span<float> gathered = stackalloc float[width];
            for (int i = 0; i < width; i++)
                gathered[i] = table.Values[table.OffsetOf(RolloutScratch.RepetitionAt(origin, firstPosition + i, laneBase, table.Repetitions)) + index];
            return VectorLane.Load(gathered);
        }
    }
}
