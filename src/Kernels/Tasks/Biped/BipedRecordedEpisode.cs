namespace Wann.Kernels.Tasks.Biped;

/// <summary>
/// A BipedalWalker episode recorded with the original (the format of the reference episodes described in
/// tests/golden/bipedal-walker/PROVENANCE.md): enough to rebuild its world and replay its actions.
/// </summary>
/// <param name="Seed">The env seed.</param>
/// <param name="SeedKey">gym's seed key for numpy's MT19937 (<c>rngSeedKey</c>).</param>
/// <param name="Terrain">The terrain: the recorded edges, and the generator's points.</param>
/// <param name="Clouds">The cloud polygons (visual; they show the random draws between terrain and push).</param>
/// <param name="InitialForceX">The push on the hull during the reset step.</param>
/// <param name="TotalReward">The summary's total reward (action steps only).</param>
/// <param name="Steps">The world steps, [0] being the reset step.</param>
public sealed record BipedRecordedEpisode(int Seed, uint[] SeedKey, BipedTerrain Terrain, double[][][] Clouds,
    double InitialForceX, double TotalReward, BipedRecordedStep[] Steps);
