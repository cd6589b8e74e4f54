using System.Text;
using Wann.Engine;
using Wann.Engine.Formats;

namespace Wann.Host.Runs;

/// <summary>
/// The lines of a JSON-lines log (log.jsonl), read one at a time with each line's length bounded: a log
/// holding a 100 MB "line" is refused at its limit, not loaded. A last line without its newline is a line
/// whose writing was cut short (a kill, a full disk).
/// </summary>
public static class LogLines
{
    /// <summary>One line: its 1-based number, its text without the newline, and whether the newline was written.</summary>
    public readonly record struct Line(int Number, string Text, bool Terminated);

    public static IEnumerable<Line> Read(string path)
    {
        FileStream stream;
        try { stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new WannException(e is FileNotFoundException ? $"{path}: file not found" : $"{path}: cannot read: {e.Message}");
        }
        using (stream)
        using (var reader = new StreamReader(stream, new UTF8Encoding(false)))
        {
            var text = new StringBuilder();
            var buffer = new char[1 << 16];
            int number = 0, read;
            while ((read = ReadChunk(reader, buffer, path)) > 0)
            {
                int start = 0;
                for (int i = 0; i < read; i++)
                {
                    if (buffer[i] != '\n') continue;
                    Append(text, buffer.AsSpan(start, i - start), path, number + 1);
                    yield return new Line(++number, text.ToString(), Terminated: true);
                    text.Clear();
                    start = i + 1;
                }
                Append(text, buffer.AsSpan(start, read - start), path, number + 1);
            }
            if (text.Length > 0) yield return new Line(number + 1, text.ToString(), Terminated: false);
        }
    }

    private static int ReadChunk(StreamReader reader, char[] buffer, string path)
    {
        try { return reader.Read(buffer, 0, buffer.Length); }
        catch (IOException e) { throw new WannException($"{path}: cannot read: {e.Message}"); }
    }

    private static void Append(StringBuilder text, ReadOnlySpan<char> chars, string path, int number)
    {
        if (text.Length + chars.Length > FileLimit.LogLine.MaxBytes)
            throw new WannException($"{path}: line {number} is longer than a {FileLimit.LogLine.What} may be ({FileLimit.LogLine.MaxBytes:N0} characters)");
        text.Append(chars);
    }
}
