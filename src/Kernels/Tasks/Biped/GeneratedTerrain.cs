namespace Wann.Kernels.Tasks.Biped;

/// <summary>What <see cref="TerrainGenerator"/> draws for one episode: terrain, clouds (visual only) and the push.</summary>
/// <param name="Terrain">The terrain.</param>
/// <param name="Clouds">Ten five-point cloud polygons (x, y).</param>
/// <param name="InitialForceX">Horizontal force on the hull during the reset step.</param>
public sealed record GeneratedTerrain(BipedTerrain Terrain, (double X, double Y)[][] Clouds, double InitialForceX);
