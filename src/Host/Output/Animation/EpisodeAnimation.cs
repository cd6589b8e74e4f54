using SkiaSharp;
using Wann.Host.Output.Drawing;
using Wann.Kernels.Reference;
using Wann.Kernels.Tasks.Scenes;

namespace Wann.Host.Output.Animation;

/// <summary>
/// An animated GIF of a recorded episode in the task's own time: every k-th step becomes a frame, k chosen
/// so a frame lasts at least 1/fps s (25 at most: 4/100 s is the shortest delay viewers honour), and the final
/// state ends it. The task's scene draws each frame (<see cref="ITaskScene"/>); the caption is drawn here.
/// </summary>
public static class EpisodeAnimation
{
    public const int Width = 480, Height = 300;

    /// <summary>The most frames a second a GIF shows (a frame of 4/100 s).</summary>
    public const double MaxFramesPerSecond = 25;

    /// <summary>Steps per frame for a scene: real time at no more than <paramref name="framesPerSecond"/> frames a second.</summary>
    public static int Stride(ITaskScene scene, double framesPerSecond = MaxFramesPerSecond) =>
        Math.Max(1, (int)Math.Ceiling(1 / Math.Min(framesPerSecond, MaxFramesPerSecond) / scene.StepSeconds - 1e-9));

    /// <param name="trace">Recorded with its state kept every <paramref name="stride"/> steps (<see cref="EpisodeRecorder.Record"/>).</param>
    /// <param name="stride">Steps per frame (<see cref="Stride"/>).</param>
    public static byte[] Gif(EpisodeTrace trace, ITaskScene scene, string title, int stride)
    {
        int delay = (int)Math.Round(stride * scene.StepSeconds * 100);
        using var bitmap = new SKBitmap(new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        using var canvas = new SKCanvas(bitmap);
        using var typeface = SKTypeface.FromFile(FontFiles.Sans());
        using var font = new SKFont(typeface, 13);
        using var ink = new SKPaint { IsAntialias = true, Color = SKColors.Black };
        var painter = new SketchPainter(font);
        using var stream = new MemoryStream();
        var gif = new GifEncoder(stream, Width, Height);

        float total = 0f;
        int summed = 0;
        for (int t = 0; t <= trace.Steps; t += stride)
        {
            while (summed < t) total += trace.Rewards[summed++];
            Frame(t, total);
            gif.AddFrame(bitmap.GetPixelSpan(), delay);
        }
        if (trace.Steps % stride != 0)
        {
            while (summed < trace.Steps) total += trace.Rewards[summed++];
            Frame(trace.Steps, total);
            gif.AddFrame(bitmap.GetPixelSpan(), 200);
        }
        gif.Finish();
        return stream.ToArray();

        void Frame(int step, float reward)
        {
            canvas.Clear(SKColors.White);
            var observation = step < trace.Steps ? trace.Observations[step] : trace.FinalObservation;
            var state = trace.States.TryGetValue(step, out var kept) ? kept : [];
            var sketch = new Sketch(Width, Height);
            scene.Draw(sketch, new SceneMoment(step, observation, state, trace.Episode));
            painter.Paint(canvas, sketch);
            canvas.DrawText(title, 8, 18, SKTextAlign.Left, font, ink);
            canvas.DrawText($"step {step}/{trace.Steps}   reward {reward:F1}", 8, Height - 8, SKTextAlign.Left, font, ink);
        }
    }
}
