using Wann.Engine;
using Wann.Engine.Formats;

namespace Wann.Host.Runs;

/// <summary>
/// Writes checkpoints on a background thread so a large population's serialisation, compression and
/// disk write overlap the next generation instead of stalling it. At most one write is in flight: a new
/// one first waits for the last. A failed write surfaces as a <see cref="WannException"/> at the next
/// <see cref="Write"/> or at <see cref="Flush"/>.
/// </summary>
public sealed class CheckpointWriter : IDisposable
{
    private readonly RunFolder _folder;
    private Task? _pending;

    public CheckpointWriter(RunFolder folder) => _folder = folder;

    /// <summary>Starts writing <paramref name="snapshot"/> (made with <see cref="Checkpoint.Snapshot"/>) and returns at once.</summary>
    public void Write(Checkpoint snapshot)
    {
        Flush();
        _pending = Task.Run(() => _folder.WriteCheckpoint(snapshot));
    }

    /// <summary>Waits for the write in flight, if any.</summary>
    public void Flush()
    {
        if (_pending is null) return;
        try
        {
            _pending.GetAwaiter().GetResult();
        }
        finally
        {
            _pending = null;
        }
    }

    public void Dispose()
    {
        try { Flush(); }
        catch (WannException) { } // already reported by the caller's Flush, or the process is failing anyway
    }
}
