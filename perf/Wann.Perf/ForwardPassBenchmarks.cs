using BenchmarkDotNet.Attributes;
using Wann.Engine.Activations;
using Wann.Engine.Programs;
using Wann.Engine.Search;
using Wann.Kernels.Cpu;
using Wann.Kernels.Tasks;

namespace Wann.Perf;

/// <summary>
/// One SIMD forward pass of a ~30-connection swing-up network (M2's networks), averaged over 1024 of them,
/// at one lane vector (an episode tail) and three (a genome's 24 lanes), with the activation mix as grown
/// and with every transcendental node made linear: the gap is what the transcendental nodes cost.
/// </summary>
public class ForwardPassBenchmarks
{
    /// <summary>Which activations the networks' nodes carry.</summary>
    public enum ActivationMix { AsGrown, TranscendentalsLinear }

    private const int Networks = 1024;
    private const int PassesPerNetwork = 50;

    private ProgramBatch _batch = null!;
    private AlignedLanes _values = null!;
    private VectorLane[] _weights = Array.Empty<VectorLane>();

    [Params(1, 3)]
    public int Vectors { get; set; }

    [Params(ActivationMix.AsGrown, ActivationMix.TranscendentalsLinear)]
    public ActivationMix Mix { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var population = SyntheticPopulation.Grow(CartPoleSwingUp.Spec.Shape, Networks, 30, 7, CartPoleSwingUp.Spec.HiddenActivations.ToArray());
        var batch = ProgramBatch.Compile(population, WeightMode.Shared);
        _batch = Mix == ActivationMix.AsGrown ? batch : WithTranscendentalsLinear(batch);
        _values = new AlignedLanes(_batch.MaxNodeCount * Vectors);
        var values = _values.Span;
        for (int i = 0; i < (1 + _batch.InputCount) * Vectors; i++) values[i] = VectorLane.From(0.1f * (i % 7) - 0.3f);
        _weights = Enumerable.Range(0, Vectors).Select(i => VectorLane.From(0.5f + i)).ToArray();
    }

    /// <summary>Each network 50 times in a row, as an episode runs it; the time reported is that of one pass.</summary>
    [Benchmark(OperationsPerInvoke = Networks * PassesPerNetwork)]
    public void ForwardPasses()
    {
        var values = _values.Span;
        for (int g = 0; g < _batch.ProgramCount; g++)
            for (int pass = 0; pass < PassesPerNetwork; pass++)
                ForwardPass.Run(_batch, _batch.InstructionStart[g], _batch.InstructionStart[g + 1], Vectors, values, _weights);
    }

    private static ProgramBatch WithTranscendentalsLinear(ProgramBatch batch) => new()
    {
        InputCount = batch.InputCount,
        OutputCount = batch.OutputCount,
        InstructionStart = batch.InstructionStart,
        Activation = batch.Activation.Select(id => IsTranscendental((ActivationFunction)id) ? (int)ActivationFunction.Linear : id).ToArray(),
        FirstEdge = batch.FirstEdge,
        EdgeCount = batch.EdgeCount,
        EdgeSource = batch.EdgeSource,
        EdgeScale = batch.EdgeScale,
        OutputSlot = batch.OutputSlot,
        MaxNodeCount = batch.MaxNodeCount,
    };

    private static bool IsTranscendental(ActivationFunction f) =>
        f is ActivationFunction.Sine or ActivationFunction.Gaussian or ActivationFunction.Tanh or ActivationFunction.Sigmoid or ActivationFunction.Cosine;
}
