using System.Diagnostics;

namespace Wann.Host.Runs;

/// <summary>
/// When train writes a checkpoint: every <c>seconds</c> of wall time (the default, so the cost stays a
/// small share of the run whatever the population) and, if asked, every <c>generations</c> generations;
/// always after the last generation and when the run is asked to stop.
/// </summary>
public sealed class CheckpointSchedule
{
    private readonly int? _generations;
    private readonly double _seconds;
    private readonly Stopwatch _sinceLast = Stopwatch.StartNew();

    public CheckpointSchedule(int? generations, double seconds)
    {
        _generations = generations;
        _seconds = seconds;
    }

    /// <summary>Whether to checkpoint now that <paramref name="generation"/> generations are done.</summary>
    public bool IsDue(long generation, bool last)
    {
        bool due = last
            || (_generations is { } every && generation % every == 0)
            || _sinceLast.Elapsed.TotalSeconds >= _seconds;
        if (due) _sinceLast.Restart();
        return due;
    }
}
