using Wann.Kernels.Tasks.Biped;
using Wann.Kernels.Tasks.Biped.Physics;

namespace Wann.Kernels.Tests.Biped;

/// <summary>The terrain generator, fed numpy's generator seeded as gym seeds it, against the recorded episodes.</summary>
public sealed class TerrainGeneratorTests
{
    public static TheoryData<string> Episodes => new(GoldenEpisode.Names);

    [Theory]
    [MemberData(nameof(Episodes))]
    public void Generate_WithGymSeeding_ReproducesRecordedTerrainCloudsAndPush(string name)
    {
        BipedRecordedEpisode episode = GoldenEpisode.Load(name);
        uint[] key = NumpyRandomState.GymSeedKey(episode.Seed);
        Assert.Equal(episode.SeedKey, key);

        GeneratedTerrain generated = TerrainGenerator.Generate(new NumpyRandomState(key));

        Assert.Equal(episode.Terrain.X!, generated.Terrain.X!);
        Assert.Equal(episode.Terrain.Y!, generated.Terrain.Y!);
        Assert.Equal(episode.Terrain.Edges.Count, generated.Terrain.Edges.Count);
        for (int i = 0; i < episode.Terrain.Edges.Count; ++i)
        {
            EdgeShape expected = episode.Terrain.Edges[i], actual = generated.Terrain.Edges[i];
            Assert.True(expected.V1.X == actual.V1.X && expected.V1.Y == actual.V1.Y && expected.V2.X == actual.V2.X && expected.V2.Y == actual.V2.Y,
                $"{name}: edge {i} is {actual.V1}-{actual.V2}, recorded {expected.V1}-{expected.V2}");
        }
        Assert.Equal(episode.Clouds.Length, generated.Clouds.Length);
        for (int c = 0; c < episode.Clouds.Length; ++c)
            for (int p = 0; p < 5; ++p)
            {
                Assert.Equal(episode.Clouds[c][p][0], generated.Clouds[c][p].X);
                Assert.Equal(episode.Clouds[c][p][1], generated.Clouds[c][p].Y);
            }
        Assert.Equal(episode.InitialForceX, generated.InitialForceX);
    }

    [Fact]
    public void Generate_StartsWithTwentyOneFlatPoints_AndKeepsEveryHeightNearTheRestingLevel()
    {
        GeneratedTerrain generated = TerrainGenerator.Generate(new NumpyRandomState([1u, 2u, 3u]));
        IReadOnlyList<double> y = generated.Terrain.Y!;
        for (int i = 0; i <= BipedConstants.TerrainStartpad; ++i) Assert.Equal(BipedConstants.TerrainHeight, y[i]);
        Assert.All(y, h => Assert.InRange(h, 0.0, 2 * BipedConstants.TerrainHeight));
        Assert.InRange(generated.InitialForceX, -BipedConstants.InitialRandom, BipedConstants.InitialRandom);
    }
}
