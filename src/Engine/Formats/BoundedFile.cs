using System.Text;

namespace Wann.Engine.Formats;

/// <summary>
/// Whole-file reads of user files with their size checked first: against the file kind's
/// <see cref="FileLimit"/> and against the memory the text would take, and again while reading (a pipe or
/// a growing file has no size to check up front). Every problem is a <see cref="WannException"/> naming the file.
/// </summary>
public static class BoundedFile
{
    /// <summary>The file's text (a byte order mark, if any, decides the encoding; UTF-8 otherwise).</summary>
    public static string ReadText(string path, FileLimit limit)
    {
        var bytes = ReadBytes(path, limit, bytesPerByteInMemory: 3); // the bytes, then the string at two bytes a character
        using var reader = new StreamReader(new MemoryStream(bytes, writable: false), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    /// <summary>The file's bytes.</summary>
    public static byte[] ReadBytes(string path, FileLimit limit) => ReadBytes(path, limit, bytesPerByteInMemory: 1);

    private static byte[] ReadBytes(string path, FileLimit limit, int bytesPerByteInMemory)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            long size = stream.CanSeek ? stream.Length : 0;
            CheckSize(path, limit, size, bytesPerByteInMemory);
            var buffer = new MemoryStream(checked((int)size));
            var chunk = new byte[1 << 16];
            int read;
            while ((read = stream.Read(chunk)) > 0)
            {
                if (buffer.Length + read > limit.MaxBytes) TooLarge(path, limit, buffer.Length + read);
                buffer.Write(chunk, 0, read);
            }
            return buffer.Length == buffer.Capacity ? buffer.GetBuffer() : buffer.ToArray();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new WannException(e is FileNotFoundException or DirectoryNotFoundException
                ? $"{path}: file not found"
                : $"{path}: cannot read: {e.Message}");
        }
    }

    /// <summary>Refuses <paramref name="size"/> bytes of a file over its limit or over the memory available.</summary>
    public static void CheckSize(string path, FileLimit limit, long size, int bytesPerByteInMemory = 1)
    {
        if (size > limit.MaxBytes) TooLarge(path, limit, size);
        double available = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        if ((double)size * bytesPerByteInMemory > available)
            throw new WannException($"{path}: {size:N0} bytes would take more memory than this machine has ({available / (1 << 20):N0} MiB)");
    }

    private static void TooLarge(string path, FileLimit limit, long size) =>
        throw new WannException($"{path}: {size:N0} bytes or more, more than a {limit.What} may hold ({limit.MaxBytes:N0})");
}
