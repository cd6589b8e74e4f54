using System.IO.Compression;
using System.Text.Json;
using Wann.Kernels.Tasks.Biped;
using Wann.Kernels.Tasks.Biped.Physics;

namespace Wann.Kernels.Tests.Biped;

/// <summary>One recorded BipedalWalker episode (tests/golden/bipedal-walker/*.json.gz, see PROVENANCE.md there).</summary>
public sealed class GoldenEpisode
{
    /// <summary>One recorded world step.</summary>
    public sealed record StepRecord(double[] Action, double[] Observation, double Reward, bool Done, double HullX, double HullY);

    /// <summary>File name without folder.</summary>
    public required string Name { get; init; }
    /// <summary>The env seed.</summary>
    public required int Seed { get; init; }
    /// <summary>gym's seed key for numpy's MT19937.</summary>
    public required uint[] SeedKey { get; init; }
    /// <summary>Horizontal push during the reset step.</summary>
    public required double InitialForceX { get; init; }
    /// <summary>Generator points.</summary>
    public required double[] TerrainX { get; init; }
    /// <summary>Generator heights.</summary>
    public required double[] TerrainY { get; init; }
    /// <summary>Recorded edges (float32 values).</summary>
    public required EdgeShape[] Edges { get; init; }
    /// <summary>Cloud polygons.</summary>
    public required double[][][] Clouds { get; init; }
    /// <summary>Steps, [0] being the reset step.</summary>
    public required StepRecord[] Steps { get; init; }
    /// <summary>The summary's total reward (steps 1..N).</summary>
    public required double TotalReward { get; init; }

    /// <summary>The twelve episode file names.</summary>
    public static readonly string[] Names =
    [
        "random_seed10", "random_seed11", "random_seed12",
        "champion_w-2_seed0", "champion_w-2_seed1", "champion_w-2_seed2", "champion_w-2_seed3", "champion_w-2_seed4", "champion_w-2_seed5",
        "champion_w-1_seed20", "champion_w-1_seed21", "champion_w-1_seed22",
    ];

    /// <summary>Opens a gzipped golden JSON file.</summary>
    public static JsonDocument OpenJson(string fileName)
    {
        using var file = File.OpenRead(TestPaths.Golden(Path.Combine("bipedal-walker", fileName)));
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        return JsonDocument.Parse(gzip);
    }

    /// <summary>Loads an episode by name.</summary>
    public static GoldenEpisode Load(string name)
    {
        using JsonDocument doc = OpenJson(name + ".json.gz");
        JsonElement root = doc.RootElement;
        JsonElement terrain = root.GetProperty("terrain");
        var edges = terrain.GetProperty("fixtures").EnumerateArray().Select(f =>
        {
            if (f.GetProperty("kind").GetString() != "edge") throw new InvalidDataException($"{name}: only edge fixtures expected");
            JsonElement v = f.GetProperty("v");
            return new EdgeShape(new Vec2((float)v[0][0].GetDouble(), (float)v[0][1].GetDouble()),
                new Vec2((float)v[1][0].GetDouble(), (float)v[1][1].GetDouble()));
        }).ToArray();
        var steps = root.GetProperty("steps").EnumerateArray().Select(s => new StepRecord(
            Doubles(s.GetProperty("action")), Doubles(s.GetProperty("obs")), s.GetProperty("reward").GetDouble(),
            s.GetProperty("done").GetBoolean(), s.GetProperty("hull")[0].GetDouble(), s.GetProperty("hull")[1].GetDouble())).ToArray();
        return new GoldenEpisode
        {
            Name = name,
            Seed = root.GetProperty("seed").GetInt32(),
            SeedKey = root.GetProperty("rngSeedKey").EnumerateArray().Select(e => e.GetUInt32()).ToArray(),
            InitialForceX = root.GetProperty("initialForce")[0].GetDouble(),
            TerrainX = Doubles(terrain.GetProperty("terrain_x")),
            TerrainY = Doubles(terrain.GetProperty("terrain_y")),
            Edges = edges,
            Clouds = root.GetProperty("clouds").EnumerateArray().Select(c => c.EnumerateArray().Select(Doubles).ToArray()).ToArray(),
            Steps = steps,
            TotalReward = root.GetProperty("summary").GetProperty("totalReward").GetDouble(),
        };
    }

    private static double[] Doubles(JsonElement array) => array.EnumerateArray().Select(e => e.GetDouble()).ToArray();
}
