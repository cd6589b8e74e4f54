using System.Text;

namespace Wann.Host.Output.Animation;

/// <summary>
/// Writes an animated GIF (GIF89a, looping forever): every frame full size, in <see cref="GifPalette"/>'s
/// colours, LZW-compressed as the format specifies. After the first, a frame marks the pixels it leaves as they
/// were with the transparent entry: long runs of one index, which LZW packs tightly (a scrolling walker's GIF
/// shrinks by about half). SkiaSharp, which draws the frames, reads GIF but does not write it.
/// </summary>
public sealed class GifEncoder
{
    private readonly Stream _output;
    private readonly int _width, _height;
    private readonly GifPalette _palette = new();
    private readonly byte[] _indices, _previous, _written;
    private bool _first = true;

    /// <summary>Writes the header, the palette and the looping extension to <paramref name="output"/>.</summary>
    public GifEncoder(Stream output, int width, int height)
    {
        if (width is < 1 or > ushort.MaxValue || height is < 1 or > ushort.MaxValue) throw new ArgumentOutOfRangeException(nameof(width), "a GIF side is 1 to 65535 pixels");
        _output = output;
        _width = width;
        _height = height;
        _indices = new byte[width * height];
        _previous = new byte[width * height];
        _written = new byte[width * height];
        _output.Write(Encoding.ASCII.GetBytes("GIF89a"));
        WriteShort(width);
        WriteShort(height);
        _output.WriteByte(0xF7); // global colour table of 2^(7+1) entries, 8 bits a channel
        _output.WriteByte(0);    // background colour index
        _output.WriteByte(0);    // no aspect ratio
        _output.Write(_palette.Rgb);
        // NETSCAPE2.0 application extension: loop count 0 = forever.
        _output.Write(new byte[] { 0x21, 0xFF, 11 });
        _output.Write(Encoding.ASCII.GetBytes("NETSCAPE2.0"));
        _output.Write(new byte[] { 3, 1, 0, 0, 0 });
    }

    /// <summary>Adds a frame of RGBA pixels (4 bytes a pixel, row by row) shown for <paramref name="delayCentiseconds"/>.</summary>
    public void AddFrame(ReadOnlySpan<byte> rgba, int delayCentiseconds)
    {
        if (rgba.Length != _width * _height * 4) throw new ArgumentException($"expected {_width * _height * 4} bytes of RGBA", nameof(rgba));
        for (int p = 0; p < _indices.Length; p++)
        {
            _indices[p] = _palette.Index(rgba[p * 4], rgba[p * 4 + 1], rgba[p * 4 + 2]);
            _written[p] = !_first && _indices[p] == _previous[p] ? GifPalette.Transparent : _indices[p];
        }
        _first = false;
        _indices.CopyTo(_previous, 0);

        // Graphic control: leave the frame in place for the next (disposal 1), with the transparent entry.
        _output.Write(new byte[] { 0x21, 0xF9, 4, 0x05 });
        WriteShort(Math.Clamp(delayCentiseconds, 0, ushort.MaxValue));
        _output.Write(new byte[] { GifPalette.Transparent, 0 });
        _output.WriteByte(0x2C); // image descriptor: the whole canvas, no local colour table
        WriteShort(0);
        WriteShort(0);
        WriteShort(_width);
        WriteShort(_height);
        _output.WriteByte(0);
        _output.WriteByte(8); // LZW minimum code size for 8-bit indices
        LzwWriter.Write(_written, _output);
    }

    /// <summary>Writes the trailer; the stream then holds a complete GIF.</summary>
    public void Finish() => _output.WriteByte(0x3B);

    private void WriteShort(int value)
    {
        _output.WriteByte((byte)value);
        _output.WriteByte((byte)(value >> 8));
    }
}
