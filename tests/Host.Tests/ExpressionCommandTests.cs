using System.Text.Json.Nodes;

namespace Wann.Host.Tests;

/// <summary>
/// The <c>express_disabled_hidden</c> setting and the <c>expressDisabledHidden</c> field of a network file,
/// through the commands: forward and eval use the file's rule, train records the run's rule in config.json,
/// best.json and the checkpoint, and a resumed run keeps it.
/// </summary>
public sealed class ExpressionCommandTests
{
    /// <summary>
    /// Engine.Tests' ExpressionTests genome (bias, inputs 1-2, output 3, hidden 4, 5 linear and 6 abs, with
    /// 4->5 a disabled hidden-to-hidden gene) with <paramref name="inputs"/> inputs: out = w v5 + w x2.
    /// </summary>
    private static string NetworkJson(bool? expressDisabledHidden, int inputs = 2)
    {
        int output = inputs + 1, h4 = output + 1, h5 = output + 2, h6 = output + 3;
        var nodes = new JsonArray { Node(0, "bias", 1) };
        for (int i = 1; i <= inputs; i++) nodes.Add(Node(i, "input", 1));
        nodes.Add(Node(output, "output", 1));
        nodes.Add(Node(h4, "hidden", 1));
        nodes.Add(Node(h5, "hidden", 1));
        nodes.Add(Node(h6, "hidden", 8));
        var genes = new (int Source, int Destination, bool Enabled)[]
        {
            (0, output, false), (1, output, false), (2, output, true), (1, h4, true), (h4, output, false),
            (h4, h5, false), (h5, output, true), (h4, h6, true), (h6, h5, true),
        };
        var connections = new JsonArray();
        for (int k = 0; k < genes.Length; k++)
            connections.Add(new JsonObject
            {
                ["innovation"] = k, ["source"] = genes[k].Source, ["destination"] = genes[k].Destination,
                ["enabled"] = genes[k].Enabled, ["weight"] = 1,
            });
        var doc = new JsonObject
        {
            ["format"] = "wann-gpu-network", ["version"] = 1, ["inputs"] = inputs, ["outputs"] = 1,
            ["nodes"] = nodes, ["connections"] = connections, ["provenance"] = new JsonObject { ["source"] = "test" },
        };
        if (expressDisabledHidden is { } express) doc["expressDisabledHidden"] = express;
        return doc.ToJsonString();

        static JsonObject Node(int id, string kind, int activation) => new() { ["id"] = id, ["kind"] = kind, ["activation"] = activation };
    }

    [Theory]
    [InlineData(true, "1.25")]
    [InlineData(null, "1.25")]
    [InlineData(false, "0.75")]
    public void Forward_UsesTheRuleTheNetworkFileRecords(bool? expressDisabledHidden, string expected)
    {
        string folder = HostRunner.TempFolder();
        string net = Path.Combine(folder, "net.json"), inputs = Path.Combine(folder, "in.csv");
        File.WriteAllText(net, NetworkJson(expressDisabledHidden));
        File.WriteAllText(inputs, "0.5,0.25\n");
        var result = HostRunner.Run("forward", "--net", net, "--weight", "1", "--inputs", inputs);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(expected, result.Out.Trim());
    }

    [Theory]
    [InlineData(".out", true)]
    [InlineData(".json", true)]
    [InlineData(".json", false)]
    public void Export_WithAWeight_StoresItOnEveryLiveConnection(string extension, bool expressDisabledHidden)
    {
        string folder = HostRunner.TempFolder();
        string net = Path.Combine(folder, "net.json"), inputs = Path.Combine(folder, "in.csv"), exported = Path.Combine(folder, "w" + extension);
        File.WriteAllText(net, NetworkJson(expressDisabledHidden));
        File.WriteAllText(inputs, "0.5,0.25\n");
        Assert.Equal(0, HostRunner.Run("export", "--net", net, "--weight", "0.5", "--out", exported).ExitCode);
        var shared = HostRunner.Run("forward", "--net", net, "--weight", "0.5", "--inputs", inputs);
        var stored = HostRunner.Run(new[] { "forward", "--net", exported, "--stored", "--inputs", inputs }
            .Concat(extension == ".out" ? new[] { "--io", "2x1" } : Array.Empty<string>()).ToArray());
        Assert.True(stored.ExitCode == 0, stored.Error);
        Assert.Equal(shared.Out, stored.Out);
    }

