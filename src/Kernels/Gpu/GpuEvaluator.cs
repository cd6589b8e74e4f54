using ILGPU;
using ILGPU.Runtime;
using Wann.Engine;
using Wann.Engine.Evaluation;
using Wann.Engine.Programs;
using Wann.Kernels.Backends;
using Wann.Kernels.Tasks;

namespace Wann.Kernels.Gpu;

/// <summary>
/// The ILGPU backend (CUDA, OpenCL or ILGPU's CPU accelerator): uploads a generation's program batch into
/// reused device buffers and runs every lane's whole episode in one launch per chunk of genomes.
/// Buffer management, chunking and kernel caching live here; the kernels hold device code only.
/// </summary>
public sealed class GpuEvaluator : IEvaluator, IForwardEvaluator
{
    private const int PreferredGroupSize = 128;

    private readonly Context _context;
    private readonly Accelerator _accelerator;
    private readonly BackendKind _kind;
    private readonly Dictionary<(Type Task, bool Shared), Delegate> _kernels = new();
    private Action<KernelConfig, ProgramViews, ArrayView<float>, ArrayView<float>, ArrayView<float>, ForwardShape>? _sharedForward;
    private Action<KernelConfig, ProgramViews, ArrayView<float>, ArrayView<float>, ArrayView<float>, ForwardShape, ArrayView<float>>? _globalForward;
    private readonly DeviceBuffer<int> _instructionStart, _activation, _firstEdge, _edgeCount, _edgeSource, _outputSlot, _steps;
    private readonly DeviceBuffer<float> _edgeScale, _weight, _start, _reward, _scratch, _inputs, _outputs;

    private readonly bool _forceGlobalMemory;

    public GpuEvaluator(BackendKind kind) : this(kind, forceGlobalMemory: false) { }

    /// <param name="forceGlobalMemory">Use the large-network path even where shared memory would do (tests).</param>
    internal GpuEvaluator(BackendKind kind, bool forceGlobalMemory)
    {
        _kind = kind;
        _forceGlobalMemory = forceGlobalMemory;
        _context = GpuDevices.CreateContext();
        try
        {
            _accelerator = GpuDevices.Open(_context, kind);
        }
        catch
        {
            _context.Dispose();
            throw;
        }
        _instructionStart = new(_accelerator, "instruction offsets");
        _activation = new(_accelerator, "activations");
        _firstEdge = new(_accelerator, "edge offsets");
        _edgeCount = new(_accelerator, "edge counts");
        _edgeSource = new(_accelerator, "edge sources");
        _edgeScale = new(_accelerator, "edge scales");
        _outputSlot = new(_accelerator, "output slots");
        _weight = new(_accelerator, "lane weights");
        _start = new(_accelerator, "start states");
        _reward = new(_accelerator, "rewards");
        _steps = new(_accelerator, "step counts");
        _scratch = new(_accelerator, "node values");
        _inputs = new(_accelerator, "input vectors");
        _outputs = new(_accelerator, "outputs");
    }

    public string Name => BackendNames.NameOf(_kind);
    public string Device => _kind == BackendKind.IlgpuCpu
        ? $"{_accelerator.Name} (ILGPU's CPU simulation of GPU threads: for testing kernels, not for speed)"
        : $"{_accelerator.Name}, {_accelerator.MemorySize / (1024 * 1024)} MiB, {_accelerator.NumMultiprocessors} compute units, warp {_accelerator.WarpSize}";

    /// <summary>Seconds spent compiling kernels so far (ILGPU compiles on first use of each kernel).</summary>
    public double KernelCompileSeconds { get; private set; }

    public FitnessTable Evaluate(ProgramBatch batch, EvaluationRequest request) =>
        RolloutTasks.Dispatch(request.Task, new Run(this, batch, request));

    private sealed class Run(GpuEvaluator owner, ProgramBatch batch, EvaluationRequest request) : IRolloutTaskVisitor<FitnessTable>
    {
        public FitnessTable Visit<TTask>(TTask task) where TTask : struct, IRolloutTask => owner.Evaluate(task, batch, request);
    }

