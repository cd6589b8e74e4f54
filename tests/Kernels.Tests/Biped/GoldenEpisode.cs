using System.IO.Compression;
using System.Text.Json;
using Wann.Kernels.Tasks.Biped;

namespace Wann.Kernels.Tests.Biped;

/// <summary>The recorded BipedalWalker episodes in tests/golden/bipedal-walker (see PROVENANCE.md there).</summary>
public static class GoldenEpisode
{
    /// <summary>The twelve episode names (file names without .json.gz).</summary>
    public static readonly string[] Names =
    [
        "random_seed10", "random_seed11", "random_seed12",
        "champion_w-2_seed0", "champion_w-2_seed1", "champion_w-2_seed2", "champion_w-2_seed3", "champion_w-2_seed4", "champion_w-2_seed5",
        "champion_w-1_seed20", "champion_w-1_seed21", "champion_w-1_seed22",
    ];

    /// <summary>The path of a golden file in the folder.</summary>
    public static string PathOf(string fileName) => TestPaths.Golden(Path.Combine("bipedal-walker", fileName));

    /// <summary>Loads an episode by name through the product's reader.</summary>
    public static BipedRecordedEpisode Load(string name) => BipedEpisodeFile.Load(PathOf(name + ".json.gz"));

    /// <summary>Opens a gzipped golden JSON file (model.json).</summary>
    public static JsonDocument OpenJson(string fileName)
    {
        using var file = File.OpenRead(PathOf(fileName));
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        return JsonDocument.Parse(gzip);
    }
}
