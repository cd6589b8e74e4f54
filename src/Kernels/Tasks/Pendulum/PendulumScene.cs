using Wann.Kernels.Tasks.Scenes;

namespace Wann.Kernels.Tasks;

/// <summary>Pendulum as Gym draws it: a rod of length 1 from a pivot, angle 0 upright.</summary>
public sealed class PendulumScene : ITaskScene
{
    private static readonly Rgb Rod = new(204, 77, 77), Pivot = new(51, 51, 51);

    public double StepSeconds => 0.05;

    public void Draw(Sketch sketch, SceneMoment moment)
    {
        var o = moment.Observation;
        float scale = Math.Min(sketch.Width, sketch.Height) / 2.6f;
        float px = sketch.Width / 2f, py = sketch.Height / 2f;
        // Observation: cos θ, sin θ; Gym draws the tip at (-sin θ, cos θ), y up.
        float tipX = px - o[1] * scale, tipY = py - o[0] * scale;
        sketch.Line(px, py, tipX, tipY, Rod, Math.Max(6, scale * 0.12f), round: true);
        sketch.Circle(px, py, scale * 0.06f, Pivot);
    }
}
