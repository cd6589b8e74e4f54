namespace Wann.Engine.Evaluation;

/// <summary>
/// What every backend does (cpu, reference, the ILGPU ones): rollouts of a batch for a request
/// (<see cref="IEvaluator"/>), forward passes without a task (<see cref="IForwardEvaluator"/>, which
/// classification builds on), and what it spent on compiling kernels. The factory returns this; nothing
/// downcasts to a concrete backend. The conformance tests hold every implementation to the reference.
/// </summary>
public interface IBackend : IEvaluator, IForwardEvaluator
{
    /// <summary>Seconds spent compiling kernels so far (0 for backends without a compiler step).</summary>
    double KernelCompileSeconds { get; }
}
