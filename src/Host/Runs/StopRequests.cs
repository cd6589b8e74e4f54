using System.Runtime.InteropServices;

namespace Wann.Host.Runs;

/// <summary>
/// How a user stops <c>wann train</c>: the first Ctrl-C (or SIGTERM) asks to stop after the generation in hand,
/// which is then checkpointed; the second stops now, dropping that generation's work (the run resumes from the
/// checkpoint before it); a third is left to the system, which ends the process (checkpoints are written by
/// rename, so even that loses no more).
/// </summary>
public sealed class StopRequests : IDisposable
{
    public const string AfterGenerationMessage =
        "stopping after this generation; Ctrl-C again stops now, resumable from the last checkpoint";
    public const string NowMessage = "stopping now; the generation in hand is dropped";

    private readonly CancellationTokenSource _now = new();
    private readonly Action<string> _say;
    private readonly List<PosixSignalRegistration> _registrations = new();
    private int _count;

    /// <param name="say">Where the acknowledgements go (called on the thread that asked, at once).</param>
    public StopRequests(Action<string> say) => _say = say;

    /// <summary>Requests from SIGINT and SIGTERM, for as long as this object lives.</summary>
    public static StopRequests FromSignals(Action<string> say)
    {
        var requests = new StopRequests(say);
        Action<PosixSignalContext> onSignal = context => context.Cancel = requests.Request();
        requests._registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGINT, onSignal));
        requests._registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGTERM, onSignal));
        return requests;
    }

    /// <summary>Whether a stop was asked for: the loop ends after the generation in hand.</summary>
    public bool AfterGeneration => Volatile.Read(ref _count) >= 1;

    /// <summary>Set by the second request: evaluations stop between chunks of episodes.</summary>
    public CancellationToken Now => _now.Token;

    /// <summary>One more request; says what happens now. False when the request is left to the system's default (the third).</summary>
    public bool Request()
    {
        int count = Interlocked.Increment(ref _count);
        if (count == 1) _say(AfterGenerationMessage);
        else if (count == 2)
        {
            _say(NowMessage);
            _now.Cancel();
        }
        return count <= 2;
    }

    public void Dispose()
    {
        foreach (var registration in _registrations) registration.Dispose();
        _now.Dispose();
    }
}
