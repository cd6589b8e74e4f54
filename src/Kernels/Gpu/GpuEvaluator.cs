using System.Diagnostics;
using ILGPU;
using ILGPU.Runtime;
using ILGPU.Runtime.Cuda;
using Wann.Engine;
using Wann.Engine.Evaluation;
using Wann.Engine.Programs;
using Wann.Kernels.Backends;
using Wann.Kernels.Tasks;

namespace Wann.Kernels.Gpu;

/// <summary>
/// The ILGPU backend (CUDA, OpenCL or ILGPU's CPU accelerator): uploads a generation's program batch into
/// reused device buffers once, runs every lane's whole episode in a few launches (genomes grouped by size,
/// see <see cref="LaunchPlanner"/>) queued back to back, and copies the results back once.
/// Buffer management, launch planning and kernel caching live here; the kernels hold device code only.
/// </summary>
public sealed class GpuEvaluator : IBackend
{
    private const int PreferredGroupSize = 128;
    // Kept free for the driver, the program buffers of the next generation and other processes.
    private const long ReservedDeviceBytes = 512L << 20;

    private readonly Context _context;
    private readonly Accelerator _accelerator;
    private readonly BackendKind _kind;
    private readonly KernelLoader _loader;
    private readonly Dictionary<(Type Task, bool Shared, bool Unit, bool BufferState), Delegate> _rollouts = new();
    private readonly Dictionary<(bool Shared, bool Unit), Delegate> _forwards = new();
    private readonly DeviceBuffer<int> _instructionStart, _firstEdge, _nodeHeader, _edgeSource, _outputSlot, _order, _steps;
    private readonly DeviceBuffer<float> _edgeScale, _weight, _episodes, _reward, _scratch, _taskState, _inputs, _outputs;
    private readonly bool _forceGlobalMemory, _forceBufferState;

    /// <param name="forceGlobalMemory">Use the large-network path even where shared memory would do (tests, <c>wann check</c>).</param>
    /// <param name="forceBufferState">Keep task state in a device buffer even where registers would do (tests, <c>wann check</c>).</param>
    public GpuEvaluator(BackendKind kind, bool forceGlobalMemory = false, bool forceBufferState = false) : this(kind, 0, forceGlobalMemory, forceBufferState) { }

    /// <summary>Device number <paramref name="deviceIndex"/> of the kind (<c>cuda:1</c>: the second CUDA device).</summary>
    public GpuEvaluator(BackendKind kind, int deviceIndex, bool forceGlobalMemory = false, bool forceBufferState = false)
    {
        _kind = kind;
        _forceGlobalMemory = forceGlobalMemory;
        _forceBufferState = forceBufferState;
        _context = GpuDevices.CreateContext();
        try
        {
            _accelerator = GpuDevices.Open(_context, kind, deviceIndex);
        }
        catch
        {
            _context.Dispose();
            throw;
        }
        _loader = new KernelLoader(_accelerator);
        _instructionStart = new(_accelerator, "instruction offsets");
        _firstEdge = new(_accelerator, "edge offsets");
        _nodeHeader = new(_accelerator, "node headers");
        _edgeSource = new(_accelerator, "edge sources");
        _edgeScale = new(_accelerator, "edge scales");
        _outputSlot = new(_accelerator, "output slots");
        _order = new(_accelerator, "launch order");
        _weight = new(_accelerator, "lane weights");
        _episodes = new(_accelerator, "episode data");
        _reward = new(_accelerator, "rewards");
        _steps = new(_accelerator, "step counts");
        _scratch = new(_accelerator, "node values");
        _taskState = new(_accelerator, "task state");
        _inputs = new(_accelerator, "input vectors");
        _outputs = new(_accelerator, "outputs");
    }

    public string Name => BackendNames.NameOf(_kind);
    public string Device => _kind == BackendKind.IlgpuCpu
        ? $"{_accelerator.Name} (ILGPU's CPU simulation of GPU threads: for testing kernels, not for speed)"
        : $"{_accelerator.Name}, {_accelerator.MemorySize / (1024 * 1024)} MiB, {_accelerator.NumMultiprocessors} compute units, warp {_accelerator.WarpSize}";

