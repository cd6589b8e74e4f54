using Wann.Kernels.Tasks.Scenes;

namespace Wann.Kernels.Tasks;

/// <summary>
/// A cart on a track of ±2.4 with a pole on a hinge, as Gym and the original release's viewer draw them: the
/// picture of cart-pole and of the swing-up. The pole angle is measured from upright, positive towards +x.
/// </summary>
/// <param name="StepSeconds">Seconds per step (swing-up 0.01, cart-pole 0.02).</param>
/// <param name="Angle">The pole angle from an observation (swing-up observes cos and sin, cart-pole the angle).</param>
/// <param name="PoleLength">Drawn pole length in track units.</param>
public sealed record CartScene(double StepSeconds, Func<IReadOnlyList<float>, double> Angle, float PoleLength) : ITaskScene
{
    private const float TrackLimit = 2.4f;

    /// <summary>Pixels kept free at the bottom for the step and reward caption the animation writes there.</summary>
    private const float CaptionHeight = 28;
    private static readonly Rgb Track = new(102, 102, 102), Cart = new(51, 102, 204), Pole = new(204, 102, 51), Hinge = new(51, 51, 51);

    /// <summary>Swing-up: observation x, x_dot, cos θ, sin θ, θ_dot; pole 0.6.</summary>
    public static CartScene SwingUp() => new(0.01, o => Math.Atan2(o[3], o[2]), 0.6f * 2);

    /// <summary>Cart-pole: observation x, x_dot, θ, θ_dot; pole half-length 0.5.</summary>
    public static CartScene CartPole() => new(0.02, o => o[2], 1.0f);

    public void Draw(Sketch sketch, SceneMoment moment)
    {
        var observation = moment.Observation;
        float scale = sketch.Width / (2 * TrackLimit + 1.2f);
        // Low enough for an upright pole, high enough that a hanging one (swing-up) stays above the host's caption line.
        float groundY = Math.Min(sketch.Height * 0.68f, sketch.Height - CaptionHeight - PoleLength * scale);
        float Screen(float x) => sketch.Width / 2f + x * scale;
        sketch.Line(Screen(-TrackLimit), groundY, Screen(TrackLimit), groundY, Track, 2);
        foreach (float limit in new[] { -TrackLimit, TrackLimit }) sketch.Line(Screen(limit), groundY - 12, Screen(limit), groundY + 12, Track, 2);

        float x = Screen(observation[0]);
        float cartWidth = 0.5f * scale, cartHeight = 0.25f * scale;
        sketch.Rect(x - cartWidth / 2, groundY - cartHeight / 2, cartWidth, cartHeight, Cart);

        double angle = Angle(observation);
        float tipX = x + (float)Math.Sin(angle) * PoleLength * scale, tipY = groundY - (float)Math.Cos(angle) * PoleLength * scale;
        sketch.Line(x, groundY, tipX, tipY, Pole, Math.Max(4, scale * 0.06f), round: true);
        sketch.Circle(x, groundY, Math.Max(3, scale * 0.04f), Hinge);
    }
}
