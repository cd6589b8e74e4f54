using Wann.Kernels.Tasks.Scenes;

namespace Wann.Kernels.Tasks;

/// <summary>Acrobot as Gym draws it: two links of length 1 hanging from a pivot, the goal line one link length above the pivot.</summary>
public sealed class AcrobotScene : ITaskScene
{
    private static readonly Rgb Goal = new(0, 153, 0), Link = new(51, 102, 204), Joint = new(204, 153, 0);

    public double StepSeconds => 0.2;

    public void Draw(Sketch sketch, SceneMoment moment)
    {
        var o = moment.Observation;
        float scale = Math.Min(sketch.Width, sketch.Height) / 4.6f;
        float px = sketch.Width / 2f, py = sketch.Height / 2f;
        // Observation: cos θ1, sin θ1, cos θ2, sin θ2; angles from hanging straight down.
        double c1 = o[0], s1 = o[1], c12 = o[0] * o[2] - o[1] * o[3], s12 = o[1] * o[2] + o[0] * o[3];
        float x1 = px + (float)s1 * scale, y1 = py + (float)c1 * scale;
        float x2 = x1 + (float)s12 * scale, y2 = y1 + (float)c12 * scale;

        sketch.Line(px - 2.2f * scale, py - scale, px + 2.2f * scale, py - scale, Goal, 2);
        float width = Math.Max(4, scale * 0.1f);
        sketch.Line(px, py, x1, y1, Link, width, round: true);
        sketch.Line(x1, y1, x2, y2, Link, width, round: true);
        sketch.Circle(px, py, scale * 0.06f, Joint);
        sketch.Circle(x1, y1, scale * 0.06f, Joint);
    }
}