    /// <summary>Seconds spent compiling kernels so far (ILGPU compiles on first use of each kernel).</summary>
    public double KernelCompileSeconds => _loader.CompileSeconds;

    public EvaluationTiming? LastTiming { get; private set; }

    /// <summary>Device allocations made so far by all of this backend's buffers.</summary>
    internal int DeviceAllocations =>
        new[] { _instructionStart, _firstEdge, _nodeHeader, _edgeSource, _outputSlot, _order, _steps }.Sum(b => b.Allocations)
        + new[] { _edgeScale, _weight, _episodes, _reward, _scratch, _taskState, _inputs, _outputs }.Sum(b => b.Allocations);

    /// <summary>Shared memory a group may use, if set below the device's (tests use it to mix shared and global launches).</summary>
    internal long? SharedBytesPerGroupLimit { get; set; }

    public FitnessTable Evaluate(ProgramBatch batch, EvaluationRequest request) =>
        TaskRegistry.Dispatch(request.Task, new Run(this, batch, request));

    private sealed class Run(GpuEvaluator owner, ProgramBatch batch, EvaluationRequest request) : IRolloutTaskVisitor<FitnessTable>
    {
        public FitnessTable Visit<TTask>(TTask task) where TTask : struct, IRolloutTask => owner.Evaluate(task, batch, request);
    }

    private FitnessTable Evaluate<TTask>(TTask task, ProgramBatch batch, EvaluationRequest request) where TTask : struct, IRolloutTask
    {
        var episodes = EpisodeTable.Compute(task, request);
        int lanes = request.LanesPerGenome;
        int genomes = batch.ProgramCount;
        if ((long)genomes * lanes > Array.MaxLength)
            throw new WannException($"{genomes} genomes x {lanes} lanes is more rewards than one generation can hold ({Array.MaxLength}); use fewer genomes or episodes");
        var laneWeights = new float[lanes];
        for (int l = 0; l < lanes; l++) laneWeights[l] = request.Weights[request.Lanes.WeightOf(l)];
        int laneStride = LaneStride(lanes);
        bool unit = batch.EdgeScalesAllOne;

        var clock = Stopwatch.StartNew();
        var order = LaunchPlanner.OrderByNodeCount(batch);
        var program = Upload(batch, order);
        var laneViews = new LaneViews
        {
            Weight = _weight.Upload(laneWeights),
            Episodes = _episodes.Upload(episodes.Values),
            Reward = _reward.View((long)genomes * lanes),
            Steps = _steps.View((long)genomes * lanes),
        };
        var launches = LaunchPlanner.Plan(batch, order, laneStride, Limits());
        var scratch = ScratchFor(launches, laneStride);
        bool bufferState = _forceBufferState || task.StateSize > RegisterState.Capacity;
        var taskState = bufferState ? TaskStateFor(launches, laneStride, task.StateSize) : _taskState.View(1);
        _lastTaskState = bufferState ? (taskState, task.StateSize) : null;
        Synchronize("upload");
        double upload = clock.Elapsed.TotalSeconds;

        clock.Restart();
        foreach (var launch in launches)
        {
            var kernel = RolloutKernel<TTask>(launch.Shared, unit, bufferState);
            var shape = new RolloutShape
            {
                FirstPosition = launch.First,
                GenomeCount = launch.Count,
                LanesPerGenome = lanes,
                LaneStride = laneStride,
                Repetitions = request.Repetitions,
                EpisodeSize = episodes.Size,
                StateSize = task.StateSize,
                EpisodeLength = request.Task.EpisodeLength,
                InputCount = batch.InputCount,
                OutputCount = batch.OutputCount,
            };
            var views = laneViews;
            views.Reward = laneViews.Reward.SubView((long)launch.First * lanes, (long)launch.Count * lanes);
            views.Steps = laneViews.Steps.SubView((long)launch.First * lanes, (long)launch.Count * lanes);
            views.Scratch = scratch;
            views.State = taskState;
            Guard("rollout", () => kernel(_accelerator.DefaultStream, Config(launch, laneStride), program, views, shape, task));
        }
        Synchronize("rollout");
        double kernels = clock.Elapsed.TotalSeconds;

        clock.Restart();
        var sortedRewards = new float[genomes * lanes];
        var sortedSteps = new int[genomes * lanes];
        laneViews.Reward.CopyToCPU(sortedRewards);
        laneViews.Steps.CopyToCPU(sortedSteps);
        double download = clock.Elapsed.TotalSeconds;

        var table = new FitnessTable(genomes, request.Weights.Length, request.Repetitions);
        var rewards = table.Rewards;
        Parallel.For(0, genomes, new ParallelOptions { MaxDegreeOfParallelism = genomes < 4096 ? 1 : -1 },
            position => Array.Copy(sortedRewards, position * lanes, rewards, order[position] * lanes, lanes));
        long steps = 0;
        foreach (int s in sortedSteps) steps += s;
        table.StepCount = steps;
        LastTiming = new EvaluationTiming(upload, kernels, download, launches.Count);
        return table;
    }

