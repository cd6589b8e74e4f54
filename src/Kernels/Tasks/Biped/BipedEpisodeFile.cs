using System.IO.Compression;
using System.Text.Json;
using Wann.Engine;
using Wann.Kernels.Tasks.Biped.Physics;

namespace Wann.Kernels.Tasks.Biped;

/// <summary>
/// Reads a recorded BipedalWalker episode (<c>.json</c>, or <c>.json.gz</c>): the given-terrain path of the
/// walker. A malformed file is a <see cref="WannException"/> naming the file, the field and the problem.
/// </summary>
public static class BipedEpisodeFile
{
    /// <summary>Loads the episode at <paramref name="path"/>.</summary>
    public static BipedRecordedEpisode Load(string path)
    {
        if (!File.Exists(path)) throw new WannException($"{path}: no such episode file");
        try
        {
            using Stream file = File.OpenRead(path);
            using Stream stream = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)
                ? new GZipStream(file, CompressionMode.Decompress) : file;
            using JsonDocument doc = JsonDocument.Parse(stream);
            return Read(path, doc.RootElement);
        }
        catch (Exception e) when (e is JsonException or InvalidDataException)
        {
            throw new WannException($"{path}: not a readable episode file ({e.Message})", e);
        }
    }

    private static BipedRecordedEpisode Read(string path, JsonElement root)
    {
        JsonElement terrain = Field(path, root, "terrain", JsonValueKind.Object);
        JsonElement fixtures = Field(path, terrain, "fixtures", JsonValueKind.Array, "terrain.");
        var edges = new List<EdgeShape>();
        int index = 0;
        foreach (JsonElement f in fixtures.EnumerateArray())
        {
            string where = $"terrain.fixtures[{index++}]";
            if (f.ValueKind != JsonValueKind.Object || !f.TryGetProperty("kind", out JsonElement kind) || kind.GetString() != "edge")
                throw new WannException($"{path}: {where}: only edge fixtures are supported (normal terrain)");
            double[][] v = Points(path, Field(path, f, "v", JsonValueKind.Array, where + "."), where + ".v", 2);
            edges.Add(new EdgeShape(new Vec2((float)v[0][0], (float)v[0][1]), new Vec2((float)v[1][0], (float)v[1][1])));
        }
        if (edges.Count == 0) throw new WannException($"{path}: terrain.fixtures: no edges");

        JsonElement force = Field(path, root, "initialForce", JsonValueKind.Array);
        if (force.GetArrayLength() != 2 || force[0].ValueKind != JsonValueKind.Number)
            throw new WannException($"{path}: initialForce: expected [fx, fy]");

        JsonElement stepsElement = Field(path, root, "steps", JsonValueKind.Array);
        var steps = new BipedRecordedStep[stepsElement.GetArrayLength()];
        if (steps.Length == 0) throw new WannException($"{path}: steps: no steps");
        for (int k = 0; k < steps.Length; ++k)
        {
            string where = $"steps[{k}]";
            JsonElement s = stepsElement[k];
            if (s.ValueKind != JsonValueKind.Object) throw new WannException($"{path}: {where}: expected an object");
            double[] action = Numbers(path, Field(path, s, "action", JsonValueKind.Array, where + "."), where + ".action", BipedConstants.ActionCount);
            double[] obs = Numbers(path, Field(path, s, "obs", JsonValueKind.Array, where + "."), where + ".obs", BipedConstants.ObservationCount);
            double[] hull = Numbers(path, Field(path, s, "hull", JsonValueKind.Array, where + "."), where + ".hull", 2);
            JsonElement reward = Field(path, s, "reward", JsonValueKind.Number, where + ".");
            JsonElement done = Field(path, s, "done", JsonValueKind.Undefined, where + ".");
            if (done.ValueKind is not (JsonValueKind.True or JsonValueKind.False)) throw new WannException($"{path}: {where}.done: expected true or false");
            steps[k] = new BipedRecordedStep(action, obs, reward.GetDouble(), done.GetBoolean(), hull[0], hull[1]);
        }

        BipedTerrain bipedTerrain = BipedTerrain.FromEdges(edges);
        if (terrain.TryGetProperty("terrain_x", out JsonElement tx) && terrain.TryGetProperty("terrain_y", out JsonElement ty))
        {
            double[] x = Numbers(path, tx, "terrain.terrain_x", -1);
            double[] y = Numbers(path, ty, "terrain.terrain_y", x.Length);
            bipedTerrain = BipedTerrain.FromEdgesAndPoints(edges, x, y);
        }
        uint[] key = root.TryGetProperty("rngSeedKey", out JsonElement k0) && k0.ValueKind == JsonValueKind.Array
            ? k0.EnumerateArray().Select(e => e.GetUInt32()).ToArray() : [];
        double[][][] clouds = root.TryGetProperty("clouds", out JsonElement c0) && c0.ValueKind == JsonValueKind.Array
            ? c0.EnumerateArray().Select((c, i) => Points(path, c, $"clouds[{i}]", -1)).ToArray() : [];
        int seed = root.TryGetProperty("seed", out JsonElement seedElement) && seedElement.ValueKind == JsonValueKind.Number ? seedElement.GetInt32() : 0;
        double totalReward = root.TryGetProperty("summary", out JsonElement summary) && summary.TryGetProperty("totalReward", out JsonElement tr)
            && tr.ValueKind == JsonValueKind.Number ? tr.GetDouble() : double.NaN;
        return new BipedRecordedEpisode(seed, key, bipedTerrain, clouds, force[0].GetDouble(), totalReward, steps);
    }

    private static JsonElement Field(string path, JsonElement parent, string name, JsonValueKind kind, string prefix = "")
    {
        if (!parent.TryGetProperty(name, out JsonElement value)) throw new WannException($"{path}: {prefix}{name}: missing");
        if (kind != JsonValueKind.Undefined && value.ValueKind != kind)
            throw new WannException($"{path}: {prefix}{name}: expected {(kind == JsonValueKind.Array ? "an array" : kind == JsonValueKind.Object ? "an object" : "a number")}");
        return value;
    }

    private static double[] Numbers(string path, JsonElement array, string where, int count)
    {
        if (array.ValueKind != JsonValueKind.Array) throw new WannException($"{path}: {where}: expected an array of numbers");
        if (count >= 0 && array.GetArrayLength() != count)
            throw new WannException($"{path}: {where}: expected {count} numbers, got {array.GetArrayLength()}");
        var values = new double[array.GetArrayLength()];
        for (int i = 0; i < values.Length; ++i)
        {
            if (array[i].ValueKind != JsonValueKind.Number) throw new WannException($"{path}: {where}[{i}]: expected a number");
            values[i] = array[i].GetDouble();
        }
        return values;
    }

    private static double[][] Points(string path, JsonElement array, string where, int count)
    {
        if (array.ValueKind != JsonValueKind.Array) throw new WannException($"{path}: {where}: expected an array of points");
        if (count >= 0 && array.GetArrayLength() != count)
            throw new WannException($"{path}: {where}: expected {count} points, got {array.GetArrayLength()}");
        return array.EnumerateArray().Select((p, i) => Numbers(path, p, $"{where}[{i}]", 2)).ToArray();
    }
}
