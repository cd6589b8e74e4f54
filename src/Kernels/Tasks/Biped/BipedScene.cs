using Wann.Kernels.Tasks.Biped.Lanes;
using Wann.Kernels.Tasks.Scenes;
using static Wann.Kernels.Tasks.Biped.Lanes.BipedLayout;

namespace Wann.Kernels.Tasks.Biped;

/// <summary>
/// The walker as gym draws it, from the lane state and the episode data (<see cref="BipedLayout"/>): the terrain
/// under a pale sky, the far legs behind the hull and the near ones, the ten lidar rays to where they hit, the
/// finish line, and the distance the hull has covered. The camera follows the hull as gym's does (the hull a
/// fifth of the way in), at gym's 30 pixels a metre.
/// </summary>
public sealed class BipedScene : ITaskScene
{
    private const float PixelsPerMetre = (float)BipedConstants.Scale;
    // Colours of the animations' palette (GifPalette: multiples of 51), so flat areas stay flat.
    private static readonly Rgb Sky = new(204, 204, 255), Grass = new(102, 204, 102), GrassEdge = new(51, 102, 51),
        Hull = new(153, 102, 255), HullEdge = new(51, 51, 102), FarLeg = new(204, 102, 153), NearLeg = new(153, 51, 102), LegEdge = new(51, 0, 51),
        Ray = new(255, 0, 0), Finish = new(0, 0, 0), Ink = new(0, 0, 0);

    public double StepSeconds => 1 / BipedConstants.Fps;

    public void Draw(Sketch sketch, SceneMoment moment)
    {
        float[] state = moment.State, episode = moment.Episode;
        var (hullX, hullY) = (state[StateBodies + Px], state[StateBodies + Py]);
        // Whole pixels: the ground then shifts without re-shading its anti-aliased edges (smaller GIFs).
        float left = MathF.Floor((hullX - sketch.Width / PixelsPerMetre / 5) * PixelsPerMetre) / PixelsPerMetre;
        SketchPoint Screen(float x, float y) => new((x - left) * PixelsPerMetre, sketch.Height - y * PixelsPerMetre);
        float right = left + sketch.Width / PixelsPerMetre;

        sketch.Rect(0, 0, sketch.Width, sketch.Height, Sky);
        int edges = (int)episode[EdgeCount];
        var surface = new List<SketchPoint>();
        for (int e = 0; e < edges; e++)
        {
            int at = Edges + e * EdgeStride;
            float x1 = episode[at + EdgeV1x], y1 = episode[at + EdgeV1y], x2 = episode[at + EdgeV2x], y2 = episode[at + EdgeV2y];
            if (x2 < left || x1 > right) continue;
            sketch.Polygon([Screen(x1, y1), Screen(x2, y2), Screen(x2, 0), Screen(x1, 0)], Grass);
            if (surface.Count == 0) surface.Add(Screen(x1, y1));
            surface.Add(Screen(x2, y2));
        }
        if (surface.Count > 1) sketch.Polyline(surface, GrassEdge, 2);

        // A post every 10 m from the start, so the ground visibly passes and the distance reads off it.
        float start = episode[Bodies + BodyPx];
        for (int metres = 10 * (int)Math.Max(1, Math.Ceiling((left - start) / 10)); start + metres <= right; metres += 10)
        {
            var post = Screen(start + metres, GroundAt(episode, edges, start + metres));
            sketch.Line(post.X, post.Y, post.X, post.Y + 14, GrassEdge, 2);
            sketch.Text(post.X - 10, post.Y + 28, $"{metres} m", GrassEdge);
        }

        float finish = (float)BipedConstants.FinishX;
        float ground = GroundAt(episode, edges, finish);
        var foot = Screen(finish, ground);
        sketch.Line(foot.X, foot.Y, foot.X, foot.Y - 2.5f * PixelsPerMetre, Finish, 2);
        sketch.Rect(foot.X, foot.Y - 2.5f * PixelsPerMetre, 0.8f * PixelsPerMetre, 0.5f * PixelsPerMetre, Finish);

        // Lidar: from the hull's origin towards each ray's end, as far as the fraction it observed.
        var origin = Screen(hullX, hullY);
        for (int i = 0; i < BipedConstants.LidarCount; i++)
        {
            float fraction = moment.Observation[14 + i];
            var hit = Screen(hullX + fraction * episode[Lidar + 2 * i], hullY + fraction * episode[Lidar + 2 * i + 1]);
            sketch.Line(origin.X, origin.Y, hit.X, hit.Y, Ray, 1);
        }

        // Bodies: hull 0, upper and lower leg 1-2 (far), 3-4 (near); gym draws the legs before the hull.
        DrawBody(sketch, moment, 1, FarLeg, LegEdge, Screen);
        DrawBody(sketch, moment, 2, FarLeg, LegEdge, Screen);
        DrawBody(sketch, moment, 3, NearLeg, LegEdge, Screen);
        DrawBody(sketch, moment, 4, NearLeg, LegEdge, Screen);
        DrawBody(sketch, moment, 0, Hull, HullEdge, Screen);

        sketch.Text(8, 36, $"distance {hullX - start:F1} m of {finish - start:F1} m to the finish", Ink);
    }

    private static void DrawBody(Sketch sketch, SceneMoment moment, int body, Rgb fill, Rgb outline, Func<float, float, SketchPoint> screen)
    {
        int slots = StateBodies + body * StateBodyStride, model = Bodies + body * BodyStride;
        float px = moment.State[slots + Px], py = moment.State[slots + Py], sin = moment.State[slots + QSin], cos = moment.State[slots + QCos];
        int count = (int)moment.Episode[model + BodyVertexCount];
        var points = new SketchPoint[count];
        for (int v = 0; v < count; v++)
        {
            float x = moment.Episode[model + BodyVertices + 2 * v], y = moment.Episode[model + BodyVertices + 2 * v + 1];
            points[v] = screen(px + cos * x - sin * y, py + sin * x + cos * y);
        }
        sketch.Polygon(points, fill, outline);
    }

    /// <summary>The terrain's height at <paramref name="x"/> (the edge over it, linearly).</summary>
    private static float GroundAt(float[] episode, int edges, float x)
    {
        for (int e = 0; e < edges; e++)
        {
            int at = Edges + e * EdgeStride;
            float x1 = episode[at + EdgeV1x], x2 = episode[at + EdgeV2x];
            if (x < x1 || x > x2 || x2 <= x1) continue;
            float y1 = episode[at + EdgeV1y], y2 = episode[at + EdgeV2y];
            return y1 + (y2 - y1) * (x - x1) / (x2 - x1);
        }
        return (float)BipedConstants.TerrainHeight;
    }
}
