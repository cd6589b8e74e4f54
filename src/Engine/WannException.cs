namespace Wann.Engine;

/// <summary>
/// A problem with what the user gave us (a file, a flag, a value). The host prints the message as one
/// line and exits with status 2; anything else escaping is a bug.
/// </summary>
public sealed class WannException : Exception
{
    public WannException(string message) : base(message) { }
    public WannException(string message, Exception inner) : base(message, inner) { }
}
