using System.Net;

namespace Wann.Host.Cluster;

/// <summary>How workers find each other: a fixed set of machines, or a membership table in PostgreSQL or Redis.</summary>
public enum MembershipKind
{
    /// <summary>Development/static: the first worker (the primary) holds the membership table; the host knows the gateways.</summary>
    Static,
    /// <summary>Orleans' ADO.NET membership table on PostgreSQL.</summary>
    Postgres,
    /// <summary>Orleans' Redis membership table.</summary>
    Redis,
}

/// <summary>
/// A cluster configuration file (<c>--cluster FILE</c>), the same file for the host and every worker:
/// the cluster's ids, its membership, the worker's ports and backend, the call timeout and TLS.
/// </summary>
public sealed record ClusterConfig
{
    public required string Path { get; init; }
    public string ClusterId { get; init; } = "wann";
    public string ServiceId { get; init; } = "wann";
    public MembershipKind Membership { get; init; } = MembershipKind.Static;
    /// <summary>Static membership: the primary worker's silo endpoint.</summary>
    public IPEndPoint? Primary { get; init; }
    /// <summary>Static membership: the workers' gateway endpoints the host connects to.</summary>
    public IReadOnlyList<IPEndPoint> Gateways { get; init; } = Array.Empty<IPEndPoint>();
    /// <summary>PostgreSQL or Redis membership: the connection string of the table.</summary>
    public string? ConnectionString { get; init; }
    /// <summary>This worker's address as the others reach it (default 127.0.0.1).</summary>
    public IPAddress AdvertisedAddress { get; init; } = IPAddress.Loopback;
    public int SiloPort { get; init; } = 11111;
    public int GatewayPort { get; init; } = 30000;
    /// <summary>The backend a worker evaluates on (any <c>--backend</c> text: <c>all+cpu</c>, <c>cuda:0,cuda:1</c>, <c>cpu</c>).</summary>
    public string Backend { get; init; } = "cpu";
    /// <summary>Seconds the host waits for one shard before sending it to another worker.</summary>
    public double CallTimeoutSeconds { get; init; } = 60;
    /// <summary>Seconds the host waits at start for at least one worker.</summary>
    public double JoinTimeoutSeconds { get; init; } = 60;
    /// <summary>TLS: the cluster's certificate (PKCS#12 file with its key); every member must present this same certificate.</summary>
    public string? Certificate { get; init; }
    public string? CertificatePassword { get; init; }

    /// <summary>
    /// "plaintext": true: run without TLS although an address is not loopback. Anyone who reaches the ports
    /// can then join as a worker and see the networks (forged rewards are still caught by the host's checks).
    /// </summary>
    public bool Plaintext { get; init; }

    /// <summary>Whether every address the cluster listens on or connects to is a loopback address (one machine).</summary>
    public bool LoopbackOnly =>
        System.Net.IPAddress.IsLoopback(AdvertisedAddress)
        && (Primary is null || System.Net.IPAddress.IsLoopback(Primary.Address))
        && Gateways.All(g => System.Net.IPAddress.IsLoopback(g.Address));

    /// <summary>The warning a plaintext cluster on a network prints at every start; null where there is nothing to say.</summary>
    public string? PlaintextWarning => Certificate is null && !LoopbackOnly
        ? $"warning: {Path}: no TLS (\"plaintext\": true): any machine that reaches this cluster's ports can join it as a worker and see the networks it evaluates"
        : null;
}