    public float[] Forward(ProgramBatch batch, float[] weights, float[] inputs)
    {
        int nIn = batch.InputCount, nOut = batch.OutputCount, vectors = inputs.Length / nIn;
        int lanes = weights.Length * vectors;
        int genomes = batch.ProgramCount;
        long outputsPerGenome = (long)lanes * nOut;
        if (genomes * outputsPerGenome > Array.MaxLength)
            throw new WannException($"{genomes} genomes x {lanes} lanes x {nOut} outputs is more than one array can hold ({Array.MaxLength}); run fewer at once");
        int laneStride = LaneStride(lanes);
        bool unit = batch.EdgeScalesAllOne;

        var clock = Stopwatch.StartNew();
        var order = LaunchPlanner.OrderByNodeCount(batch);
        var program = Upload(batch, order);
        var weightView = _weight.Upload(weights);
        var inputView = _inputs.Upload(inputs);
        var outputView = _outputs.View(genomes * outputsPerGenome);
        // Outputs of one launch are indexed from its first genome in int arithmetic: keep each launch's below 2^31.
        var limits = Limits() with { MaxThreadsPerLaunch = Math.Min(LaunchLimits.DefaultMaxThreads, int.MaxValue / Math.Max(1, outputsPerGenome) * laneStride) };
        var launches = LaunchPlanner.Plan(batch, order, laneStride, limits);
        var scratch = ScratchFor(launches, laneStride);
        Synchronize("upload");
        double upload = clock.Elapsed.TotalSeconds;

        clock.Restart();
        foreach (var launch in launches)
        {
            var shape = new ForwardShape
            {
                FirstPosition = launch.First,
                GenomeCount = launch.Count,
                WeightCount = weights.Length,
                VectorCount = vectors,
                LaneStride = laneStride,
                InputCount = nIn,
                OutputCount = nOut,
            };
            var outputs = outputView.SubView(launch.First * outputsPerGenome, launch.Count * outputsPerGenome);
            var config = Config(launch, laneStride);
            if (launch.Shared)
            {
                var kernel = ForwardKernel<Action<AcceleratorStream, KernelConfig, ProgramViews, ArrayView<float>, ArrayView<float>, ArrayView<float>, ForwardShape>>(true, unit);
                Guard("forward", () => kernel(_accelerator.DefaultStream, config, program, weightView, inputView, outputs, shape));
            }
            else
            {
                var kernel = ForwardKernel<Action<AcceleratorStream, KernelConfig, ProgramViews, ArrayView<float>, ArrayView<float>, ArrayView<float>, ForwardShape, ArrayView<float>>>(false, unit);
                Guard("forward", () => kernel(_accelerator.DefaultStream, config, program, weightView, inputView, outputs, shape, scratch));
            }
        }
        Synchronize("forward");
        double kernels = clock.Elapsed.TotalSeconds;

        clock.Restart();
        var sorted = new float[genomes * outputsPerGenome];
        outputView.CopyToCPU(sorted);
        double download = clock.Elapsed.TotalSeconds;
        var result = new float[sorted.Length];
        int block = (int)outputsPerGenome;
        Parallel.For(0, genomes, new ParallelOptions { MaxDegreeOfParallelism = genomes < 4096 ? 1 : -1 },
            position => Array.Copy(sorted, position * block, result, order[position] * block, block));
        LastTiming = new EvaluationTiming(upload, kernels, download, launches.Count);
        return result;
    }

