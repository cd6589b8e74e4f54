using Wann.Kernels.Tasks.Scenes;

namespace Wann.Kernels.Tasks;

/// <summary>Mountain car as Gym draws it: the hill sin(3x)·0.45 + 0.55 over [-1.2, 0.6], a flag at 0.45 and the car on the slope.</summary>
public sealed class MountainCarScene : ITaskScene
{
    private const float Min = -1.2f, Max = 0.6f, Goal = 0.45f;
    private static readonly Rgb Hill = new(102, 102, 102), Flag = new(0, 153, 0), Car = new(51, 102, 204), Wheel = new(51, 51, 51);

    /// <summary>Gym's MountainCar has no time step of its own; 30 frames a second is how Gym shows it.</summary>
    public double StepSeconds => 1.0 / 30;

    public void Draw(Sketch sketch, SceneMoment moment)
    {
        // The hill spans heights 0.1 to 1: room above it for the flag, the same scale both ways.
        float scale = Math.Min(sketch.Width / (Max - Min), (sketch.Height - 80) / 1f);
        float left = (sketch.Width - (Max - Min) * scale) / 2;
        float Sx(float x) => left + (x - Min) * scale;
        float Sy(float x) => sketch.Height - 20 - Height(x) * scale;
        var hill = new List<SketchPoint>();
        for (int i = 0; i <= 100; i++)
        {
            float x = Min + (Max - Min) * i / 100;
            hill.Add(new(Sx(x), Sy(x)));
        }
        sketch.Polyline(hill, Hill, 2);

        float fx = Sx(Goal), fy = Sy(Goal);
        sketch.Line(fx, fy, fx, fy - 40, Flag, 2);
        sketch.Rect(fx, fy - 40, 22, 12, Flag);

        // The car sits on the slope: its outline turned by the slope's angle about its contact point.
        float position = Math.Clamp(moment.Observation[0], Min, Max);
        float slope = MathF.Atan(3 * 0.45f * MathF.Cos(3 * position));
        float cx = Sx(position), cy = Sy(position), cos = MathF.Cos(-slope), sin = MathF.Sin(-slope);
        SketchPoint At(float x, float y) => new(cx + x * cos - y * sin, cy + x * sin + y * cos);
        sketch.Polygon([At(-20, -22), At(20, -22), At(20, -6), At(-20, -6)], Car);
        foreach (float wheel in new[] { -12f, 12f })
        {
            var hub = At(wheel, -5);
            sketch.Circle(hub.X, hub.Y, 5, Wheel);
        }
    }

    private static float Height(float x) => MathF.Sin(3 * x) * 0.45f + 0.55f;
}
