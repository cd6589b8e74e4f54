using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Wann.Engine;
using Wann.Engine.Evaluation;
using Wann.Engine.Programs;
using Wann.Engine.Tasks;
using Wann.Host.Evaluation;

namespace Wann.Host.Cluster;

/// <summary>
/// The host's side of the cluster, an <see cref="IEvaluator"/> like any backend: each batch is cut into
/// contiguous shards, one or more per live worker (sized by the worker's speed in the previous generation
/// and capped by its memory), the shards are sent with a timeout on every call, and a shard whose worker
/// fails or times out is sent to another worker. No answer is trusted blindly: each is checked on arrival
/// (<see cref="ShardAnswerCheck"/>: rewards the task can give, and a sample of lanes evaluated again here);
/// a worker whose answer fails is dropped and reported, and every shard it answered in the batch is
/// evaluated again elsewhere. The rows come back whole, so the table is the one a single process computes.
/// Workers come from a <see cref="WorkerRoster"/>: one that joined gets work from a following generation.
/// </summary>
public sealed class ClusterEvaluator : IEvaluator
{
    private readonly IClusterClient _client;
    private readonly IHost? _clientHost;
    private readonly TimeSpan _callTimeout;
    private readonly Action<string> _warn;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<SiloAddress, double> _speeds = new();
    private readonly WorkerRoster _roster;
    private readonly IEvaluator _checker;
    private readonly ShardAnswerCheck _check;

    /// <param name="checker">The host's own evaluator for the spot checks (default: the cpu backend on one thread).</param>
    public ClusterEvaluator(IClusterClient client, TimeSpan callTimeout, Action<string> warn, IHost? clientHost = null, IEvaluator? checker = null)
    {
        _client = client;
        _callTimeout = callTimeout;
        _warn = warn;
        _clientHost = clientHost;
        _roster = new WorkerRoster(client, callTimeout, warn);
        _checker = checker ?? new Kernels.Cpu.SimdEvaluator(1);
        _check = new ShardAnswerCheck(_checker);
    }

    /// <summary>Connects to the cluster the config names and waits (up to its join timeout) for a worker.</summary>
    public static ClusterEvaluator Connect(ClusterConfig config, Action<string> warn)
    {
        var host = ClusterHosting.StartClient(config).GetAwaiter().GetResult();
        var evaluator = new ClusterEvaluator(host.Services.GetRequiredService<IClusterClient>(), TimeSpan.FromSeconds(config.CallTimeoutSeconds), warn, host);
        var deadline = DateTime.UtcNow.AddSeconds(config.JoinTimeoutSeconds);
        while (evaluator.LiveWorkers().Count == 0)
        {
            if (DateTime.UtcNow > deadline)
            {
                evaluator.Dispose();
                throw new WannException($"{config.Path}: no usable worker joined cluster '{config.ClusterId}' within {config.JoinTimeoutSeconds} s");
            }
            Thread.Sleep(250);
        }
        return evaluator;
    }

    public string Name => "cluster";
    public string Device => _roster.Describe();

    /// <summary>The last batch's timings: host wall time, the slowest worker's own evaluation time, and slicing the shards.</summary>
    public ClusterTiming? LastClusterTiming { get; private set; }

    public FitnessTable Evaluate(ProgramBatch batch, EvaluationRequest request)
    {
        if (request.Task.Kind != TaskKind.Rollout)
            throw new WannException($"--cluster: task {request.Task.Name} is a classification task; the cluster evaluates rollout tasks (run it without --cluster)");
        return EvaluateAsync(batch, request).GetAwaiter().GetResult();
    }

