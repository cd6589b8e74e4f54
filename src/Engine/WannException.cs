namespace Wann.Engine;

/// <summary>
/// A problem with what the user gave us (a file, a flag, a value). The host prints the message as one
/// line and exits with status 2; anything else escaping is a bug.
/// </summary>
public sealed class WannException : Exception
{
    public WannException(string message) : base(OneLine(message)) { }
    public WannException(string message, Exception inner) : base(OneLine(message), inner) { }

    // Messages quote file contents and library errors, which may hold line breaks; the user gets one line.
    private static string OneLine(string message) => message.ReplaceLineEndings(" ");
}