    private FitnessTable Evaluate<TTask>(TTask task, ProgramBatch batch, EvaluationRequest request) where TTask : struct, IRolloutTask
    {
        var starts = EpisodeStarts.Compute(task, request);
        int lanes = request.LanesPerGenome;
        var laneWeights = new float[lanes];
        for (int l = 0; l < lanes; l++) laneWeights[l] = request.Weights[l / request.Repetitions];

        var program = Upload(batch);
        var (laneStride, groupSize, shared) = Layout(lanes, batch.MaxNodeCount);

        int chunk = GenomesPerLaunch(batch.ProgramCount, lanes, laneStride, shared ? 0 : batch.MaxNodeCount);
        var table = new FitnessTable(batch.ProgramCount, request.Weights.Length, request.Repetitions);
        var kernel = Kernel<TTask>(shared);
        long steps = 0;
        var laneViews = new LaneViews { Weight = _weight.Upload(laneWeights), Start = _start.Upload(starts.Values) };
        for (int first = 0; first < batch.ProgramCount; first += chunk)
        {
            int count = Math.Min(chunk, batch.ProgramCount - first);
            long threads = (long)count * laneStride;
            int groups = (int)((threads + groupSize - 1) / groupSize);
            laneViews.Reward = _reward.View((long)count * lanes);
            laneViews.Steps = _steps.View((long)count * lanes);
            laneViews.Scratch = shared ? _scratch.View(1) : _scratch.View((long)groups * groupSize * batch.MaxNodeCount);
            var shape = new RolloutShape
            {
                FirstGenome = first,
                GenomeCount = count,
                LanesPerGenome = lanes,
                LaneStride = laneStride,
                Repetitions = request.Repetitions,
                StartComponents = starts.Components,
                EpisodeLength = request.Task.EpisodeLength,
                InputCount = batch.InputCount,
                OutputCount = batch.OutputCount,
            };
            var config = shared
                ? new KernelConfig(groups, groupSize, SharedMemoryConfig.RequestDynamic<float>(groupSize * batch.MaxNodeCount))
                : new KernelConfig(groups, groupSize);
            Launch(kernel, config, program, laneViews, shape, task);

            laneViews.Reward.SubView(0, (long)count * lanes).CopyToCPU(table.Rewards.AsSpan(first * lanes, count * lanes));
            var stepCounts = new int[count * lanes];
            laneViews.Steps.SubView(0, stepCounts.Length).CopyToCPU(stepCounts);
            foreach (int s in stepCounts) steps += s;
        }
        table.StepCount = steps;
        return table;
    }

    /// <summary>Uploads a generation's program batch into the reused buffers.</summary>
    private ProgramViews Upload(ProgramBatch batch) => new()
    {
        InstructionStart = _instructionStart.Upload(batch.InstructionStart),
        Activation = _activation.Upload(batch.Activation),
        FirstEdge = _firstEdge.Upload(batch.FirstEdge),
        EdgeCount = _edgeCount.Upload(batch.EdgeCount),
        EdgeSource = _edgeSource.Upload(batch.EdgeSource),
        EdgeScale = _edgeScale.Upload(batch.EdgeScale),
        OutputSlot = _outputSlot.Upload(batch.OutputSlot),
    };

    /// <summary>
    /// Threads per genome (lanes rounded up to whole warps), threads per group, and whether a group's node
    /// values fit in shared memory (the fast path) or go to global scratch.
    /// </summary>
    private (int LaneStride, int GroupSize, bool Shared) Layout(int lanes, int maxNodes)
    {
        int warp = Math.Max(1, _accelerator.WarpSize);
        int laneStride = (lanes + warp - 1) / warp * warp;
        int groupSize = Math.Max(warp, Math.Min(PreferredGroupSize, _accelerator.MaxNumThreadsPerGroup) / warp * warp);
        long sharedBytes = (long)groupSize * maxNodes * sizeof(float);
        return (laneStride, groupSize, !_forceGlobalMemory && sharedBytes <= _accelerator.MaxSharedMemoryPerGroup);
    }