    private async Task<FitnessTable> EvaluateAsync(ProgramBatch batch, EvaluationRequest request)
    {
        var wall = Stopwatch.StartNew();
        var table = new FitnessTable(batch.ProgramCount, request.Weights.Length, request.Repetitions);
        int lanes = request.LanesPerGenome;
        var workers = LiveWorkers();
        if (workers.Count == 0) throw new WannException("--cluster: no worker is left in the cluster");
        var measured = workers.Where(_speeds.ContainsKey).Select(w => _speeds[w]).ToList();
        double fallback = measured.Count > 0 ? measured.Average() : 1;
        int[] counts = ShardSplit.Counts(batch.ProgramCount, workers.Select(w => _speeds.GetValueOrDefault(w, fallback)).ToList());

        var slicing = Stopwatch.StartNew();
        var shards = new List<(SiloAddress Worker, ShardRequest Shard)>();
        for (int i = 0, first = 0; i < workers.Count; first += counts[i], i++)
        {
            // A worker's share, in shards its memory holds: they queue on the worker, one at a time.
            int most = GenomesThatFit(workers[i], lanes);
            for (int at = first; at < first + counts[i]; at += most)
                shards.Add((workers[i], ShardValidator.From(batch, at, Math.Min(most, first + counts[i] - at), request, _callTimeout)));
        }
        double sliceSeconds = slicing.Elapsed.TotalSeconds;

        double slowestWorker = 0;
        var load = new Dictionary<SiloAddress, int>();
        var skipped = new HashSet<SiloAddress>();
        var running = new List<Task<Outcome>>();
        var started = new Dictionary<Task<Outcome>, DateTime>();
        var copies = new Dictionary<int, int>();          // copies of each shard (by first genome) still out
        var finished = new Dictionary<int, (SiloAddress Worker, long Steps)>(); // shards whose rows are in the table, and who answered
        var byFirst = shards.ToDictionary(s => s.Shard.FirstGenome, s => s.Shard);
        var gone = new Dictionary<SiloAddress, CancellationTokenSource>();
        using var batchDone = new CancellationTokenSource();
        void Start(SiloAddress worker, ShardRequest shard)
        {
            load[worker] = load.GetValueOrDefault(worker) + 1;
            copies[shard.FirstGenome] = copies.GetValueOrDefault(shard.FirstGenome) + 1;
            if (!gone.ContainsKey(worker)) gone[worker] = new CancellationTokenSource();
            var send = Send(worker, shard, gone[worker].Token, batchDone.Token);
            running.Add(send);
            started[send] = DateTime.UtcNow;
        }
        SiloAddress Pick(string? error, int firstGenome)
        {
            var others = LiveWorkers();
            var candidates = others.Where(w => !skipped.Contains(w)).ToList();
            if (candidates.Count == 0) candidates = others;
            if (candidates.Count == 0) throw new WannException($"--cluster: no worker is left to evaluate genomes {firstGenome}.. of generation {request.Generation} ({error ?? "every worker failed"})");
            // The least loaded survivor takes the shard; its result is the same whoever computes it.
            return candidates.OrderBy(w => load.GetValueOrDefault(w)).ThenByDescending(w => _speeds.GetValueOrDefault(w)).First();
        }

        foreach (var (firstWorker, shard) in shards) Start(firstWorker, shard);
        while (finished.Count < shards.Count)
        {
            var tick = Task.Delay(PingEvery);
            var first = await Task.WhenAny(running.Cast<Task>().Append(tick));
            if (first == tick)
            {
                if (request.Progress is { Cancellation.IsCancellationRequested: true })
                {
                    // Stopped now: the workers stop at their next part, and the partial table is dropped.
                    batchDone.Cancel();
                    request.Progress.Cancellation.ThrowIfCancellationRequested();
                }
                await PingBusyWorkers(load, gone);
                foreach (var (slow, shard) in Stragglers(running, started, copies, finished, lanes))
                {
                    _warn($"worker {slow.Endpoint} is slow with genomes {shard.FirstGenome}..; a copy of that shard goes out too");
                    Start(Pick(null, shard.FirstGenome), shard);
                }
                continue;
            }
            var done = (Task<Outcome>)first;
            running.Remove(done);
            started.Remove(done);
            var (worker, answered, result, error, permanent) = await done;
            load[worker]--;
            copies[answered.FirstGenome]--;
            // A copy's late answer, or failure, changes nothing once the shard's rows are in.
            if (finished.ContainsKey(answered.FirstGenome)) continue;
            if (result is not null && _roster.IsExcluded(worker))
            {
                // An answer from a worker dropped meanwhile (caught lying on another shard) is not used.
                (result, error, permanent) = (null, "its worker was dropped", true);
            }
            else if (result is not null && _check.Problem(batch, request, answered, result) is { } wrong)
            {
                // Its other answers of this batch passed their samples, but are not trusted either.
                var redo = finished.Where(f => f.Value.Worker.Equals(worker)).Select(f => f.Key).ToList();
                Exclude(worker, $"its answers cannot be right: {wrong}; the {redo.Count + 1} shard(s) it answered in this generation are evaluated again");
                foreach (int again in redo)
                {
                    finished.Remove(again);
                    request.Progress?.Finish(-(long)byFirst[again].GenomeCount * lanes);
                    if (copies.GetValueOrDefault(again) == 0) Start(Pick(wrong, again), byFirst[again]);
                }
                result = null;
                error = wrong;
                permanent = true;
            }
            if (result is not null)
            {
                Array.Copy(result.Rewards, 0, table.Rewards, (long)answered.FirstGenome * lanes, result.Rewards.Length);
                slowestWorker = Math.Max(slowestWorker, result.EvaluateSeconds);
                finished[answered.FirstGenome] = (worker, result.StepCount);
                request.Progress?.Finish((long)answered.GenomeCount * lanes);
                continue;
            }
            if (permanent)
            {
                Exclude(worker, error!);
            }
            else
            {
                // A failed send (say, through a gateway that just died) says little about the worker: skip it
                // for this batch; only repeated failures drop it.
                skipped.Add(worker);
                _warn($"worker {worker.Endpoint} failed a shard ({error}); it is skipped this generation");
                await Task.Delay(100);
            }
            if (copies[answered.FirstGenome] == 0) Start(Pick(error, answered.FirstGenome), answered);
        }
        // Copies still out are no longer needed: their workers stop at their next part.
        batchDone.Cancel();
        foreach (var source in gone.Values) source.Dispose();
        _sent.Clear();
        table.StepCount = finished.Values.Sum(f => f.Steps);
        LastClusterTiming = new ClusterTiming(wall.Elapsed.TotalSeconds, slowestWorker, sliceSeconds, shards.Count);
        return table;
    }

