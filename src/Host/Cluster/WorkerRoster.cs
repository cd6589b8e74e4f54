
namespace Wann.Host.Cluster;

/// <summary>
/// The host's list of workers: the cluster's active silos (looked up in the background), each asked once
/// who it is, less those refused (another protocol version or build) or dropped (dead, failing, timed out,
/// or caught returning wrong rewards). A
/// dropped worker is never asked again; a restarted one comes back under a new address.
/// </summary>
public sealed class WorkerRoster(IClusterClient client, TimeSpan callTimeout, Action<string> warn)
{
    private readonly IClusterClient _client = client;
    private readonly TimeSpan _callTimeout = callTimeout;
    private readonly Action<string> _warn = warn;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<SiloAddress, WorkerInfo> _workers = new();
    private readonly HashSet<SiloAddress> _excluded = new();

    /// <summary>Every worker in use, with its devices, for logs and run.json.</summary>
    public string Describe()
    {
        lock (_excluded)
            return _workers.IsEmpty
                ? "no workers yet"
                : string.Join("; ", _workers.Where(w => !_excluded.Contains(w.Key)).Select(w => $"{w.Key.Endpoint}: {w.Value.Backend} ({w.Value.Device})"));
    }

    /// <summary>
    /// The workers to use now: the last membership the background lookup returned, minus those excluded
    /// since. A lookup can hang while a dead silo is still listed (or held the management grain), so it
    /// never blocks a generation once a first list exists; a worker that joined is used from the
    /// generation after the lookup that saw it.
    /// </summary>
    public List<SiloAddress> Live()
    {
        if (_lookup is null || _lookup.IsCompleted)
        {
            if (_lookup is { IsCompletedSuccessfully: true }) _known = _lookup.Result;
            _lookup = LookUpWorkers();
        }
        if (_known is null) _known = WaitForFirstLookup();
        lock (_excluded) return _known.Where(w => !_excluded.Contains(w)).ToList();
    }

    private List<SiloAddress> WaitForFirstLookup()
    {
        try
        {
            return _lookup!.WaitAsync(_callTimeout).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            _lookup = null;
            _warn($"cannot list the cluster's workers: {e.GetType().Name}: {e.Message}");
            return new List<SiloAddress>();
        }
    }

    private List<SiloAddress>? _known;
    private Task<List<SiloAddress>>? _lookup;

    /// <summary>The active silos, each new one asked once who it is; one of another protocol version is refused here.</summary>
    private async Task<List<SiloAddress>> LookUpWorkers()
    {
        var hosts = await _client.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true).WaitAsync(_callTimeout);
        var live = new List<SiloAddress>();
        foreach (var silo in hosts.Keys.OrderBy(s => s.ToParsableString(), StringComparer.Ordinal))
        {
            lock (_excluded)
                if (_excluded.Contains(silo)) continue;
            if (!_workers.ContainsKey(silo))
            {
                WorkerInfo info;
                try
                {
                    info = await _client.GetGrain<IShardWorkerGrain>(silo.ToParsableString()).Describe().WaitAsync(_callTimeout);
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    Exclude(silo, $"did not say who it is ({e.GetType().Name}: {FirstLine(e.Message)})");
                    continue;
                }
                if (info.ProtocolVersion != ClusterProtocol.Version)
                {
                    Exclude(silo, $"refused: it speaks cluster protocol {info.ProtocolVersion} (wann {info.WannVersion}), this host {ClusterProtocol.Version} (wann {BuildInfo.Version})");
                    continue;
                }
                if (info.Fingerprint != BuildFingerprint.Current)
                {
                    Exclude(silo, $"refused: it is build {info.Fingerprint} (wann {info.WannVersion}), this host is build {BuildFingerprint.Current} (wann {BuildInfo.Version}): " +
                                  "code that computes rewards differs, so its results could differ (run the same build of wann on host and workers)");
                    continue;
                }
                _workers[silo] = info;
                _warn($"worker {silo.Endpoint} joined: {info.Backend} ({info.Device})");
            }
            live.Add(silo);
        }
        return live;
    }

    /// <summary>Whether <paramref name="worker"/> was refused or dropped.</summary>
    public bool IsExcluded(SiloAddress worker)
    {
        lock (_excluded) return _excluded.Contains(worker);
    }

    /// <summary>The memory <paramref name="worker"/> said it has, in bytes; 0 where it said nothing.</summary>
    public long MemoryOf(SiloAddress worker) => _workers.TryGetValue(worker, out var info) ? info.MemoryBytes : 0;

    /// <summary>Takes a worker out for the rest of the run, saying why once.</summary>
    public void Exclude(SiloAddress worker, string why)
    {
        bool added;
        lock (_excluded) added = _excluded.Add(worker);
        if (added) _warn($"worker {worker.Endpoint} {(why.StartsWith("refused") ? why : $"dropped: {why}; its shards go to the others")}");
    }

    /// <summary>The first line of an exception message (Orleans puts stack traces in some).</summary>
    public static string FirstLine(string text) => text.Split('\n')[0].Trim();
}
