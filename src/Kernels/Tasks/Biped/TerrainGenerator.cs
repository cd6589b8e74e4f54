using static Wann.Kernels.Tasks.Biped.BipedConstants;

namespace Wann.Kernels.Tasks.Biped;

/// <summary>
/// gym's normal (non-hardcore) BipedalWalker terrain (<c>_generate_terrain(hardcore=False)</c>), then the
/// clouds (<c>_generate_clouds</c>) and the initial push, drawing from an <see cref="IBipedRandom"/> in the
/// original's order: with numpy's generator seeded as gym seeds it, the result equals the recorded episodes.
/// </summary>
public static class TerrainGenerator
{
    /// <summary>Generates terrain, clouds and push.</summary>
    public static GeneratedTerrain Generate(IBipedRandom random)
    {
        var xs = new double[TerrainLength];
        var ys = new double[TerrainLength];
        double velocity = 0.0, y = TerrainHeight;
        int counter = TerrainStartpad;
        bool oneshot = false;
        for (int i = 0; i < TerrainLength; ++i)
        {
            xs[i] = i * TerrainStep;
            // Normal terrain is always in the GRASS state.
            if (!oneshot)
            {
                double d = TerrainHeight - y;
                velocity = 0.8 * velocity + 0.01 * Math.Sign(d);
                if (i > TerrainStartpad) velocity += random.Uniform(-1, 1) / Scale;
                y += velocity;
            }
            oneshot = false;
            ys[i] = y;
            counter -= 1;
            if (counter == 0)
            {
                counter = random.Integer(TerrainGrass / 2, TerrainGrass);
                oneshot = true;
            }
        }

        var clouds = new (double X, double Y)[TerrainLength / 20][];
        for (int k = 0; k < clouds.Length; ++k)
        {
            double cx = random.Uniform(0, TerrainLength) * TerrainStep;
            double cy = ViewportH / Scale * 3 / 4;
            var poly = new (double X, double Y)[5];
            for (int a = 0; a < 5; ++a)
            {
                double px = cx + 15 * TerrainStep * Math.Sin(3.14 * 2 * a / 5) + random.Uniform(0, 5 * TerrainStep);
                double py = cy + 5 * TerrainStep * Math.Cos(3.14 * 2 * a / 5) + random.Uniform(0, 5 * TerrainStep);
                poly[a] = (px, py);
            }
            clouds[k] = poly;
        }

        double fx = random.Uniform(-InitialRandom, InitialRandom);
        return new GeneratedTerrain(BipedTerrain.FromPoints(xs, ys), clouds, fx);
    }
}