    /// <summary>Most genomes of <paramref name="lanesPerGenome"/> lanes a shard for <paramref name="worker"/> may hold: half its memory, and the protocol's lane limit.</summary>
    private int GenomesThatFit(SiloAddress worker, int lanesPerGenome)
    {
        long memory = _roster.MemoryOf(worker);
        double byMemory = memory > 0 ? memory / 2.0 / MemoryNeed.ForLanes(lanesPerGenome) : double.PositiveInfinity;
        double byProtocol = (double)ClusterProtocol.MaxLanes / lanesPerGenome;
        int most = (int)Math.Min(int.MaxValue, Math.Min(byMemory, byProtocol));
        if (most < 1)
            throw new WannException($"--cluster: one network's {lanesPerGenome:N0} lanes need about {MemoryNeed.Format(MemoryNeed.ForLanes(lanesPerGenome))}, more than half of worker {worker.Endpoint}'s {MemoryNeed.Format(memory)}");
        return most;
    }

    /// <summary>How one shard's call ended: its result, or why not and whether the worker is done for.</summary>
    private readonly record struct Outcome(SiloAddress Worker, ShardRequest Shard, ShardResult? Result, string? Error, bool Permanent);

    private const int MinGenomesToMeasure = 32;

    // A worker whose sends fail this many times in a row is dropped.
    private const int FailuresToDrop = 3;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<SiloAddress, int> _failures = new();

    // A shard out this many times longer than its worker's speed says (and at least StragglerSeconds) gets a
    // copy on another worker: a message lost with a gateway that died would otherwise wait for the timeout.
    private const double StragglerFactor = 4, StragglerSeconds = 3;

    private IEnumerable<(SiloAddress Worker, ShardRequest Shard)> Stragglers(List<Task<Outcome>> running, Dictionary<Task<Outcome>, DateTime> started,
        Dictionary<int, int> copies, Dictionary<int, (SiloAddress Worker, long Steps)> finished, int lanesPerGenome)
    {
        var now = DateTime.UtcNow;
        var slow = new List<(SiloAddress, ShardRequest)>();
        foreach (var send in running)
        {
            var (worker, shard) = _sent[send];
            if (finished.ContainsKey(shard.FirstGenome) || copies[shard.FirstGenome] > 1) continue;
            if (!_speeds.TryGetValue(worker, out double speed) || speed <= 0) continue;
            double expected = (double)shard.GenomeCount * lanesPerGenome / speed;
            if ((now - started[send]).TotalSeconds > Math.Max(StragglerSeconds, StragglerFactor * expected)) slow.Add((worker, shard));
        }
        return slow;
    }

