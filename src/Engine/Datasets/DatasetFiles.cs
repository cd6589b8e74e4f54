using System.Globalization;
using System.IO.Compression;

namespace Wann.Engine.Datasets;

/// <summary>Readers for the data files: IDX (MNIST-style, gzipped or not) and scikit-learn's digits.csv.gz.</summary>
public static class DatasetFiles
{
    /// <summary>Images of an IDX3 file scaled to [0, 1].</summary>
    public static (float[] Pixels, int Count, int Rows, int Columns) ReadIdxImages(string path)
    {
        using var reader = Open(path);
        int magic = ReadBigEndian(reader, path);
        if (magic != 0x00000803) throw new WannException($"{path}: not an IDX image file (magic number 0x{magic:x8}, expected 0x00000803)");
        int count = ReadBigEndian(reader, path), rows = ReadBigEndian(reader, path), columns = ReadBigEndian(reader, path);
        if (count < 0 || rows <= 0 || columns <= 0 || (long)count * rows * columns > int.MaxValue)
            throw new WannException($"{path}: implausible IDX header ({count} images of {rows}x{columns})");
        var bytes = ReadExactly(reader, count * rows * columns, path);
        var pixels = new float[bytes.Length];
        for (int i = 0; i < bytes.Length; i++) pixels[i] = bytes[i] / 255f;
        return (pixels, count, rows, columns);
    }

    public static int[] ReadIdxLabels(string path)
    {
        using var reader = Open(path);
        int magic = ReadBigEndian(reader, path);
        if (magic != 0x00000801) throw new WannException($"{path}: not an IDX label file (magic number 0x{magic:x8}, expected 0x00000801)");
        int count = ReadBigEndian(reader, path);
        if (count < 0 || count > 1 << 28) throw new WannException($"{path}: implausible label count {count}");
        return ReadExactly(reader, count, path).Select(b => (int)b).ToArray();
    }

    /// <summary>scikit-learn's digits: 64 pixel values 0..16 then the label per line; pixels scaled to [0, 1] as the original does (/16).</summary>
    public static ImageDataset ReadDigitsCsv(string path)
    {
        using var reader = new StreamReader(Open(path).BaseStream);
        var pixels = new List<float>();
        var labels = new List<int>();
        string? line;
        int number = 0;
        while ((line = reader.ReadLine()) is not null)
        {
            number++;
            if (line.Trim().Length == 0) continue;
            var cells = line.Split(',');
            if (cells.Length != 65) throw new WannException($"{path}: line {number} has {cells.Length} values, expected 65 (64 pixels and a label)");
            for (int k = 0; k < 64; k++)
            {
                if (!float.TryParse(cells[k], NumberStyles.Float, CultureInfo.InvariantCulture, out float v) || v < 0 || v > 16)
                    throw new WannException($"{path}: line {number}, column {k + 1}: '{cells[k]}' is not a pixel value from 0 to 16");
                pixels.Add(v / 16f);
            }
            if (!float.TryParse(cells[64], NumberStyles.Float, CultureInfo.InvariantCulture, out float label) || label != MathF.Floor(label) || label < 0 || label > 9)
                throw new WannException($"{path}: line {number}: label '{cells[64]}' is not a digit from 0 to 9");
            labels.Add((int)label);
        }
        if (labels.Count == 0) throw new WannException($"{path}: no images");
        return new ImageDataset(8, 8, pixels.ToArray(), labels.ToArray());
    }

    private static BinaryReader Open(string path)
    {
        Stream stream;
        try { stream = File.OpenRead(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new WannException($"{path}: cannot read: {e.Message}");
        }
        if (path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)) stream = new GZipStream(stream, CompressionMode.Decompress);
        return new BinaryReader(stream);
    }

    private static int ReadBigEndian(BinaryReader reader, string path)
    {
        var bytes = ReadExactly(reader, 4, path);
        return (bytes[0] << 24) | (bytes[1] << 16) | (bytes[2] << 8) | bytes[3];
    }

    private static byte[] ReadExactly(BinaryReader reader, int count, string path)
    {
        try
        {
            // In pieces: a header can claim far more than the file holds, and only what arrives is kept.
            if (count <= 1 << 20) return Whole(reader.ReadBytes(count), count, path);
            using var bytes = new MemoryStream();
            for (int left = count; left > 0;)
            {
                var piece = Whole(reader.ReadBytes(Math.Min(left, 1 << 20)), Math.Min(left, 1 << 20), path);
                bytes.Write(piece);
                left -= piece.Length;
            }
            return bytes.ToArray();
        }
        catch (InvalidDataException e)
        {
            throw new WannException($"{path}: damaged gzip data ({e.Message})");
        }
    }

    private static byte[] Whole(byte[] bytes, int count, string path) =>
        bytes.Length == count ? bytes : throw new WannException($"{path}: file ends early (truncated?)");
}
