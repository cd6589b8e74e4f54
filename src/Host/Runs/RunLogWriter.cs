using System.Text;
using Wann.Engine;
using Wann.Engine.Formats;

namespace Wann.Host.Runs;

/// <summary>
/// A log (log.jsonl) open for appending: each line goes to the file in one unbuffered write, so nothing is
/// left to flush later; a write that fails (a full disk, a folder made read-only) is one
/// <see cref="WannException"/> naming the file. What it may leave is a torn last line, which a resume drops.
/// </summary>
public sealed class RunLogWriter : IDisposable
{
    private static readonly UTF8Encoding Utf8 = new(false);
    private readonly FileStream _stream;
    private readonly string _path;

    private RunLogWriter(FileStream stream, string path)
    {
        _stream = stream;
        _path = path;
    }

    public static RunLogWriter Open(string path)
    {
        try
        {
            // No FileStream buffer: a line is written by one call, never half in a buffer at a failure.
            return new RunLogWriter(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read, bufferSize: 0), path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new WannException($"{path}: cannot open for writing: {e.Message}");
        }
    }

    /// <summary>Appends <paramref name="line"/> and its newline.</summary>
    public void Append(string line)
    {
        try
        {
            _stream.Write(Utf8.GetBytes(line + "\n"));
        }
        catch (Exception e) when (WriteFailure.Is(e))
        {
            throw new WannException($"{_path}: cannot write: {WriteFailure.Describe(e)}");
        }
    }

    public void Dispose()
    {
        try { _stream.Dispose(); }
        catch (Exception e) when (WriteFailure.Is(e)) { } // nothing is buffered: a failure here has already been reported by Append
    }
}
