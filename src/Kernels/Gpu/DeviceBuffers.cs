using ILGPU.Runtime;
using Wann.Engine;
using Wann.Engine.Programs;

namespace Wann.Kernels.Gpu;

/// <summary>
/// The GPU backend's device buffers, listed once: the program batch, the lanes' weights, episode data, rewards
/// and step counts, node-value scratch, task state, the queued schedule's lane counters, the forward passes' inputs and outputs, and classification's labels and scores. Each grows only,
/// so generation after generation reuses the same memory.
/// </summary>
internal sealed class DeviceBuffers : IDisposable
{
    private readonly Accelerator _accelerator;
    private readonly List<IDeviceBuffer> _all = new();

    public DeviceBuffers(Accelerator accelerator)
    {
        _accelerator = accelerator;
        InstructionStart = Add<int>("instruction offsets");
        FirstEdge = Add<int>("edge offsets");
        NodeHeader = Add<int>("node headers");
        EdgeSource = Add<int>("edge sources");
        EdgeScale = Add<float>("edge scales");
        OutputSlot = Add<int>("output slots");
        Order = Add<int>("launch order");
        Weight = Add<float>("lane weights");
        Episodes = Add<float>("episode data");
        Reward = Add<float>("rewards");
        Steps = Add<int>("step counts");
        Scratch = Add<float>("node values");
        TaskState = Add<float>("task state");
        LaneCounters = Add<int>("lane queue counters");
        Inputs = Add<float>("input vectors");
        Outputs = Add<float>("outputs");
        Labels = Add<int>("labels");
        RowLoss = Add<float>("row losses");
        RowHit = Add<int>("row hits");
        MeanLoss = Add<float>("mean losses");
        Correct = Add<int>("correct counts");
    }

    public DeviceBuffer<int> InstructionStart { get; }
    public DeviceBuffer<int> FirstEdge { get; }
    public DeviceBuffer<int> NodeHeader { get; }
    public DeviceBuffer<int> EdgeSource { get; }
    public DeviceBuffer<float> EdgeScale { get; }
    public DeviceBuffer<int> OutputSlot { get; }
    public DeviceBuffer<int> Order { get; }
    public DeviceBuffer<float> Weight { get; }
    public DeviceBuffer<float> Episodes { get; }
    public DeviceBuffer<float> Reward { get; }
    public DeviceBuffer<int> Steps { get; }
    public DeviceBuffer<float> Scratch { get; }
    public DeviceBuffer<float> TaskState { get; }
    public DeviceBuffer<int> LaneCounters { get; }
    public DeviceBuffer<float> Inputs { get; }
    public DeviceBuffer<float> Outputs { get; }
    public DeviceBuffer<int> Labels { get; }
    public DeviceBuffer<float> RowLoss { get; }
    public DeviceBuffer<int> RowHit { get; }
    public DeviceBuffer<float> MeanLoss { get; }
    public DeviceBuffer<int> Correct { get; }

    /// <summary>Device allocations made so far by all the buffers.</summary>
    public int Allocations => _all.Sum(b => b.Allocations);

    private DeviceBuffer<T> Add<T>(string what) where T : unmanaged
    {
        var buffer = new DeviceBuffer<T>(_accelerator, what);
        _all.Add(buffer);
        return buffer;
    }

    /// <summary>The batch and its launch order in the program buffers; node headers packed here.</summary>
    public ProgramViews Upload(ProgramBatch batch, int[] order)
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
            InstructionStart = InstructionStart.Upload(batch.InstructionStart),
            FirstEdge = FirstEdge.Upload(firstEdge),
            NodeHeader = NodeHeader.Upload(header),
            EdgeSource = EdgeSource.Upload(batch.EdgeSource),
            // Shared-weight kernels never read scales: upload one element instead of the whole array.
            EdgeScale = batch.EdgeScalesAllOne ? EdgeScale.View(1) : EdgeScale.Upload(batch.EdgeScale),
            OutputSlot = OutputSlot.Upload(batch.OutputSlot),
            Order = Order.Upload(order),
        };
    }

    public void Dispose()
    {
        foreach (var buffer in _all) buffer.Dispose();
    }
}