    /// <summary>Threads per genome: lanes rounded up to whole warps.</summary>
    private int LaneStride(int lanes)
    {
        int warp = Math.Max(1, _accelerator.WarpSize);
        return (lanes + warp - 1) / warp * warp;
    }

    private LaunchLimits Limits() => new(
        WarpSize: _accelerator.WarpSize,
        PreferredGroupSize: PreferredGroupSize,
        MaxGroupSize: _accelerator.MaxNumThreadsPerGroup,
        SharedBytesPerGroup: Math.Min(_accelerator.MaxSharedMemoryPerGroup, SharedBytesPerGroupLimit ?? long.MaxValue),
        ScratchBudgetBytes: ScratchBudget(),
        ForceGlobalMemory: _forceGlobalMemory);

    /// <summary>
    /// Device memory the global scratch may take: what the device has free now (the scratch already held
    /// counts as free, since it is reused), less a reserve. ILGPU's CPU accelerator uses host memory: half
    /// of what the device reports.
    /// </summary>
    private long ScratchBudget()
    {
        long held = _scratch.Capacity * sizeof(float);
        long free = _accelerator is CudaAccelerator cuda ? cuda.GetFreeMemory() : _accelerator.MemorySize / 2;
        return Math.Max(0, free + held - ReservedDeviceBytes);
    }

    private ArrayView<float> ScratchFor(List<LaunchPlan> launches, int laneStride)
    {
        long slots = 1;
        foreach (var launch in launches)
            if (!launch.Shared) slots = Math.Max(slots, launch.PaddedThreads(laneStride) * launch.MaxNodes);
        return _scratch.View(slots);
    }

    /// <summary>State slots for tasks kept in a buffer: every thread of the largest launch, [slot x threads + thread].</summary>
    private (ArrayView<float> View, int Slots)? _lastTaskState;

    /// <summary>
    /// Diagnostics (<c>wann check --probe-state</c>): the task state the last buffer-state evaluation left, as
    /// [slot x stride + thread], and the stride; null after a register-state evaluation.
    /// </summary>
    internal (float[] Values, int Stride)? DownloadTaskState()
    {
        if (_lastTaskState is not { } last) return null;
        var values = new float[last.View.Length];
        last.View.CopyToCPU(values);
        return (values, (int)(last.View.Length / last.Slots));
    }

    private ArrayView<float> TaskStateFor(List<LaunchPlan> launches, int laneStride, int stateSize)
    {
        long threads = 1;
        foreach (var launch in launches) threads = Math.Max(threads, launch.PaddedThreads(laneStride));
        if (threads * stateSize > int.MaxValue)
            throw new WannException($"{threads} threads x {stateSize} state slots is more than one launch can index; use fewer genomes or episodes");
        return _taskState.View(threads * stateSize);
    }

    private static KernelConfig Config(LaunchPlan launch, int laneStride)
    {
        int groups = (int)(launch.PaddedThreads(laneStride) / launch.GroupSize);
        return launch.Shared
            ? new KernelConfig(groups, launch.GroupSize, SharedMemoryConfig.RequestDynamic<float>(launch.GroupSize * launch.MaxNodes))
            : new KernelConfig(groups, launch.GroupSize);
    }

