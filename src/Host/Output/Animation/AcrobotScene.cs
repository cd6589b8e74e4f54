using SkiaSharp;

namespace Wann.Host.Output.Animation;

/// <summary>Acrobot as Gym draws it: two links of length 1 hanging from a pivot, the goal line one link length above the pivot.</summary>
public sealed class AcrobotScene : IEpisodeScene
{
    public double StepSeconds => 0.2;

    public void Draw(SKCanvas canvas, int width, int height, IReadOnlyList<float> o)
    {
        float scale = Math.Min(width, height) / 4.6f;
        float px = width / 2f, py = height / 2f;
        // Observation: cos θ1, sin θ1, cos θ2, sin θ2; angles from hanging straight down.
        double c1 = o[0], s1 = o[1], c12 = o[0] * o[2] - o[1] * o[3], s12 = o[1] * o[2] + o[0] * o[3];
        float x1 = px + (float)s1 * scale, y1 = py + (float)c1 * scale;
        float x2 = x1 + (float)s12 * scale, y2 = y1 + (float)c12 * scale;

        using var goal = new SKPaint { IsAntialias = true, Color = new SKColor(0, 153, 0), StrokeWidth = 2, Style = SKPaintStyle.Stroke };
        canvas.DrawLine(px - 2.2f * scale, py - scale, px + 2.2f * scale, py - scale, goal);
        using var link = new SKPaint { IsAntialias = true, Color = new SKColor(51, 102, 204), StrokeWidth = Math.Max(4, scale * 0.1f), StrokeCap = SKStrokeCap.Round, Style = SKPaintStyle.Stroke };
        canvas.DrawLine(px, py, x1, y1, link);
        canvas.DrawLine(x1, y1, x2, y2, link);
        using var joint = new SKPaint { IsAntialias = true, Color = new SKColor(204, 153, 0) };
        canvas.DrawCircle(px, py, scale * 0.06f, joint);
        canvas.DrawCircle(x1, y1, scale * 0.06f, joint);
    }
}
