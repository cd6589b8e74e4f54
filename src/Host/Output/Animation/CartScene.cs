using SkiaSharp;

namespace Wann.Host.Output.Animation;

/// <summary>
/// A cart on a track of ±2.4 with a pole on a hinge, as Gym and the original release's viewer draw them.
/// The pole angle is measured from upright, positive towards +x.
/// </summary>
/// <param name="StepSeconds">Seconds per step (swing-up 0.01, cart-pole 0.02).</param>
/// <param name="Angle">The pole angle from an observation (swing-up observes cos and sin, cart-pole the angle).</param>
/// <param name="PoleLength">Drawn pole length in track units.</param>
public sealed record CartScene(double StepSeconds, Func<IReadOnlyList<float>, double> Angle, float PoleLength) : IEpisodeScene
{
    private const float TrackLimit = 2.4f;

    /// <summary>Pixels kept free at the bottom for the step and reward caption.</summary>
    private const float CaptionHeight = 28;

    /// <summary>Swing-up: observation x, x_dot, cos θ, sin θ, θ_dot; pole 0.6.</summary>
    public static CartScene SwingUp() => new(0.01, o => Math.Atan2(o[3], o[2]), 0.6f * 2);

    /// <summary>Cart-pole: observation x, x_dot, θ, θ_dot; pole half-length 0.5.</summary>
    public static CartScene CartPole() => new(0.02, o => o[2], 1.0f);

    public void Draw(SKCanvas canvas, int width, int height, IReadOnlyList<float> observation)
    {
        float scale = width / (2 * TrackLimit + 1.2f);
        // Low enough for an upright pole, high enough that a hanging one (swing-up) stays above the caption line.
        float groundY = Math.Min(height * 0.68f, height - CaptionHeight - PoleLength * scale);
        float Screen(float x) => width / 2f + x * scale;
        using var line = new SKPaint { IsAntialias = true, Color = new SKColor(102, 102, 102), StrokeWidth = 2, Style = SKPaintStyle.Stroke };
        canvas.DrawLine(Screen(-TrackLimit), groundY, Screen(TrackLimit), groundY, line);
        foreach (float limit in new[] { -TrackLimit, TrackLimit }) canvas.DrawLine(Screen(limit), groundY - 12, Screen(limit), groundY + 12, line);

        float x = Screen(observation[0]);
        float cartWidth = 0.5f * scale, cartHeight = 0.25f * scale;
        using var cart = new SKPaint { IsAntialias = true, Color = new SKColor(51, 102, 204) };
        canvas.DrawRect(x - cartWidth / 2, groundY - cartHeight / 2, cartWidth, cartHeight, cart);

        double angle = Angle(observation);
        float tipX = x + (float)Math.Sin(angle) * PoleLength * scale, tipY = groundY - (float)Math.Cos(angle) * PoleLength * scale;
        using var pole = new SKPaint { IsAntialias = true, Color = new SKColor(204, 102, 51), StrokeWidth = Math.Max(4, scale * 0.06f), StrokeCap = SKStrokeCap.Round, Style = SKPaintStyle.Stroke };
        canvas.DrawLine(x, groundY, tipX, tipY, pole);
        using var hinge = new SKPaint { IsAntialias = true, Color = new SKColor(51, 51, 51) };
        canvas.DrawCircle(x, groundY, Math.Max(3, scale * 0.04f), hinge);
    }
}
