namespace Wann.Engine.Datasets;

/// <summary>Labelled images as flat rows of pixels in [0, 1]: image i is Pixels[i * PixelCount .. (i + 1) * PixelCount).</summary>
public sealed class ImageDataset
{
    public int Width { get; }
    public int Height { get; }
    public float[] Pixels { get; }
    public int[] Labels { get; }

    public ImageDataset(int width, int height, float[] pixels, int[] labels)
    {
        if (pixels.Length != width * height * labels.Length) throw new ArgumentException("pixel count does not match the labels", nameof(pixels));
        Width = width;
        Height = height;
        Pixels = pixels;
        Labels = labels;
    }

    public int PixelCount => Width * Height;
    public int Count => Labels.Length;

    public ReadOnlySpan<float> Image(int i) => Pixels.AsSpan(i * PixelCount, PixelCount);

    /// <summary>The images at <paramref name="indices"/>, in that order.</summary>
    public ImageDataset Subset(IReadOnlyList<int> indices)
    {
        var pixels = new float[indices.Count * PixelCount];
        var labels = new int[indices.Count];
        for (int k = 0; k < indices.Count; k++)
        {
            Image(indices[k]).CopyTo(pixels.AsSpan(k * PixelCount, PixelCount));
            labels[k] = Labels[indices[k]];
        }
        return new ImageDataset(Width, Height, pixels, labels);
    }
}

/// <summary>A task's data: images to train on and held-out images to test on.</summary>
public sealed record ClassificationData(ImageDataset Train, ImageDataset Test, int Classes);
