namespace Wann.Engine.Formats;

/// <summary>Which exceptions of a file write are the file system saying no (rather than a bug): what the writers turn into one line.</summary>
public static class WriteFailure
{
    /// <summary>
    /// True for I/O errors (a full disk: ENOSPC), refused access (a read-only folder), and a file grown past
    /// the process's size limit (EFBIG), which .NET reports as an <see cref="ArgumentOutOfRangeException"/>
    /// thrown by <see cref="RandomAccess"/> itself.
    /// </summary>
    public static bool Is(Exception e) =>
        e is IOException or UnauthorizedAccessException
        || (e is ArgumentOutOfRangeException && e.TargetSite?.DeclaringType == typeof(RandomAccess));

    /// <summary>What went wrong, in words (the size-limit case has no useful message of its own).</summary>
    public static string Describe(Exception e) =>
        e is ArgumentOutOfRangeException ? "the file would grow past this process's file size limit (EFBIG)" : e.Message;
}
