using System.Net;
using System.Text.Json;
using Wann.Engine;
using Wann.Engine.Formats;

namespace Wann.Host.Cluster;

/// <summary>Reads a cluster configuration file; any problem is one line naming the file, the field and what is wrong.</summary>
public static class ClusterConfigLoader
{
    private static readonly string[] TopKeys = { "clusterId", "serviceId", "membership", "worker", "callTimeoutSeconds", "joinTimeoutSeconds", "tls", "plaintext" };
    private static readonly string[] MembershipKeys = { "kind", "primary", "gateways", "connectionString" };
    private static readonly string[] WorkerKeys = { "advertisedAddress", "siloPort", "gatewayPort", "backend" };
    private static readonly string[] TlsKeys = { "certificate", "password" };

    public static ClusterConfig Load(string path)
    {
        return Parse(BoundedFile.ReadText(path, FileLimit.Settings), path);
    }

    public static ClusterConfig Parse(string text, string path)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new WannException($"{path}: not valid JSON ({e.Message.Split('.')[0]})");
        }
        using (document)
        {
            var root = Object(document.RootElement, path, "(top level)", TopKeys);
            var config = new ClusterConfig { Path = path };
            if (root.TryGetProperty("clusterId", out var id)) config = config with { ClusterId = Name(id, path, "clusterId") };
            if (root.TryGetProperty("serviceId", out var service)) config = config with { ServiceId = Name(service, path, "serviceId") };
            if (root.TryGetProperty("callTimeoutSeconds", out var call)) config = config with { CallTimeoutSeconds = Seconds(call, path, "callTimeoutSeconds") };
            if (root.TryGetProperty("joinTimeoutSeconds", out var join)) config = config with { JoinTimeoutSeconds = Seconds(join, path, "joinTimeoutSeconds") };
            if (root.TryGetProperty("worker", out var worker)) config = Worker(config, Object(worker, path, "worker", WorkerKeys), path);
            if (root.TryGetProperty("tls", out var tls)) config = Tls(config, Object(tls, path, "tls", TlsKeys), path);
            if (root.TryGetProperty("plaintext", out var plaintext))
            {
                if (plaintext.ValueKind is not (JsonValueKind.True or JsonValueKind.False)) throw new WannException($"{path}: plaintext: expected true or false");
                config = config with { Plaintext = plaintext.GetBoolean() };
            }
            if (!root.TryGetProperty("membership", out var membership)) throw new WannException($"{path}: membership: missing (kind static, postgres or redis)");
            config = Membership(config, Object(membership, path, "membership", MembershipKeys), path);
            return RequireTlsOffLoopback(config, path);
        }
    }

    private static ClusterConfig Membership(ClusterConfig config, JsonElement element, string path)
    {
        if (!element.TryGetProperty("kind", out var kindElement)) throw new WannException($"{path}: membership.kind: missing (static, postgres or redis)");
        string kind = Text(kindElement, path, "membership.kind");
        config = kind switch
        {
            "static" => config with { Membership = MembershipKind.Static },
            "postgres" => config with { Membership = MembershipKind.Postgres },
            "redis" => config with { Membership = MembershipKind.Redis },
            _ => throw new WannException($"{path}: membership.kind: unknown '{kind}' (static, postgres or redis)"),
        };
        if (config.Membership == MembershipKind.Static)
        {
            if (!element.TryGetProperty("primary", out var primary)) throw new WannException($"{path}: membership.primary: missing (the first worker's silo endpoint, such as 127.0.0.1:11111)");
            if (!element.TryGetProperty("gateways", out var gateways) || gateways.ValueKind != JsonValueKind.Array || gateways.GetArrayLength() == 0)
                throw new WannException($"{path}: membership.gateways: expected a non-empty array of gateway endpoints such as [\"127.0.0.1:30000\"]");
            if (element.TryGetProperty("connectionString", out _)) throw new WannException($"{path}: membership.connectionString: only for kind postgres or redis");
            return config with
            {
                Primary = Endpoint(primary, path, "membership.primary"),
                Gateways = gateways.EnumerateArray().Select((g, i) => Endpoint(g, path, $"membership.gateways[{i}]")).ToList(),
            };
        }
        if (!element.TryGetProperty("connectionString", out var connection)) throw new WannException($"{path}: membership.connectionString: missing for kind {kind}");
        foreach (string key in new[] { "primary", "gateways" })
            if (element.TryGetProperty(key, out _)) throw new WannException($"{path}: membership.{key}: only for kind static");
        return config with { ConnectionString = Text(connection, path, "membership.connectionString") };
    }

    private static ClusterConfig Worker(ClusterConfig config, JsonElement element, string path)
    {
        if (element.TryGetProperty("advertisedAddress", out var address))
        {
            string text = Text(address, path, "worker.advertisedAddress");
            config = config with { AdvertisedAddress = IPAddress.TryParse(text, out var ip) ? ip : throw new WannException($"{path}: worker.advertisedAddress: '{text}' is not an IP address") };
        }
        if (element.TryGetProperty("siloPort", out var silo)) config = config with { SiloPort = Port(silo, path, "worker.siloPort") };
        if (element.TryGetProperty("gatewayPort", out var gateway)) config = config with { GatewayPort = Port(gateway, path, "worker.gatewayPort") };
        if (element.TryGetProperty("backend", out var backend)) config = config with { Backend = Text(backend, path, "worker.backend") };
        return config;
    }

    private static ClusterConfig Tls(ClusterConfig config, JsonElement element, string path)
    {
        if (!element.TryGetProperty("certificate", out var certificate)) throw new WannException($"{path}: tls.certificate: missing (a PKCS#12 file with the cluster's certificate and key)");
        string file = Text(certificate, path, "tls.certificate");
        // A relative certificate path is relative to the config file, so one folder can be copied to every machine.
        string full = System.IO.Path.IsPathRooted(file) ? file : System.IO.Path.Combine(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!, file);
        string? password = element.TryGetProperty("password", out var p) ? Text(p, path, "tls.password") : null;
        return config with { Certificate = full, CertificatePassword = password };
    }

    /// <summary>TLS is the default beyond one machine: a cluster on a network address needs a tls block, or "plaintext": true said on purpose.</summary>
    private static ClusterConfig RequireTlsOffLoopback(ClusterConfig config, string path)
    {
        if (config.Plaintext && config.Certificate is not null) throw new WannException($"{path}: plaintext: true, yet a tls block is given: choose one");
        if (config.Certificate is null && !config.Plaintext && !config.LoopbackOnly)
        {
            var address = new[] { config.AdvertisedAddress }.Concat(config.Primary is { } p ? new[] { p.Address } : Array.Empty<IPAddress>())
                .Concat(config.Gateways.Select(g => g.Address)).First(a => !IPAddress.IsLoopback(a));
            throw new WannException($"{path}: tls: missing: the cluster uses the network address {address}, and without TLS any machine that reaches it " +
                                    "can join as a worker; give a tls block with the cluster's certificate, or \"plaintext\": true to run without it anyway");
        }
        return config;
    }

    private static JsonElement Object(JsonElement element, string path, string field, string[] keys)
    {
        if (element.ValueKind != JsonValueKind.Object) throw new WannException($"{path}: {field}: expected a JSON object");
        var seen = new HashSet<string>();
        foreach (var property in element.EnumerateObject())
        {
            string where = field == "(top level)" ? property.Name : $"{field}.{property.Name}";
            if (!keys.Contains(property.Name)) throw new WannException($"{path}: {where}: unknown key (known: {string.Join(", ", keys)})");
            if (!seen.Add(property.Name)) throw new WannException($"{path}: {where}: appears twice");
        }
        return element;
    }

    private static string Text(JsonElement element, string path, string field) =>
        element.ValueKind == JsonValueKind.String && element.GetString() is { Length: > 0 } text
            ? text
            : throw new WannException($"{path}: {field}: expected a non-empty string");

    private static string Name(JsonElement element, string path, string field)
    {
        string text = Text(element, path, field);
        return text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')
            ? text
            : throw new WannException($"{path}: {field}: '{text}' may hold only letters, digits, '-', '_' and '.'");
    }

    private static double Seconds(JsonElement element, string path, string field) =>
        element.ValueKind == JsonValueKind.Number && element.TryGetDouble(out double value) && value > 0 && double.IsFinite(value)
            ? value
            : throw new WannException($"{path}: {field}: expected a number of seconds above 0");

    private static int Port(JsonElement element, string path, string field) =>
        element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out int value) && value is >= 1 and <= 65535
            ? value
            : throw new WannException($"{path}: {field}: expected a port number 1-65535");

    private static IPEndPoint Endpoint(JsonElement element, string path, string field)
    {
        string text = Text(element, path, field);
        return IPEndPoint.TryParse(text, out var endpoint) && endpoint.Port > 0
            ? endpoint
            : throw new WannException($"{path}: {field}: '{text}' is not an IP address and port such as 127.0.0.1:30000");
    }
}
