namespace Wann.Host.Output.Animation;

/// <summary>
/// The fixed 256-colour palette of the animations: a 6x6x6 colour cube plus 39 greys, so flat drawing
/// colours and the greys of anti-aliased edges both map close, and one entry kept for transparency. Lookups go through a 15-bit colour cache.
/// </summary>
public sealed class GifPalette
{
    public const int Size = 256;

    /// <summary>The entry no colour maps to: a frame marks with it the pixels that stay as the frame before left them.</summary>
    public const byte Transparent = Size - 1;

    /// <summary>Red, green, blue of each entry, 3 bytes an entry.</summary>
    public byte[] Rgb { get; } = new byte[Size * 3];

    private readonly byte[] _nearest = new byte[1 << 15];

    public GifPalette()
    {
        int i = 0;
        for (int r = 0; r < 6; r++)
            for (int g = 0; g < 6; g++)
                for (int b = 0; b < 6; b++) Set(i++, (byte)(r * 51), (byte)(g * 51), (byte)(b * 51));
        // Greys between the cube's own greys (multiples of 51), evenly spread.
        for (int k = 0; i < Transparent; k++)
        {
            int level = 3 + k * 255 / 41;
            if (level % 51 == 0) level++;
            Set(i++, (byte)level, (byte)level, (byte)level);
        }
        for (int key = 0; key < _nearest.Length; key++)
            _nearest[key] = Search((key >> 10 & 31) * 255 / 31, (key >> 5 & 31) * 255 / 31, (key & 31) * 255 / 31);
    }

    /// <summary>Index of the palette colour nearest (r, g, b), at 5 bits a channel.</summary>
    public byte Index(byte r, byte g, byte b) => _nearest[(r >> 3) << 10 | (g >> 3) << 5 | (b >> 3)];

    private void Set(int index, byte r, byte g, byte b)
    {
        Rgb[index * 3] = r;
        Rgb[index * 3 + 1] = g;
        Rgb[index * 3 + 2] = b;
    }

    private byte Search(int r, int g, int b)
    {
        int best = 0, bestDistance = int.MaxValue;
        for (int i = 0; i < Transparent; i++)
        {
            int dr = Rgb[i * 3] - r, dg = Rgb[i * 3 + 1] - g, db = Rgb[i * 3 + 2] - b;
            int distance = dr * dr + dg * dg + db * db;
            if (distance < bestDistance) (best, bestDistance) = (i, distance);
        }
        return (byte)best;
    }
}