    /// <summary>The batch and its launch order in the reused device buffers; node headers packed here.</summary>
    private ProgramViews Upload(ProgramBatch batch, int[] order)
    {
        int genomes = batch.ProgramCount;
        var firstEdge = new int[genomes];
        for (int g = 0; g < genomes; g++)
            firstEdge[g] = batch.InstructionCountOf(g) > 0 ? batch.FirstEdge[batch.InstructionStart[g]] : 0;
        int widest = batch.EdgeCount.Length == 0 ? 0 : batch.EdgeCount.Max();
        if (widest >= 1 << 23)
            throw new WannException($"a node has {widest} incoming connections; the GPU kernels take at most {(1 << 23) - 1}");
        var header = new int[batch.Activation.Length];
        Parallel.For(0, (header.Length + 65535) / 65536, chunk =>
        {
            int end = Math.Min(header.Length, (chunk + 1) * 65536);
            for (int i = chunk * 65536; i < end; i++) header[i] = batch.EdgeCount[i] << 8 | batch.Activation[i];
        });
        return new ProgramViews
        {
            InstructionStart = _instructionStart.Upload(batch.InstructionStart),
            FirstEdge = _firstEdge.Upload(firstEdge),
            NodeHeader = _nodeHeader.Upload(header),
            EdgeSource = _edgeSource.Upload(batch.EdgeSource),
            // Shared-weight kernels never read scales: upload one element instead of the whole array.
            EdgeScale = batch.EdgeScalesAllOne ? _edgeScale.View(1) : _edgeScale.Upload(batch.EdgeScale),
            OutputSlot = _outputSlot.Upload(batch.OutputSlot),
            Order = _order.Upload(order),
        };
    }

    private Action<AcceleratorStream, KernelConfig, ProgramViews, LaneViews, RolloutShape, TTask> RolloutKernel<TTask>(bool shared, bool unit, bool bufferState)
        where TTask : struct, IRolloutTask
    {
        var key = (typeof(TTask), shared, unit, bufferState);
        if (!_rollouts.TryGetValue(key, out var kernel))
        {
            var method = typeof(RolloutKernels).GetMethod(RolloutKernels.EntryName(shared, bufferState))!
                .MakeGenericMethod(typeof(TTask), unit ? typeof(UnitEdgeScales) : typeof(StoredEdgeScales));
            kernel = Guard("compile", () => _loader.Load<Action<AcceleratorStream, KernelConfig, ProgramViews, LaneViews, RolloutShape, TTask>>(method));
            _rollouts[key] = kernel;
        }
        return (Action<AcceleratorStream, KernelConfig, ProgramViews, LaneViews, RolloutShape, TTask>)kernel;
    }

    private TDelegate ForwardKernel<TDelegate>(bool shared, bool unit) where TDelegate : Delegate
    {
        if (!_forwards.TryGetValue((shared, unit), out var kernel))
        {
            var method = typeof(ForwardKernels).GetMethod(shared ? nameof(ForwardKernels.SharedMemoryForward) : nameof(ForwardKernels.GlobalMemoryForward))!
                .MakeGenericMethod(unit ? typeof(UnitEdgeScales) : typeof(StoredEdgeScales));
            kernel = Guard("compile", () => _loader.Load<TDelegate>(method));
            _forwards[(shared, unit)] = kernel;
        }
        return (TDelegate)kernel;
    }

    private void Synchronize(string what) => Guard(what, () => _accelerator.Synchronize());

    private void Guard(string what, Action action) => Guard(what, () => { action(); return 0; });

    private T Guard<T>(string what, Func<T> action)
    {
        try
        {
            return action();
        }
        catch (Exception e) when (e is AcceleratorException or OutOfMemoryException or InternalCompilerException or NotSupportedException)
        {
            throw new WannException($"{_accelerator.Name}: {what} failed: {e.Message}");
        }
    }

    public void Dispose()
    {
        foreach (var buffer in new IDisposable[] { _instructionStart, _firstEdge, _nodeHeader, _edgeSource, _edgeScale, _outputSlot, _order, _weight, _episodes, _reward, _steps, _scratch, _taskState, _inputs, _outputs })
            buffer.Dispose();
        _loader.Dispose();
        _accelerator.Dispose();
        _context.Dispose();
    }
}
