using System.Security.Cryptography;

namespace Wann.Engine.Datasets;

/// <summary>The SHA-256 of a data file, as lowercase hex: what a network and a run folder record of the data they were made from.</summary>
public static class FileFingerprint
{
    public static string Sha256(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return Convert.ToHexString(SHA256.HashData(stream)).ToLowerInvariant();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new WannException(e is FileNotFoundException or DirectoryNotFoundException ? $"{path}: file not found" : $"{path}: cannot read: {e.Message}");
        }
    }

    /// <summary>Whether <paramref name="text"/> has the form of a SHA-256 in hex (64 hex digits).</summary>
    public static bool IsSha256(string text) => text.Length == 64 && text.All(Uri.IsHexDigit);
}
