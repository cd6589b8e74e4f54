using Wann.Engine.Datasets;
using Wann.Engine;
using Wann.Host.Cluster;

namespace Wann.Host.Tests;

/// <summary>The cluster configuration file: what it accepts, and one line naming file, field and problem for what it does not.</summary>
public sealed class ClusterConfigTests
{
    private const string Static = """
        {
          "clusterId": "lab", "callTimeoutSeconds": 30,
          "membership": { "kind": "static", "primary": "10.0.0.1:11111", "gateways": ["10.0.0.1:30000", "10.0.0.2:30000"] },
          "worker": { "advertisedAddress": "10.0.0.2", "siloPort": 11112, "gatewayPort": 30001, "backend": "all+cpu" },
          "tls": { "certificate": "certs/cluster.pfx", "password": "p" }
        }
        """;

    [Fact]
    public void StaticConfig_IsRead()
    {
        var config = ClusterConfigLoader.Parse(Static, "/etc/wann/cluster.json");
        Assert.Equal("lab", config.ClusterId);
        Assert.Equal(MembershipKind.Static, config.Membership);
        Assert.Equal("10.0.0.1:11111", config.Primary!.ToString());
        Assert.Equal(new[] { "10.0.0.1:30000", "10.0.0.2:30000" }, config.Gateways.Select(g => g.ToString()));
        Assert.Equal((11112, 30001, "all+cpu", 30.0), (config.SiloPort, config.GatewayPort, config.Backend, config.CallTimeoutSeconds));
        Assert.Equal("10.0.0.2", config.AdvertisedAddress.ToString());
        // A relative certificate is found beside the config file.
        Assert.Equal("/etc/wann/certs/cluster.pfx", config.Certificate);
    }

    [Theory]
    [InlineData("postgres", "Host=db;Database=orleans;Username=wann;Password=x", MembershipKind.Postgres)]
    [InlineData("redis", "redis-host:6379", MembershipKind.Redis)]
    public void TableMembership_IsRead(string kind, string connection, MembershipKind expected)
    {
        var config = ClusterConfigLoader.Parse($$"""{ "membership": { "kind": "{{kind}}", "connectionString": "{{connection}}" } }""", "c.json");
        Assert.Equal(expected, config.Membership);
        Assert.Equal(connection, config.ConnectionString);
        Assert.Null(config.Certificate);
    }