    // While shards are out, their workers are pinged this often: a SIGKILLed worker's shard is then re-sent
    // at once (its address no longer answers) instead of after the call timeout. A ping that merely times
    // out (a worker busy on every core) proves nothing and is ignored.
    private static readonly TimeSpan PingEvery = TimeSpan.FromSeconds(1), PingTimeout = TimeSpan.FromSeconds(2);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<SiloAddress, string> _pingFailures = new();

    private async Task PingBusyWorkers(Dictionary<SiloAddress, int> load, Dictionary<SiloAddress, CancellationTokenSource> gone)
    {
        var busy = load.Where(l => l.Value > 0 && !gone[l.Key].IsCancellationRequested).Select(l => l.Key).ToList();
        await Task.WhenAll(busy.Select(async worker =>
        {
            try
            {
                await _client.GetGrain<IShardWorkerGrain>(worker.ToParsableString()).Describe().WaitAsync(PingTimeout);
            }
            catch (TimeoutException)
            {
                // Busy, or on a slow link: the call timeout decides.
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                _pingFailures[worker] = $"{e.GetType().Name}: {WorkerRoster.FirstLine(e.Message)}";
                gone[worker].Cancel();
            }
        }));
    }

    private Task<Outcome> Send(SiloAddress worker, ShardRequest shard, CancellationToken workerGone, CancellationToken batchDone)
    {
        var send = SendAsync(worker, shard, workerGone, batchDone);
        _sent[send] = (worker, shard);
        return send;
    }

    private readonly Dictionary<Task<Outcome>, (SiloAddress Worker, ShardRequest Shard)> _sent = new();

    private async Task<Outcome> SendAsync(SiloAddress worker, ShardRequest shard, CancellationToken workerGone, CancellationToken batchDone)
    {
        var clock = Stopwatch.StartNew();
        // The call's token reaches the worker: cancelled when the worker is gone, the batch is done or the
        // timeout passes, it stops the worker's evaluation at its next part.
        using var call = CancellationTokenSource.CreateLinkedTokenSource(workerGone, batchDone);
        call.CancelAfter(_callTimeout);
        try
        {
            var result = await _client.GetGrain<IShardWorkerGrain>(worker.ToParsableString()).Evaluate(shard, call.Token).WaitAsync(call.Token);
            long expected = (long)shard.GenomeCount * shard.Weights.Length * shard.Repetitions;
            if (result.ProtocolVersion != ClusterProtocol.Version || result.Rewards is null || result.Rewards.Length != expected || result.FirstGenome != shard.FirstGenome)
                return new(worker, shard, null, $"its answer does not fit the shard ({result.Rewards?.Length ?? 0} rewards for {expected})", true);
            // A tiny shard (a best network's re-evaluation) is mostly overhead: it leaves the speed as it was.
            if (shard.GenomeCount >= MinGenomesToMeasure) _speeds[worker] = expected / Math.Max(clock.Elapsed.TotalSeconds, 1e-6);
            _failures[worker] = 0;
            return new(worker, shard, result, null, false);
        }
        catch (OperationCanceledException) when (batchDone.IsCancellationRequested)
        {
            return new(worker, shard, null, "no longer needed", false);
        }
        catch (OperationCanceledException) when (workerGone.IsCancellationRequested)
        {
            return new(worker, shard, null, $"it stopped answering ({_pingFailures.GetValueOrDefault(worker)})", true);
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException)
        {
            return new(worker, shard, null, $"no answer within {_callTimeout.TotalSeconds:0.#} s", true);
        }
        catch (ShardRefusedException e)
        {
            return new(worker, shard, null, e.Message, true);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            int failures = _failures.AddOrUpdate(worker, 1, (_, n) => n + 1);
            return new(worker, shard, null, $"{e.GetType().Name}: {WorkerRoster.FirstLine(e.Message)}", failures >= FailuresToDrop);
        }
    }

    private void Exclude(SiloAddress worker, string why)
    {
        _roster.Exclude(worker, why);
        _speeds.TryRemove(worker, out _);
    }

    private List<SiloAddress> LiveWorkers() => _roster.Live();

    public void Dispose()
    {
        _checker.Dispose();
        if (_clientHost is null) return;
        try
        {
            _clientHost.StopAsync().Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // Stopping a client whose workers are gone can fail; nothing is left to tidy.
        }
        _clientHost.Dispose();
    }
}
