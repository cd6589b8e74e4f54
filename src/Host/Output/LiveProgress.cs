using System.Diagnostics;
using System.Globalization;
using Wann.Engine.Evaluation;

namespace Wann.Host.Output;

/// <summary>
/// How far the generation in hand is, for generations long enough to wonder: the lanes finished of those planned,
/// once the generation has run a period and then every period. On a terminal it is one line rewritten in place
/// (every 2 s) and wiped before anything else is written; in a file or pipe it is a plain line every 10 s, so a
/// log stays readable. Short generations show nothing.
/// </summary>
public sealed class LiveProgress : IDisposable
{
    public static readonly TimeSpan TerminalPeriod = TimeSpan.FromSeconds(2), PipePeriod = TimeSpan.FromSeconds(10);

    private readonly TextWriter _output;
    private readonly bool _inPlace;
    private readonly string _unit;
    private readonly TimeSpan _period;
    private readonly object _gate = new();
    private readonly Timer _timer;
    private readonly Stopwatch _clock = new();
    private EvaluationProgress? _progress;
    private long _generation;
    private int _shownWidth; // columns of the in-place line now on screen; 0 when none

    /// <param name="inPlace">Rewrite one line with carriage returns (a terminal) rather than append lines.</param>
    /// <param name="unit">What a lane is, in the plural ("episodes").</param>
    /// <param name="period">Between updates; by default <see cref="TerminalPeriod"/> or <see cref="PipePeriod"/>.</param>
    public LiveProgress(TextWriter output, bool inPlace, string unit, TimeSpan? period = null)
    {
        _output = output;
        _inPlace = inPlace;
        _unit = unit;
        _period = period ?? (inPlace ? TerminalPeriod : PipePeriod);
        _timer = new Timer(_ => Show());
    }

    /// <summary>Starts watching generation <paramref name="generation"/>, whose evaluations count into <paramref name="progress"/>.</summary>
    public void Begin(long generation, EvaluationProgress progress)
    {
        lock (_gate)
        {
            _generation = generation;
            _progress = progress;
            _clock.Restart();
            _timer.Change(_period, _period);
        }
    }

    /// <summary>Stops watching and wipes the in-place line, so the generation's own line starts clean.</summary>
    public void End()
    {
        lock (_gate)
        {
            _progress = null;
            _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            Wipe();
        }
    }

    /// <summary>Writes <paramref name="line"/> to <paramref name="writer"/> without garbling the in-place line (from any thread).</summary>
    public void Say(TextWriter writer, string line)
    {
        lock (_gate)
        {
            Wipe();
            _output.Flush();
            writer.WriteLine(line);
            writer.Flush();
        }
    }

    /// <summary>Writes the current state now (the timer calls it every period; tests call it directly).</summary>
    internal void Show()
    {
        lock (_gate)
        {
            if (_progress is not { } progress) return;
            string line = Line(_generation, progress.Finished, progress.Planned, _unit, _clock.Elapsed.TotalSeconds);
            if (_inPlace)
            {
                _output.Write("\r" + line.PadRight(_shownWidth));
                _shownWidth = line.Length;
            }
            else
            {
                _output.WriteLine(line);
            }
            _output.Flush();
        }
    }

    /// <summary>The progress text, e.g. "  generation 12: 3,456 of 11,520 episodes (30%), 14 s".</summary>
    public static string Line(long generation, long finished, long planned, string unit, double seconds)
    {
        double share = planned > 0 ? 100.0 * finished / planned : 0;
        return string.Create(CultureInfo.InvariantCulture,
            $"  generation {generation}: {finished:N0} of {planned:N0} {unit} ({share:F0}%), {seconds:F0} s");
    }

    private void Wipe()
    {
        if (_shownWidth == 0) return;
        _output.Write("\r" + new string(' ', _shownWidth) + "\r");
        _shownWidth = 0;
    }

    public void Dispose()
    {
        End();
        _timer.Dispose();
    }
}