    [Theory]
    [InlineData("{", "c.json: not valid JSON")]
    [InlineData("""{ "membership": { "kind": "static", "primary": "127.0.0.1:1", "gateways": ["127.0.0.1:2"] }, "port": 1 }""", "c.json: port: unknown key")]
    [InlineData("""{ "clusterId": "a b", "membership": {} }""", "c.json: clusterId: 'a b' may hold only")]
    [InlineData("""{ }""", "c.json: membership: missing")]
    [InlineData("""{ "membership": { "kind": "zookeeper" } }""", "c.json: membership.kind: unknown 'zookeeper'")]
    [InlineData("""{ "membership": { "kind": "static", "gateways": ["127.0.0.1:2"] } }""", "c.json: membership.primary: missing")]
    [InlineData("""{ "membership": { "kind": "static", "primary": "127.0.0.1:1", "gateways": [] } }""", "c.json: membership.gateways: expected a non-empty array")]
    [InlineData("""{ "membership": { "kind": "static", "primary": "127.0.0.1:1", "gateways": ["localhost"] } }""", "c.json: membership.gateways[0]: 'localhost' is not an IP address and port")]
    [InlineData("""{ "membership": { "kind": "redis" } }""", "c.json: membership.connectionString: missing for kind redis")]
    [InlineData("""{ "membership": { "kind": "redis", "connectionString": "r:1", "primary": "127.0.0.1:1" } }""", "c.json: membership.primary: only for kind static")]
    [InlineData("""{ "membership": { "kind": "redis", "connectionString": "r:1" }, "worker": { "siloPort": 70000 } }""", "c.json: worker.siloPort: expected a port number 1-65535")]
    [InlineData("""{ "membership": { "kind": "redis", "connectionString": "r:1" }, "callTimeoutSeconds": 0 }""", "c.json: callTimeoutSeconds: expected a number of seconds above 0")]
    [InlineData("""{ "membership": { "kind": "redis", "connectionString": "r:1" }, "tls": { "password": "x" } }""", "c.json: tls.certificate: missing")]
    [InlineData("""{ "membership": { "kind": "redis", "connectionString": "r:1" }, "worker": { "advertisedAddress": "here" } }""", "c.json: worker.advertisedAddress: 'here' is not an IP address")]
    public void BadConfig_IsOneLineNamingFileAndField(string text, string expected)
    {
        var error = Assert.Throws<WannException>(() => ClusterConfigLoader.Parse(text, "c.json"));
        Assert.StartsWith(expected, error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    private const string OnTheNetwork = """
        { "membership": { "kind": "static", "primary": "10.0.0.1:11111", "gateways": ["10.0.0.1:30000"] }, "worker": { "advertisedAddress": "10.0.0.1" } PLAINTEXT }
        """;

    [Fact]
    public void NetworkAddressWithoutTls_IsRefused_UnlessPlaintextIsSaidOnPurpose_AndThenWarned()
    {
        var error = Assert.Throws<WannException>(() => ClusterConfigLoader.Parse(OnTheNetwork.Replace("PLAINTEXT", ""), "c.json"));
        Assert.StartsWith("c.json: tls: missing: the cluster uses the network address 10.0.0.1", error.Message);
        var plaintext = ClusterConfigLoader.Parse(OnTheNetwork.Replace("PLAINTEXT", ", \"plaintext\": true"), "c.json");
        Assert.True(plaintext.Plaintext);
        Assert.StartsWith("warning: c.json: no TLS", plaintext.PlaintextWarning);
        Assert.Contains("plaintext: true, yet a tls block", Assert.Throws<WannException>(() => ClusterConfigLoader.Parse(
            OnTheNetwork.Replace("PLAINTEXT", ", \"plaintext\": true, \"tls\": { \"certificate\": \"c.pfx\" }"), "c.json")).Message);
        // One machine (loopback only) needs no TLS and gets no warning.
        Assert.Null(ClusterConfigLoader.Parse("""{ "membership": { "kind": "static", "primary": "127.0.0.1:1", "gateways": ["127.0.0.1:2"] } }""", "c.json").PlaintextWarning);
    }

    [Fact]
    public void BadConfig_FromTheCommandLine_IsExitStatus2()
    {
        string file = Path.Combine(HostRunner.TempFolder(), "cluster.json");
        File.WriteAllText(file, """{ "membership": { "kind": "static" } }""");
        var worker = HostRunner.Run("worker", "--cluster", file);
        Assert.Equal(2, worker.ExitCode);
        Assert.Equal($"wann: {file}: membership.primary: missing (the first worker's silo endpoint, such as 127.0.0.1:11111)", worker.Error.Trim());
        var train = HostRunner.Run("train", "--task", "swingup", "--cluster", file, "--out", Path.Combine(Path.GetDirectoryName(file)!, "run"));
        Assert.Equal(2, train.ExitCode);
        Assert.Contains("membership.primary: missing", train.Error);
        Assert.False(Directory.Exists(Path.Combine(Path.GetDirectoryName(file)!, "run")));
    }

    [Fact]
    public void ClassificationOnTheCluster_IsRefusedBeforeConnecting()
    {
        string file = Path.Combine(HostRunner.TempFolder(), "cluster.json");
        File.WriteAllText(file, """{ "membership": { "kind": "static", "primary": "127.0.0.1:1", "gateways": ["127.0.0.1:2"] } }""");
        var error = Assert.Throws<WannException>(() => ClusterTraining.Connect(file, ClassificationTasks.Digits));
        Assert.StartsWith("--cluster: task digits is a classification task", error.Message);
    }
}
