using System.Numerics;
using Wann.Engine.Evaluation;
using Wann.Engine.Programs;
using Wann.Kernels.Tasks;

namespace Wann.Kernels.Cpu;

/// <summary>
/// The CPU backend: interprets a <see cref="ProgramBatch"/> with lanes packed into SIMD vectors
/// (<see cref="SimdRollout"/> for episodes, <see cref="SimdForward"/> for forward passes), genomes spread over the cores.
/// </summary>
public sealed class SimdEvaluator : IBackend
{
    private readonly int _threads;
    private readonly bool _scalarPhysics;

    /// <param name="scalarPhysics">Step every task lane by lane, not only the tasks that need it (tests hold both paths to the same results).</param>
    public SimdEvaluator(int? threads = null, bool scalarPhysics = false)
    {
        _threads = Math.Max(1, threads ?? Environment.ProcessorCount);
        _scalarPhysics = scalarPhysics;
    }

    public string Name => "cpu";
    public string Device => $"CPU SIMD, {VectorLane.Count} lanes per vector{(Vector.IsHardwareAccelerated ? "" : " (not hardware accelerated)")}, {_threads} threads";

    public FitnessTable Evaluate(ProgramBatch batch, EvaluationRequest request) =>
        TaskRegistry.Dispatch(request.Task, new SimdRollout(batch, request, _threads, _scalarPhysics));

    public float[] Forward(ProgramBatch batch, float[] weights, float[] inputs) => SimdForward.Run(batch, weights, inputs, _threads);

    public ClassScores Classify(ProgramBatch batch, float[] weights, float[] inputs, int[] labels) =>
        SimdForward.Classify(batch, weights, inputs, labels, _threads);

    public double KernelCompileSeconds => 0;

    public void Dispose() { }
}
