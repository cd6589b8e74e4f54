using SkiaSharp;

namespace Wann.Host.Output.Animation;

/// <summary>Mountain car as Gym draws it: the hill sin(3x)·0.45 + 0.55 over [-1.2, 0.6], a flag at 0.45 and the car on the slope.</summary>
public sealed class MountainCarScene : IEpisodeScene
{
    private const float Min = -1.2f, Max = 0.6f, Goal = 0.45f;

    /// <summary>Gym's MountainCar has no time step of its own; 30 frames a second is how Gym shows it.</summary>
    public double StepSeconds => 1.0 / 30;

    public void Draw(SKCanvas canvas, int width, int height, IReadOnlyList<float> observation)
    {
        // The hill spans heights 0.1 to 1: room above it for the flag, the same scale both ways.
        float scale = Math.Min(width / (Max - Min), (height - 80) / 1f);
        float left = (width - (Max - Min) * scale) / 2;
        float Sx(float x) => left + (x - Min) * scale;
        float Sy(float x) => height - 20 - Height(x) * scale;
        using var hill = new SKPaint { IsAntialias = true, Color = new SKColor(102, 102, 102), StrokeWidth = 2, Style = SKPaintStyle.Stroke };
        using var path = new SKPath();
        path.MoveTo(Sx(Min), Sy(Min));
        for (int i = 1; i <= 100; i++)
        {
            float x = Min + (Max - Min) * i / 100;
            path.LineTo(Sx(x), Sy(x));
        }
        canvas.DrawPath(path, hill);

        using var flag = new SKPaint { IsAntialias = true, Color = new SKColor(0, 153, 0), StrokeWidth = 2, Style = SKPaintStyle.StrokeAndFill };
        float fx = Sx(Goal), fy = Sy(Goal);
        canvas.DrawLine(fx, fy, fx, fy - 40, flag);
        canvas.DrawRect(fx, fy - 40, 22, 12, flag);

        float position = Math.Clamp(observation[0], Min, Max);
        float slope = MathF.Atan(3 * 0.45f * MathF.Cos(3 * position));
        canvas.Save();
        canvas.Translate(Sx(position), Sy(position));
        canvas.RotateRadians(-slope);
        using var car = new SKPaint { IsAntialias = true, Color = new SKColor(51, 102, 204) };
        canvas.DrawRect(-20, -22, 40, 16, car);
        using var wheel = new SKPaint { IsAntialias = true, Color = new SKColor(51, 51, 51) };
        canvas.DrawCircle(-12, -5, 5, wheel);
        canvas.DrawCircle(12, -5, 5, wheel);
        canvas.Restore();
    }

    private static float Height(float x) => MathF.Sin(3 * x) * 0.45f + 0.55f;
}
