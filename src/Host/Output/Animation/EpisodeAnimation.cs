using SkiaSharp;
using Wann.Host.Output.Drawing;
using Wann.Kernels.Reference;

namespace Wann.Host.Output.Animation;

/// <summary>
/// An animated GIF of a recorded episode in the task's own time: every k-th step becomes a frame, k chosen
/// so a frame lasts at least 4/100 s (the shortest delay viewers honour), and the final state ends it.
/// </summary>
public static class EpisodeAnimation
{
    public const int Width = 480, Height = 300;
    private const double MinimumFrameSeconds = 0.04;

    /// <summary>Steps per frame for a scene: real time at no less than <see cref="MinimumFrameSeconds"/> a frame.</summary>
    public static int Stride(IEpisodeScene scene) => Math.Max(1, (int)Math.Ceiling(MinimumFrameSeconds / scene.StepSeconds - 1e-9));

    public static byte[] Gif(EpisodeTrace trace, IEpisodeScene scene, string title)
    {
        int stride = Stride(scene);
        int delay = (int)Math.Round(stride * scene.StepSeconds * 100);
        using var bitmap = new SKBitmap(new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        using var canvas = new SKCanvas(bitmap);
        using var typeface = SKTypeface.FromFile(FontFiles.Sans());
        using var font = new SKFont(typeface, 13);
        using var ink = new SKPaint { IsAntialias = true, Color = SKColors.Black };
        using var stream = new MemoryStream();
        var gif = new GifEncoder(stream, Width, Height);

        float total = 0f;
        int summed = 0;
        for (int t = 0; t <= trace.Steps; t += stride)
        {
            while (summed < t) total += trace.Rewards[summed++];
            Frame(t < trace.Steps ? trace.Observations[t] : trace.FinalObservation, t, total);
            gif.AddFrame(bitmap.GetPixelSpan(), delay);
        }
        if (trace.Steps % stride != 0)
        {
            while (summed < trace.Steps) total += trace.Rewards[summed++];
            Frame(trace.FinalObservation, trace.Steps, total);
            gif.AddFrame(bitmap.GetPixelSpan(), 200);
        }
        gif.Finish();
        return stream.ToArray();

        void Frame(IReadOnlyList<float> observation, int step, float reward)
        {
            canvas.Clear(SKColors.White);
            scene.Draw(canvas, Width, Height, observation);
            canvas.DrawText(title, 8, 18, SKTextAlign.Left, font, ink);
            canvas.DrawText($"step {step}/{trace.Steps}   reward {reward:F1}", 8, Height - 8, SKTextAlign.Left, font, ink);
        }
    }
}