    public float[] Forward(ProgramBatch batch, float[] weights, float[] inputs)
    {
        int nIn = batch.InputCount, nOut = batch.OutputCount, vectors = inputs.Length / nIn;
        int lanes = weights.Length * vectors;
        var program = Upload(batch);
        var (laneStride, groupSize, shared) = Layout(lanes, batch.MaxNodeCount);
        var shape = new ForwardShape
        {
            GenomeCount = batch.ProgramCount,
            WeightCount = weights.Length,
            VectorCount = vectors,
            LaneStride = laneStride,
            InputCount = nIn,
            OutputCount = nOut,
        };
        var weightView = _weight.Upload(weights);
        var inputView = _inputs.Upload(inputs);
        var outputView = _outputs.View((long)batch.ProgramCount * lanes * nOut);
        long threads = (long)batch.ProgramCount * laneStride;
        int groups = (int)((threads + groupSize - 1) / groupSize);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            if (shared)
            {
                _sharedForward ??= _accelerator.LoadStreamKernel<ProgramViews, ArrayView<float>, ArrayView<float>, ArrayView<float>, ForwardShape>(ForwardKernels.SharedMemoryForward);
                KernelCompileSeconds += clock.Elapsed.TotalSeconds;
                _sharedForward(new KernelConfig(groups, groupSize, SharedMemoryConfig.RequestDynamic<float>(groupSize * batch.MaxNodeCount)),
                    program, weightView, inputView, outputView, shape);
            }
            else
            {
                _globalForward ??= _accelerator.LoadStreamKernel<ProgramViews, ArrayView<float>, ArrayView<float>, ArrayView<float>, ForwardShape, ArrayView<float>>(ForwardKernels.GlobalMemoryForward);
                KernelCompileSeconds += clock.Elapsed.TotalSeconds;
                _globalForward(new KernelConfig(groups, groupSize), program, weightView, inputView, outputView, shape,
                    _scratch.View((long)groups * groupSize * batch.MaxNodeCount));
            }
            _accelerator.Synchronize();
        }
        catch (Exception e) when (e is AcceleratorException or OutOfMemoryException)
        {
            throw new WannException($"{_accelerator.Name}: forward launch failed: {e.Message}");
        }
        var outputs = new float[batch.ProgramCount * lanes * nOut];
        outputView.SubView(0, outputs.Length).CopyToCPU(outputs);
        return outputs;
    }

    /// <summary>Genomes per launch so that rewards, step counts and any scratch stay within half the device memory.</summary>
    private int GenomesPerLaunch(int genomes, int lanes, int laneStride, int scratchSlots)
    {
        long budget = _accelerator.MemorySize / 2;
        long perGenome = (long)lanes * (sizeof(float) + sizeof(int)) + (long)laneStride * scratchSlots * sizeof(float);
        long fit = Math.Max(1, budget / Math.Max(1, perGenome));
        if (fit < 1) throw new WannException($"{_accelerator.Name}: one network needs {perGenome} bytes of device memory, more than it has");
        return (int)Math.Min(genomes, fit);
    }

    private Action<KernelConfig, ProgramViews, LaneViews, RolloutShape, TTask> Kernel<TTask>(bool shared) where TTask : struct, IRolloutTask
    {
        if (_kernels.TryGetValue((typeof(TTask), shared), out var cached))
            return (Action<KernelConfig, ProgramViews, LaneViews, RolloutShape, TTask>)cached;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var kernel = shared
            ? _accelerator.LoadStreamKernel<ProgramViews, LaneViews, RolloutShape, TTask>(RolloutKernels.SharedMemoryRollout)
            : _accelerator.LoadStreamKernel<ProgramViews, LaneViews, RolloutShape, TTask>(RolloutKernels.GlobalMemoryRollout);
        KernelCompileSeconds += clock.Elapsed.TotalSeconds;
        _kernels[(typeof(TTask), shared)] = kernel;
        return kernel;
    }

    private void Launch<TTask>(Action<KernelConfig, ProgramViews, LaneViews, RolloutShape, TTask> kernel, KernelConfig config,
        ProgramViews program, LaneViews lanes, RolloutShape shape, TTask task) where TTask : struct, IRolloutTask
    {
        try
        {
            kernel(config, program, lanes, shape, task);
            _accelerator.Synchronize();
        }
        catch (Exception e) when (e is AcceleratorException or OutOfMemoryException)
        {
            throw new WannException($"{_accelerator.Name}: rollout launch failed: {e.Message}");
        }
    }

    public void Dispose()
    {
        foreach (var buffer in new IDisposable[] { _instructionStart, _activation, _firstEdge, _edgeCount, _edgeSource, _edgeScale, _outputSlot, _weight, _start, _reward, _steps, _scratch, _inputs, _outputs })
            buffer.Dispose();
        _accelerator.Dispose();
        _context.Dispose();
    }
}
