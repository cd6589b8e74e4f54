using System.Data.Common;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Orleans.Configuration;
using Orleans.Connections.Security;
using Wann.Engine;

namespace Wann.Host.Cluster;

/// <summary>Builds a worker silo or the host's client from a <see cref="ClusterConfig"/>: ids, membership, endpoints, TLS.</summary>
public static class ClusterHosting
{
    /// <summary>Orleans' ADO.NET provider name for PostgreSQL.</summary>
    private const string PostgresInvariant = "Npgsql";

    /// <summary>A worker silo that evaluates shards on <paramref name="backend"/>; started by the caller.</summary>
    public static IHost BuildWorker(ClusterConfig config, WorkerBackend backend)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(Array.Empty<string>());
        Quiet(builder.Logging);
        builder.UseOrleans(silo =>
        {
            ConfigureWorker(silo, config);
            silo.Services.AddSingleton(backend);
        });
        return builder.Build();
    }

    /// <summary>Everything a worker silo needs but its evaluator (tests add that to their own silos).</summary>
    public static void ConfigureWorker(ISiloBuilder silo, ClusterConfig config)
    {
        silo.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (config.ClusterId, config.ServiceId));
        silo.ConfigureEndpoints(config.AdvertisedAddress, config.SiloPort, config.GatewayPort, listenOnAnyHostAddress: !config.AdvertisedAddress.Equals(System.Net.IPAddress.Loopback));
        switch (config.Membership)
        {
            case MembershipKind.Static: silo.UseDevelopmentClustering(config.Primary!); break;
            case MembershipKind.Postgres:
                RegisterPostgres();
                silo.UseAdoNetClustering(o => (o.Invariant, o.ConnectionString) = (PostgresInvariant, config.ConnectionString!));
                break;
            case MembershipKind.Redis: silo.UseRedisClustering(config.ConnectionString!); break;
        }
        silo.Services.AddPlacementDirector<WorkerPlacementStrategy, WorkerPlacementDirector>();
        if (config.Certificate is not null) silo.UseTls(LoadCertificate(config), o => RequireClusterCertificate(o, config));
    }

    /// <summary>The host's client, connected (retrying until the config's join timeout) and ready.</summary>
    public static async Task<IHost> StartClient(ClusterConfig config)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(Array.Empty<string>());
        Quiet(builder.Logging);
        var deadline = DateTime.UtcNow.AddSeconds(config.JoinTimeoutSeconds);
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (config.ClusterId, config.ServiceId));
            switch (config.Membership)
            {
                case MembershipKind.Static: client.UseStaticClustering(config.Gateways.ToArray()); break;
                case MembershipKind.Postgres:
                    RegisterPostgres();
                    client.UseAdoNetClustering(o => (o.Invariant, o.ConnectionString) = (PostgresInvariant, config.ConnectionString!));
                    break;
                case MembershipKind.Redis: client.UseRedisClustering(config.ConnectionString!); break;
            }
            client.Configure<ClientMessagingOptions>(o =>
            {
                o.ResponseTimeout = TimeSpan.FromSeconds(config.CallTimeoutSeconds * 2);
                // A call the host stops waiting for is cancelled on the worker too.
                o.CancelRequestOnTimeout = true;
            });
            client.UseConnectionRetryFilter(async (_, cancel) =>
            {
                if (DateTime.UtcNow > deadline) return false;
                await Task.Delay(500, cancel);
                return true;
            });
            if (config.Certificate is not null) client.UseTls(LoadCertificate(config), o => RequireClusterCertificate(o, config));
        });
        var host = builder.Build();
        try
        {
            await host.StartAsync();
        }
        catch (Exception e) when (e is not WannException)
        {
            host.Dispose();
            throw new WannException($"{config.Path}: no worker of cluster '{config.ClusterId}' answered within {config.JoinTimeoutSeconds} s ({e.GetType().Name}: {e.Message})");
        }
        return host;
    }

    /// <summary>
    /// Both sides present the cluster's certificate and accept a peer only if it presents that same
    /// certificate: one file, copied to every machine, is the cluster's membership card.
    /// </summary>
    private static void RequireClusterCertificate(TlsOptions options, ClusterConfig config)
    {
        string expected = LoadCertificate(config).Thumbprint;
        options.RemoteCertificateMode = RemoteCertificateMode.RequireCertificate;
        options.ClientCertificateMode = RemoteCertificateMode.RequireCertificate;
        options.RemoteCertificateValidation = (certificate, _, _) =>
            certificate is not null && string.Equals(certificate.GetCertHashString(HashAlgorithmName.SHA1), expected, StringComparison.OrdinalIgnoreCase);
    }

    public static X509Certificate2 LoadCertificate(ClusterConfig config)
    {
        try
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(config.Certificate!, config.CertificatePassword);
            if (!certificate.HasPrivateKey) throw new WannException($"{config.Path}: tls.certificate: {config.Certificate} holds no private key");
            return certificate;
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new WannException($"{config.Path}: tls.certificate: cannot load {config.Certificate}: {e.Message}");
        }
    }

    private static void RegisterPostgres() => DbProviderFactories.RegisterFactory(PostgresInvariant, NpgsqlFactory.Instance);

    // Orleans logs every connection and membership change, failures with whole stack traces; wann reports
    // what matters in its own lines. WANN_CLUSTER_LOG=debug shows Orleans' log.
    private static void Quiet(ILoggingBuilder logging)
    {
        logging.ClearProviders();
        logging.AddSimpleConsole(o => o.SingleLine = true);
        logging.SetMinimumLevel(Environment.GetEnvironmentVariable("WANN_CLUSTER_LOG") is "debug" ? LogLevel.Information : LogLevel.Critical);
    }
}
