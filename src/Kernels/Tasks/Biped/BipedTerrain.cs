using Wann.Kernels.Tasks.Biped.Physics;

namespace Wann.Kernels.Tasks.Biped;

/// <summary>
/// A walker terrain: the static edges in creation order (each from point i to point i+1, the float32
/// values Box2D stores), and the double points they came from when known.
/// </summary>
public sealed class BipedTerrain
{
    /// <summary>The edges, in creation order.</summary>
    public IReadOnlyList<EdgeShape> Edges { get; }
    /// <summary>The generator's points (double), or null for a terrain given only by its edges.</summary>
    public IReadOnlyList<double>? X { get; }
    /// <summary>Heights of the points, or null.</summary>
    public IReadOnlyList<double>? Y { get; }

    private BipedTerrain(EdgeShape[] edges, double[]? x, double[]? y) { Edges = edges; X = x; Y = y; }

    /// <summary>A terrain from its points: edge i joins points i and i+1 (pybox2d rounds each coordinate to float32).</summary>
    public static BipedTerrain FromPoints(double[] x, double[] y)
    {
        if (x.Length != y.Length || x.Length < 2)
            throw new ArgumentException($"terrain needs matching x and y of at least 2 points, got {x.Length} and {y.Length}");
        var edges = new EdgeShape[x.Length - 1];
        for (int i = 0; i < edges.Length; ++i)
            edges[i] = new EdgeShape(new Vec2((float)x[i], (float)y[i]), new Vec2((float)x[i + 1], (float)y[i + 1]));
        return new BipedTerrain(edges, (double[])x.Clone(), (double[])y.Clone());
    }

    /// <summary>A terrain from recorded edges together with the points they were made from (kept for reference; the edges are used).</summary>
    public static BipedTerrain FromEdgesAndPoints(IEnumerable<EdgeShape> edges, double[] x, double[] y)
    {
        EdgeShape[] e = edges.ToArray();
        if (e.Length == 0) throw new ArgumentException("terrain needs at least one edge");
        if (x.Length != y.Length) throw new ArgumentException($"terrain needs matching x and y, got {x.Length} and {y.Length}");
        return new BipedTerrain(e, (double[])x.Clone(), (double[])y.Clone());
    }

    /// <summary>A terrain from recorded edges (float32 vertices), e.g. an episode file's fixtures.</summary>
    public static BipedTerrain FromEdges(IEnumerable<EdgeShape> edges)
    {
        EdgeShape[] e = edges.ToArray();
        if (e.Length == 0) throw new ArgumentException("terrain needs at least one edge");
        return new BipedTerrain(e, null, null);
    }
}
