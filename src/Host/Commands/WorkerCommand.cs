using System.Runtime.InteropServices;
using CommandLine;
using Wann.Host.Cluster;
using Wann.Kernels.Backends;

namespace Wann.Host.Commands;

[Verb("worker", HelpText = "Start a cluster worker: an Orleans silo that evaluates the shards a 'wann train --cluster' host sends.")]
public sealed class WorkerOptions
{
    [Option("cluster", Required = true, HelpText = "Cluster configuration file (JSON; the same file the host uses; README, Cluster).")]
    public string Cluster { get; set; } = "";

    [Option("backend", HelpText = "Devices to evaluate on (default: the config's worker.backend): cpu, cuda:0,cuda:1, all, all+cpu, ...")]
    public string? Backend { get; set; }

    [Option("threads", HelpText = "CPU threads for the cpu and reference backends (default: all cores).")]
    public int? Threads { get; set; }

    [Option("silo-port", HelpText = "Port for silo-to-silo traffic (default: the config's worker.siloPort).")]
    public int? SiloPort { get; set; }

    [Option("gateway-port", HelpText = "Port the host connects to (default: the config's worker.gatewayPort).")]
    public int? GatewayPort { get; set; }
}

/// <summary><c>wann worker</c>: a silo hosting one evaluator over its local devices, until Ctrl-C or SIGTERM.</summary>
public static class WorkerCommand
{
    public static int Run(WorkerOptions options)
    {
        var config = ClusterConfigLoader.Load(options.Cluster);
        if (options.SiloPort is { } silo) config = config with { SiloPort = silo is >= 1 and <= 65535 ? silo : throw new Engine.WannException($"--silo-port: expected 1-65535, got {silo}") };
        if (options.GatewayPort is { } gateway) config = config with { GatewayPort = gateway is >= 1 and <= 65535 ? gateway : throw new Engine.WannException($"--gateway-port: expected 1-65535, got {gateway}") };
        if (options.Threads is < 1) throw new Engine.WannException($"--threads: must be at least 1, got {options.Threads}");
        if (config.Certificate is not null) ClusterHosting.LoadCertificate(config);
        if (config.PlaintextWarning is { } warning) Console.Error.WriteLine($"wann: {warning}");
        var backend = new WorkerBackend(BackendList.Create(options.Backend ?? config.Backend, options.Threads));
        using var host = ClusterHosting.BuildWorker(config, backend);
        // A silo that cannot reach the cluster (primary down, wrong certificate) retries for minutes: give up at the join timeout.
        using (var joining = new CancellationTokenSource(TimeSpan.FromSeconds(config.JoinTimeoutSeconds)))
        {
            try
            {
                host.StartAsync(joining.Token).GetAwaiter().GetResult();
            }
            catch (OperationCanceledException)
            {
                throw new Engine.WannException($"{config.Path}: the worker could not join cluster '{config.ClusterId}' within {config.JoinTimeoutSeconds} s " +
                                               "(is the primary worker up, and does this machine hold the cluster's certificate?)");
            }
            catch (Exception e) when (e is not Engine.WannException)
            {
                throw new Engine.WannException($"{config.Path}: the worker could not start on {config.AdvertisedAddress}:{config.SiloPort} (gateway {config.GatewayPort}): {e.Message}");
            }
        }
        Console.WriteLine($"worker ready: cluster {config.ClusterId}, silo {config.AdvertisedAddress}:{config.SiloPort}, gateway {config.GatewayPort}, " +
                          $"{backend.Evaluator.Name} ({backend.Evaluator.Device}), protocol {ClusterProtocol.Version}, build {backend.Fingerprint}");
        var stop = new ManualResetEventSlim();
        Action<PosixSignalContext> onSignal = context =>
        {
            context.Cancel = true;
            stop.Set();
        };
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, onSignal);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, onSignal);
        stop.Wait();
        host.StopAsync().Wait(TimeSpan.FromSeconds(10));
        return 0;
    }
}
