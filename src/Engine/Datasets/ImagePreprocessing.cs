namespace Wann.Engine.Datasets;

/// <summary>
/// The original release's image preparation for its mnist256 task: bilinear resize (OpenCV's
/// INTER_LINEAR: pixel centres aligned, edge pixels repeated) followed by moment-based deskewing
/// (shear by mu11 / mu02 about the image's middle row, bilinear, zero outside).
/// </summary>
public static class ImagePreprocessing
{
    public static float[] ResizeBilinear(ReadOnlySpan<float> image, int width, int height, int newWidth, int newHeight)
    {
        var result = new float[newWidth * newHeight];
        double scaleX = (double)width / newWidth, scaleY = (double)height / newHeight;
        for (int y = 0; y < newHeight; y++)
        {
            double sy = Math.Clamp((y + 0.5) * scaleY - 0.5, 0, height - 1);
            int y0 = (int)Math.Floor(sy), y1 = Math.Min(y0 + 1, height - 1);
            double fy = sy - y0;
            for (int x = 0; x < newWidth; x++)
            {
                double sx = Math.Clamp((x + 0.5) * scaleX - 0.5, 0, width - 1);
                int x0 = (int)Math.Floor(sx), x1 = Math.Min(x0 + 1, width - 1);
                double fx = sx - x0;
                double top = image[y0 * width + x0] * (1 - fx) + image[y0 * width + x1] * fx;
                double bottom = image[y1 * width + x0] * (1 - fx) + image[y1 * width + x1] * fx;
                result[y * newWidth + x] = (float)(top * (1 - fy) + bottom * fy);
            }
        }
        return result;
    }

    /// <summary>Removes slant: samples source (x + skew y - skew H / 2, y) for each destination pixel (x, y).</summary>
    public static float[] Deskew(ReadOnlySpan<float> image, int width, int height)
    {
        double m00 = 0, m10 = 0, m01 = 0;
        for (int y = 0; y < height; y++)
            for (int x = 0; x < width; x++)
            {
                double v = image[y * width + x];
                m00 += v;
                m10 += x * v;
                m01 += y * v;
            }
        var copy = image.ToArray();
        if (m00 == 0) return copy;
        double cx = m10 / m00, cy = m01 / m00, mu11 = 0, mu02 = 0;
        for (int y = 0; y < height; y++)
            for (int x = 0; x < width; x++)
            {
                double v = image[y * width + x];
                mu11 += (x - cx) * (y - cy) * v;
                mu02 += (y - cy) * (y - cy) * v;
            }
        if (Math.Abs(mu02) < 1e-2) return copy;
        double skew = mu11 / mu02;
        var result = new float[width * height];
        for (int y = 0; y < height; y++)
            for (int x = 0; x < width; x++)
                result[y * width + x] = (float)Sample(copy, width, height, x + skew * y - 0.5 * height * skew, y);
        return result;
    }

    private static double Sample(float[] image, int width, int height, double sx, double sy)
    {
        int x0 = (int)Math.Floor(sx), y0 = (int)Math.Floor(sy);
        double fx = sx - x0, fy = sy - y0;
        double Pixel(int x, int y) => x >= 0 && x < width && y >= 0 && y < height ? image[y * width + x] : 0.0;
        return (Pixel(x0, y0) * (1 - fx) + Pixel(x0 + 1, y0) * fx) * (1 - fy) + (Pixel(x0, y0 + 1) * (1 - fx) + Pixel(x0 + 1, y0 + 1) * fx) * fy;
    }
}