    [Fact]
    public void Forward_RejectsANonBooleanField_NamingIt()
    {
        string folder = HostRunner.TempFolder();
        string net = Path.Combine(folder, "net.json"), inputs = Path.Combine(folder, "in.csv");
        File.WriteAllText(net, NetworkJson(true).Replace("\"expressDisabledHidden\":true", "\"expressDisabledHidden\":\"yes\""));
        File.WriteAllText(inputs, "0.5,0.25\n");
        var result = HostRunner.Run("forward", "--net", net, "--weight", "1", "--inputs", inputs);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("net.json", result.Error);
        Assert.Contains("expressDisabledHidden", result.Error);
    }

    [Fact]
    public void Eval_UsesTheRuleTheNetworkFileRecords()
    {
        string folder = HostRunner.TempFolder();
        var means = new List<string>();
        foreach (bool express in new[] { true, false })
        {
            string net = Path.Combine(folder, $"net-{express}.json");
            File.WriteAllText(net, NetworkJson(express, inputs: 5));
            var result = HostRunner.Run("eval", "--net", net, "--task", "swingup", "--episodes", "2", "--backend", "cpu", "--json");
            Assert.Equal(0, result.ExitCode);
            means.Add(result.Out);
        }
        Assert.NotEqual(means[0], means[1]);
    }

    [Fact]
    public void Train_RecordsTheRule_AndAResumedRunKeepsIt()
    {
        string folder = HostRunner.TempFolder();
        string config = Path.Combine(folder, "off.json");
        File.WriteAllText(config, "{\"popSize\": 16, \"alg_nReps\": 1, \"express_disabled_hidden\": false, \"save_mod\": 1, \"bestReps\": 2}");
        string whole = Path.Combine(folder, "whole"), split = Path.Combine(folder, "split"), on = Path.Combine(folder, "on");
        Assert.Equal(0, HostRunner.Run("train", "--config", config, "--gens", "60", "--seed", "3", "--backend", "cpu", "--out", whole, "--quiet").ExitCode);
        Assert.Equal(0, HostRunner.Run("train", "--config", config, "--gens", "10", "--seed", "3", "--backend", "cpu", "--out", split, "--quiet").ExitCode);
        Assert.Equal(0, HostRunner.Run("train", "--resume", split, "--gens", "60", "--backend", "cpu", "--quiet").ExitCode);
        Assert.Equal(HostRunner.LogWithoutTimes(whole), HostRunner.LogWithoutTimes(split));

        Assert.False(JsonNode.Parse(File.ReadAllText(Path.Combine(split, "config.json")))!["express_disabled_hidden"]!.GetValue<bool>());
        Assert.False(JsonNode.Parse(File.ReadAllText(Path.Combine(split, "best.json")))!["expressDisabledHidden"]!.GetValue<bool>());

        // The same run under the default rule differs: the setting reached the search.
        File.WriteAllText(config, "{\"popSize\": 16, \"alg_nReps\": 1, \"save_mod\": 1, \"bestReps\": 2}");
        Assert.Equal(0, HostRunner.Run("train", "--config", config, "--gens", "60", "--seed", "3", "--backend", "cpu", "--out", on, "--quiet").ExitCode);
        Assert.NotEqual(HostRunner.LogWithoutTimes(whole), HostRunner.LogWithoutTimes(on));
        Assert.True(JsonNode.Parse(File.ReadAllText(Path.Combine(on, "best.json")))!["expressDisabledHidden"]!.GetValue<bool>());
    }
}
