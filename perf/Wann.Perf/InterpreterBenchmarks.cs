using BenchmarkDotNet.Attributes;
using Wann.Engine.Activations;
using Wann.Engine.Lanes;
using Wann.Kernels.Cpu;

namespace Wann.Perf;

/// <summary>The interpreter's inner loop per activation: one SIMD activation over a span of lane vectors, as the CPU backend runs it.</summary>
public class InterpreterBenchmarks
{
    private VectorLane[] _values = Array.Empty<VectorLane>();
    private VectorLane[] _weights = Array.Empty<VectorLane>();

    [Params(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11)]
    public int ActivationId { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        _values = Enumerable.Range(0, 64).Select(_ => VectorLane.From((float)(random.NextDouble() * 4 - 2))).ToArray();
        _weights = Enumerable.Range(0, 64).Select(i => VectorLane.From(i % 2 == 0 ? 1f : -0.5f)).ToArray();
    }

    /// <summary>64 vectors per call: the lanes of 16 genomes' nodes.</summary>
    [Benchmark]
    public VectorLane ApplyScaledInPlace()
    {
        var copy = _values.AsSpan();
        Activation.ApplyScaledInPlace(ActivationId, copy, _weights);
        return copy[0];
    }

    [Benchmark(Baseline = true)]
    public float ScalarReference()
    {
        float sum = 0;
        for (int i = 0; i < 64 * VectorLane.Count; i++) sum += Activation.Apply(ActivationId, new FloatLane(i * 0.01f - 1f)).Value;
        return sum;
    }
}
