using SkiaSharp;

namespace Wann.Host.Output.Animation;

/// <summary>Pendulum as Gym draws it: a rod of length 1 from a pivot, angle 0 upright.</summary>
public sealed class PendulumScene : IEpisodeScene
{
    public double StepSeconds => 0.05;

    public void Draw(SKCanvas canvas, int width, int height, IReadOnlyList<float> o)
    {
        float scale = Math.Min(width, height) / 2.6f;
        float px = width / 2f, py = height / 2f;
        // Observation: cos θ, sin θ; Gym draws the tip at (-sin θ, cos θ), y up.
        float tipX = px - o[1] * scale, tipY = py - o[0] * scale;
        using var rod = new SKPaint { IsAntialias = true, Color = new SKColor(204, 77, 77), StrokeWidth = Math.Max(6, scale * 0.12f), StrokeCap = SKStrokeCap.Round, Style = SKPaintStyle.Stroke };
        canvas.DrawLine(px, py, tipX, tipY, rod);
        using var pivot = new SKPaint { IsAntialias = true, Color = new SKColor(51, 51, 51) };
        canvas.DrawCircle(px, py, scale * 0.06f, pivot);
    }
}
