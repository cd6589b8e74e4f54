using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Wann.Pins.Pins;

/// <summary>
/// SHA-256 over values fed in order as their exact bits (little-endian). Every NaN counts as one value:
/// the project promises that NaN stays NaN, not which NaN (x86 and ARM make different ones).
/// </summary>
public sealed class BitHasher : IDisposable
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly byte[] _word = new byte[8];

    public void Add(float value)
    {
        BinaryPrimitives.WriteInt32LittleEndian(_word, float.IsNaN(value) ? 0x7FC00000 : BitConverter.SingleToInt32Bits(value));
        _hash.AppendData(_word, 0, 4);
    }

    public void Add(ReadOnlySpan<float> values)
    {
        foreach (float v in values) Add(v);
    }

    public void Add(double value)
    {
        BinaryPrimitives.WriteInt64LittleEndian(_word, double.IsNaN(value) ? 0x7FF8000000000000 : BitConverter.DoubleToInt64Bits(value));
        _hash.AppendData(_word, 0, 8);
    }

    public void Add(long value)
    {
        BinaryPrimitives.WriteInt64LittleEndian(_word, value);
        _hash.AppendData(_word, 0, 8);
    }

    public void Add(ulong value) => Add(unchecked((long)value));

    public void Add(int value) => Add((long)value);

    public void Add(bool value) => Add(value ? 1L : 0L);

    public void Add(string text)
    {
        Add(text.Length);
        _hash.AppendData(Encoding.UTF8.GetBytes(text));
    }

    /// <summary>The hash of everything added so far, as lower-case hex.</summary>
    public string Hex() => Convert.ToHexStringLower(_hash.GetCurrentHash());

    public void Dispose() => _hash.Dispose();
}
